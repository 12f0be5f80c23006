using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Domain.Reminders;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Reminders;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.IntegrationTests.Jobs;

/// <summary>
/// The reminder job on the real database: each reminder once per person and channel, whatever runs twice, at the same
/// time or after a crash; only to the patient and relatives whose consent includes the calendar.
/// </summary>
public abstract class AppointmentReminderJobTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_due_appointment_reminds_the_patient_once_and_a_relative_without_calendar_consent_gets_nothing()
    {
        await SetUllasConsentAsync(await UserIdAsync("ulla"), withCalendar: false);
        var appointment = await BookForJensAsync(TimeSpan.FromHours(2));

        await RunAsync();
        await RunAsync();

        var (jens, ulla) = (await UserIdAsync("jens"), await UserIdAsync("ulla"));
        Assert.Equal(1, await InAppDeliveriesAsync(appointment, jens));
        Assert.Equal(0, await InAppDeliveriesAsync(appointment, ulla));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.AppointmentReminder && (n.RecipientUserId == jens || n.RecipientUserId == ulla))
            .ToListAsync(Ct);
        var mine = notifications.Where(n => n.Link == $"/patients/{appointment.PatientId}/calendar"
            && n.Values[NotificationMessage.Start] == appointment.Start.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(jens, Assert.Single(mine).RecipientUserId);
    }

    [Fact]
    public async Task The_job_reads_as_the_system_actor_and_the_access_log_names_it()
    {
        var appointment = await BookForJensAsync(TimeSpan.FromHours(3));

        await RunAsync();

        await using var db = await factory.CreateDbContextAsync(Ct);
        var records = await db.AccessRecords.AsNoTracking()
            .Where(r => r.PatientId == appointment.PatientId && r.Role == UserRole.System)
            .ToListAsync(Ct);
        Assert.Contains(records, r => r.Section == PatientSection.Calendar && r.Allowed && r.UserDisplayName == "System: appointment reminders");
    }

    [Fact]
    public async Task A_relative_whose_consent_includes_the_calendar_is_reminded_too()
    {
        var ulla = await UserIdAsync("ulla");
        await SetUllasConsentAsync(ulla, withCalendar: true);
        var appointment = await BookForJensAsync(TimeSpan.FromHours(4));

        await RunAsync();

        Assert.Equal(1, await InAppDeliveriesAsync(appointment, ulla));
        Assert.Equal(1, await InAppDeliveriesAsync(appointment, await UserIdAsync("jens")));
    }

    [Fact]
    public async Task A_relative_whose_consent_comes_after_the_first_run_is_reminded_on_the_next_run_and_no_one_twice()
    {
        var ulla = await UserIdAsync("ulla");
        var jens = await UserIdAsync("jens");
        await SetUllasConsentAsync(ulla, withCalendar: false);
        var appointment = await BookForJensAsync(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(30));
        await RunAsync();
        Assert.Equal(1, await InAppDeliveriesAsync(appointment, jens));
        Assert.Equal(0, await InAppDeliveriesAsync(appointment, ulla));

        await SetUllasConsentAsync(ulla, withCalendar: true);
        await RunAsync();
        await RunAsync();

        Assert.Equal(1, await InAppDeliveriesAsync(appointment, ulla));
        Assert.Equal(1, await InAppDeliveriesAsync(appointment, jens));
        Assert.Equal(1, await RemindersInBellAsync(appointment, ulla));
        Assert.Equal(1, await RemindersInBellAsync(appointment, jens));
    }

    [Fact]
    public async Task An_appointment_nobody_is_due_a_reminder_for_is_not_read_again_by_the_next_run()
    {
        var patientId = await PatientWithoutAccountOrRelativesAsync();
        await AppointmentReminderJobTestsSupport.BookAsync(factory, patientId, patientUser: null, TimeSpan.FromHours(4) + TimeSpan.FromMinutes(40), Ct);
        await RunAsync(settleTime: TimeSpan.Zero);
        var readsBefore = await JobReadsAsync(patientId);
        Assert.True(readsBefore > 0);

        var sent = await RunAsync(settleTime: TimeSpan.Zero);

        Assert.Equal(0, sent);
        Assert.Equal(readsBefore, await JobReadsAsync(patientId));
    }

    [Fact]
    public async Task Concurrent_runs_send_each_reminder_once()
    {
        var appointments = new List<Appointment>();
        for (var i = 0; i < 5; i++)
            appointments.Add(await BookForJensAsync(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(10 * i)));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(batchSize: 2), Ct)));

        var jens = await UserIdAsync("jens");
        foreach (var appointment in appointments)
            Assert.Equal(1, await InAppDeliveriesAsync(appointment, jens));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var ids = appointments.Select(a => a.Id).ToList();
        var duplicates = await db.ReminderDeliveries.AsNoTracking().Where(d => ids.Contains(d.AppointmentId))
            .GroupBy(d => new { d.AppointmentId, d.RecipientUserId, d.Channel }).CountAsync(g => g.Count() > 1, Ct);
        Assert.Equal(0, duplicates);
    }

    [Fact]
    public async Task A_run_that_crashes_mid_way_is_finished_by_the_next_run_without_duplicates()
    {
        var appointments = new List<Appointment>();
        for (var i = 0; i < 3; i++)
            appointments.Add(await BookForJensAsync(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(10 * i)));
        var database = new TestDatabase(factory);
        var batches = 0;
        // The second batch's save dies, as when the process stops: the first batch is committed, the rest is not.
        database.BeforeNextSave(() => throw new InvalidOperationException("The process stopped."),
            db => db.ChangeTracker.Entries<ReminderDelivery>().Any(e => e.State == EntityState.Added) && ++batches == 2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(batchSize: 1, database: database));
        var jens = await UserIdAsync("jens");
        Assert.Equal(1, await InAppDeliveriesAsync(appointments[0], jens));
        Assert.Equal(0, await InAppDeliveriesAsync(appointments[1], jens));

        await RunAsync(batchSize: 1);

        foreach (var appointment in appointments)
            Assert.Equal(1, await InAppDeliveriesAsync(appointment, jens));
    }

    [Fact]
    public async Task A_moved_appointment_is_reminded_again_but_a_cancelled_one_is_not()
    {
        var moved = await BookForJensAsync(TimeSpan.FromHours(9));
        var cancelled = await BookForJensAsync(TimeSpan.FromHours(10));
        await RunAsync();

        await ChangeAsync(moved.Id, a => a.Reschedule(a.Version, new AppointmentTime(a.Start.AddHours(1), a.End.AddHours(1)), Stamp()));
        await ChangeAsync(cancelled.Id, a => a.Cancel(a.Version, "Patient is admitted", Stamp()));
        var cancelledLater = await BookForJensAsync(TimeSpan.FromHours(11));
        await ChangeAsync(cancelledLater.Id, a => a.Cancel(a.Version, "Patient is admitted", Stamp()));
        await RunAsync();

        var jens = await UserIdAsync("jens");
        await using var db = await factory.CreateDbContextAsync(Ct);
        var starts = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.AppointmentId == moved.Id && d.RecipientUserId == jens && d.Channel == NotificationChannelKind.InApp)
            .Select(d => d.StartsAt).ToListAsync(Ct);
        Assert.Equal(2, starts.Count);
        Assert.Contains(moved.Start.AddHours(1), starts);
        Assert.Equal(0, await InAppDeliveriesAsync(cancelledLater, jens));
    }

    private async Task<int> RunAsync(int batchSize = 500, TestDatabase? database = null, TimeSpan? settleTime = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var settings = services.GetRequiredService<ReminderSettings>() with { BatchSize = batchSize };
        if (settleTime is { } settle)
            settings = settings with { ConsentSettleTime = settle };
        var job = new AppointmentReminderJob(
            database as IDbContextFactory<CareDbContext> ?? services.GetRequiredService<IDbContextFactory<CareDbContext>>(),
            services.GetRequiredService<PatientAccessGuard>(), services.GetServices<INotificationChannel>(),
            services.GetRequiredService<IPathwayNotifier>(), TimeProvider.System, settings,
            services.GetRequiredService<ILogger<AppointmentReminderJob>>());
        return await job.RunAsync(Ct);
    }

    private Task<Appointment> BookForJensAsync(TimeSpan fromNow) => AppointmentReminderJobTestsSupport.BookForJensAsync(factory, fromNow, Ct);

    private async Task ChangeAsync(Guid appointmentId, Action<Appointment> change)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId, Ct);
        change(appointment);
        await db.SaveChangesAsync(Ct);
    }

    private async Task SetUllasConsentAsync(string ulla, bool withCalendar)
    {
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        foreach (var old in await db.RelativeConsents.Where(c => c.PatientId == jensId && c.RelativeUserId == ulla && c.WithdrawnAt == null).ToListAsync(Ct))
            old.Withdraw(DateTimeOffset.UtcNow, "Jens Jensen", "Sections changed");
        PatientSection[] sections = withCalendar
            ? [PatientSection.MasterData, PatientSection.Calendar]
            : [PatientSection.MasterData, PatientSection.CareTeam, PatientSection.Timeline];
        db.RelativeConsents.Add(new RelativeConsent(jensId, ulla, sections, DateTimeOffset.UtcNow, "Jens Jensen"));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<int> InAppDeliveriesAsync(Appointment appointment, string userId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.ReminderDeliveries.AsNoTracking()
            .CountAsync(d => d.AppointmentId == appointment.Id && d.RecipientUserId == userId && d.Channel == NotificationChannelKind.InApp, Ct);
    }

    private async Task<int> RemindersInBellAsync(Appointment appointment, string userId)
    {
        var start = appointment.Start.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.AppointmentReminder && n.RecipientUserId == userId && n.Link == $"/patients/{appointment.PatientId}/calendar")
            .ToListAsync(Ct);
        return notifications.Count(n => n.Values[NotificationMessage.Start] == start);
    }

    private async Task<int> JobReadsAsync(Guid patientId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking()
            .CountAsync(r => r.PatientId == patientId && r.Role == UserRole.System && r.UserDisplayName == "System: appointment reminders", Ct);
    }

    private async Task<Guid> PatientWithoutAccountOrRelativesAsync()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Patients.AsNoTracking()
            .Where(p => p.UserId == null && !db.RelativeConsents.Any(c => c.PatientId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }

    private async Task<string> UserIdAsync(string userName) => (await factory.ActorAsync(userName, Ct)).UserId;

    private static ChangeStamp Stamp() => new("Sofie Nielsen", DateTimeOffset.UtcNow);
}

