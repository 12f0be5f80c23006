using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.FollowUp;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.IntegrationTests.Jobs;

/// <summary>A discharge that asks for a GP consultation puts a task in the clinic's list, which the job closes or escalates.</summary>
public abstract class FollowUpTaskTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_discharge_with_a_GP_follow_up_puts_a_task_in_the_clinics_list_and_an_event_on_the_timeline()
    {
        var taskId = await DischargeJensAsync(days: 7, note: "Check oxygen saturation");

        var tasks = await TasksOfAsync("gp.secretary");
        var task = Assert.Single(tasks, t => t.Id == taskId);
        Assert.Equal(CopenhagenTime.Today(TimeProvider.System).AddDays(7), task.DueBy);
        Assert.Equal("Check oxygen saturation", task.Note);
        Assert.False(task.Escalated);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        Assert.True(await db.PathwayEvents.AnyAsync(e => e.PatientId == jensId && e.Kind == PathwayEventKind.Discharged, Ct));
    }

    [Fact]
    public async Task Only_a_hospital_records_a_discharge_and_the_refusal_is_logged()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            factory.CallAsync<DischargeService, Guid?>(s => s.RecordAsync(gp, jensId, new DischargeInput(7, null), Ct)));

        Assert.Equal("Only a hospital records a discharge.", refused.Message);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.True(await db.AccessRecords.AnyAsync(r => r.UserId == gp.UserId && r.What == "Record discharge" && !r.Allowed, Ct));
    }

    [Fact]
    public async Task Someone_outside_the_GP_clinic_sees_no_task_list()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            factory.CallAsync<FollowUpTaskService, IReadOnlyList<FollowUpTaskRow>>(s => s.OpenTasksAsync(nurse, Ct)));
    }

    [Fact]
    public async Task An_unbooked_task_is_escalated_to_the_GP_once()
    {
        var taskId = await DischargeJensAsync(days: 3, note: null);
        var gp = await factory.ActorAsync("gp.larsen", Ct);

        var before = await EscalationNotificationsAsync(gp.UserId);

        await RunAsync(escalateAfter: TimeSpan.Zero);
        var afterFirstRun = await EscalationNotificationsAsync(gp.UserId);
        await RunAsync(escalateAfter: TimeSpan.Zero);

        Assert.True(Assert.Single(await TasksOfAsync("gp.secretary"), t => t.Id == taskId).Escalated);
        Assert.True(afterFirstRun > before);
        Assert.Equal(afterFirstRun, await EscalationNotificationsAsync(gp.UserId));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        Assert.True(await db.AccessRecords.AnyAsync(r => r.PatientId == jensId && r.UserDisplayName == "System: follow-up tasks" && r.Allowed, Ct));
    }

    [Fact]
    public async Task A_task_whose_follow_up_is_booked_closes_and_is_not_escalated()
    {
        var taskId = await DischargeJensAsync(days: 10, note: null);
        var appointmentId = await BookGpFollowUpForJensAsync();

        await RunAsync(escalateAfter: TimeSpan.Zero);
        // The booking would close the other tests' tasks for Jens as well.
        await CancelAsync(appointmentId);

        Assert.DoesNotContain(await TasksOfAsync("gp.secretary"), t => t.Id == taskId);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var task = await db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, Ct);
        Assert.NotNull(task.BookedAt);
        Assert.Null(task.EscalatedAt);
    }

    [Fact]
    public async Task A_task_is_not_escalated_before_its_time()
    {
        var taskId = await DischargeJensAsync(days: 5, note: null);

        await RunAsync(escalateAfter: TimeSpan.FromDays(3));

        Assert.False(Assert.Single(await TasksOfAsync("gp.secretary"), t => t.Id == taskId).Escalated);
    }

    private async Task<int> EscalationNotificationsAsync(string userId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Notifications.AsNoTracking().CountAsync(n => n.RecipientUserId == userId && n.Kind == NotificationKind.FollowUpEscalated, Ct);
    }

    private async Task<Guid> DischargeJensAsync(int days, string? note)
    {
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await CancelDemoFollowUpsAsync(jensId);
        var id = await factory.CallAsync<DischargeService, Guid?>(s => s.RecordAsync(doctor, jensId, new DischargeInput(days, note), Ct));
        return Assert.NotNull(id);
    }

    private async Task<IReadOnlyList<FollowUpTaskRow>> TasksOfAsync(string userName)
    {
        var actor = await factory.ActorAsync(userName, Ct);
        return await factory.CallAsync<FollowUpTaskService, IReadOnlyList<FollowUpTaskRow>>(s => s.OpenTasksAsync(actor, Ct));
    }

    private async Task RunAsync(TimeSpan escalateAfter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var job = new FollowUpEscalationJob(services.GetRequiredService<IDbContextFactory<CareDbContext>>(), services.GetRequiredService<PatientAccessGuard>(),
            services.GetServices<INotificationChannel>(), services.GetRequiredService<IPathwayNotifier>(), TimeProvider.System,
            services.GetRequiredService<FollowUpSettings>() with { EscalateAfter = escalateAfter }, services.GetRequiredService<ILogger<FollowUpEscalationJob>>());
        await job.RunAsync(Ct);
    }

    /// <summary>The demo calendar already books Jens' GP follow-up, which would count as the task's booking.</summary>
    private async Task CancelDemoFollowUpsAsync(Guid jensId)
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var booked = await db.Appointments
            .Where(a => a.PatientId == jensId && a.OrganisationId == gp.OrganisationId && a.Status != AppointmentStatus.Cancelled)
            .ToListAsync(Ct);
        foreach (var appointment in booked.Where(a => a.Type == AppointmentType.FollowUp))
            appointment.Cancel(appointment.Version, "Not part of this test", new ChangeStamp("Sofie Nielsen", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(Ct);
    }

    private async Task CancelAsync(Guid appointmentId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId, Ct);
        appointment.Cancel(appointment.Version, "Test over", new ChangeStamp("Sofie Nielsen", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<Guid> BookGpFollowUpForJensAsync()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var appointment = Appointment.Book(jensId, gp.OrganisationId!.Value, new AppointmentDetails(AppointmentType.FollowUp, AppointmentMode.InPerson, "Consultation room 1"),
            new AppointmentTime(start, start.AddMinutes(20)), [new AppointmentParticipant(ParticipantKind.Practitioner, gp.UserId, gp.DisplayName)],
            new ChangeStamp("Sofie Nielsen", DateTimeOffset.UtcNow));
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(Ct);
        return appointment.Id;
    }
}

public sealed class FollowUpTaskTests_Sqlite(SqliteAppFactory factory) : FollowUpTaskTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class FollowUpTaskTests_PostgreSql(PostgreSqlAppFactory factory) : FollowUpTaskTests(factory), IClassFixture<PostgreSqlAppFactory>;