/// <summary>Books appointments for Jens with his GP, as the calendar would.</summary>
public static class AppointmentReminderJobTestsSupport
{
    public static async Task<Appointment> BookForJensAsync(CareAppFactory factory, TimeSpan fromNow, CancellationToken ct) =>
        await BookAsync(factory, await factory.JensIdAsync(ct), await factory.ActorAsync("jens", ct), fromNow, ct);

    /// <summary>Books for any patient; <paramref name="patientUser"/> joins as the patient when they have an account.</summary>
    public static async Task<Appointment> BookAsync(CareAppFactory factory, Guid patientId, Actor? patientUser, TimeSpan fromNow, CancellationToken ct)
    {
        var gp = await factory.ActorAsync("gp.larsen", ct);
        List<AppointmentParticipant> participants = [new AppointmentParticipant(ParticipantKind.Practitioner, gp.UserId, gp.DisplayName)];
        if (patientUser is not null)
            participants.Add(new AppointmentParticipant(ParticipantKind.Patient, patientUser.UserId, patientUser.DisplayName));
        await using var db = await factory.CreateDbContextAsync(ct);
        // Whole minutes: every provider stores the start exactly as booked.
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero) + fromNow;
        var appointment = Appointment.Book(patientId, gp.OrganisationId!.Value, new AppointmentDetails(AppointmentType.FollowUp, AppointmentMode.InPerson, "Consultation room 2"),
            new AppointmentTime(start, start.AddMinutes(30)), participants, new ChangeStamp("Sofie Nielsen", DateTimeOffset.UtcNow));
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        return appointment;
    }
}

public sealed class AppointmentReminderJobTests_Sqlite(SqliteAppFactory factory) : AppointmentReminderJobTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AppointmentReminderJobTests_PostgreSql(PostgreSqlAppFactory factory) : AppointmentReminderJobTests(factory), IClassFixture<PostgreSqlAppFactory>;
