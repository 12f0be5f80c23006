using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>The joint calendar through its service: booking, series, stale edits, refusals, and who may see it.</summary>
public abstract class AppointmentServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_GP_secretary_books_a_follow_up_it_is_stored_in_UTC_signalled_and_on_the_timeline()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var secretary = await factory.ActorAsync("gp.secretary", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var input = CalendarTestData.FollowUp(secretary) with
        {
            Participants = [new ParticipantInput(ParticipantKind.Practitioner, gp.UserId, "typed by the browser"), new ParticipantInput(ParticipantKind.Patient, "ignored?", "Jens")],
        };
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Calendar, _ => Task.FromResult(0));

        var patientParticipant = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.BookAsync(secretary, jensId, input, Ct)));
        Assert.Equal("Only the patient and relatives registered with an account can take part.", patientParticipant.Template);

        var jensUser = (await GetAsync(secretary, jensId, input.Day)).People.Single(p => p.Kind == ParticipantKind.Patient);
        input = input with { Participants = [input.Participants[0], new ParticipantInput(ParticipantKind.Patient, jensUser.UserId, "")] };
        var id = await Service(s => s.BookAsync(secretary, jensId, input, Ct));

        var (change, _) = await probe.ArrivalAsync(id, Ct);
        Assert.Contains(AudienceKey.ForOrganisation(secretary.OrganisationId!.Value), change.SeenBy!);
        var booked = Assert.Single((await GetAsync(secretary, jensId, input.Day)).Appointments, a => a.Id == id);
        Assert.Equal(CopenhagenTime.At(input.Day, input.StartTime), booked.Start);
        Assert.Equal(["Peter Larsen", "Jens Jensen"], booked.Participants.Select(p => p.Name));
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var stored = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
        Assert.Equal(TimeSpan.Zero, stored.Start.Offset);
        var timeline = await factory.CallAsync<TimelineService, TimelinePage>(s => s.GetAsync(secretary, jensId,
            new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.Appointment }), 0, 200, Ct));
        Assert.Contains(timeline.Entries, e => e.Kind == PathwayEventKind.AppointmentBooked
            && e.Parameters![PathwayEventParameters.Start] == PathwayEventParameters.Write(booked.Start));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_who_changed_it_and_nothing_of_it_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var secretary = await factory.ActorAsync("gp.secretary", Ct);
        var input = CalendarTestData.FollowUp(nurse) with { Mode = AppointmentMode.HomeVisit, Location = null };
        var id = await Service(s => s.BookAsync(nurse, jensId, input, Ct));
        var opened = (await GetAsync(nurse, jensId, input.Day)).Appointments.Single(a => a.Id == id);

        await Service(s => s.ChangeAsync(secretary, jensId, id, opened.Version, input with { StartTime = new TimeOnly(11, 0), EndTime = new TimeOnly(11, 30) }, SeriesScope.ThisOccurrence, Ct));
        var ex = await Assert.ThrowsAsync<StaleEditException>(() => Service(s => s.CancelAsync(nurse, jensId, id, opened.Version, "Not needed", SeriesScope.ThisOccurrence, Ct)));

        Assert.StartsWith("Sofie Nielsen", ex.ChangedBy, StringComparison.Ordinal);
        var now = (await GetAsync(nurse, jensId, input.Day)).Appointments.Single(a => a.Id == id);
        Assert.Equal(AppointmentStatus.Booked, now.Status);
        Assert.Equal(new TimeOnly(11, 0), CopenhagenTime.TimeOf(now.Start));
    }

    [Fact]
    public async Task A_nurse_of_an_organisation_not_on_the_care_team_is_refused_reading_and_booking_and_it_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);
        var day = CalendarTestData.NextDay();

        var read = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => GetAsync(stranger, jensId, day));
        var book = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.BookAsync(stranger, jensId, CalendarTestData.FollowUp(stranger, day), Ct)));

        Assert.Contains("not on the patient's care team", read.Message, StringComparison.Ordinal);
        Assert.Equal(book.Message, await AccessTestData.LatestRefusalAsync(factory, stranger.UserId, jensId, Ct));
        Assert.True(await AccessTestData.CountRecordsAsync(factory, stranger.UserId, jensId, allowed: false, PatientSection.Calendar, Ct) >= 2);
        var staff = await factory.CallAsync<StaffCalendarService, StaffCalendarView>(s => s.GetAsync(stranger, day, day.AddDays(6), onlyMine: false, Ct));
        Assert.DoesNotContain(staff.Appointments, a => a.Appointment.PatientId == jensId);
    }

    [Fact]
    public async Task A_relative_reads_the_calendar_only_when_the_consent_includes_it_and_never_books()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var day = CalendarTestData.NextDay();

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => GetAsync(relative, jensId, day));
        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(gp, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Timeline], null, "Calendar test"), Ct));
        var withoutCalendar = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => GetAsync(relative, jensId, day));
        Assert.Contains("Calendar", withoutCalendar.Message, StringComparison.Ordinal);

        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(gp, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Calendar], null, "Calendar test"), Ct));
        var view = await GetAsync(relative, jensId, day);
        Assert.False(view.Can.Book);
        Assert.Empty(view.People);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.BookAsync(relative, jensId, CalendarTestData.FollowUp(gp, day), Ct)));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_reason_logged_and_nothing_half_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var input = CalendarTestData.FollowUp(gp);
        var today = CopenhagenTime.Today(TimeProvider.System);

        var endBeforeStart = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.BookAsync(gp, jensId, input with { EndTime = new TimeOnly(9, 0) }, Ct)));
        var past = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.BookAsync(gp, jensId, input with { Day = today.AddDays(-1) }, Ct)));
        var endless = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.BookAsync(gp, jensId,
            input with { Recurrence = new RecurrenceInput(1, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], null, input.Day.AddYears(3)) }, Ct)));

        Assert.Equal("The appointment must end after it starts.", endBeforeStart.Template);
        Assert.Equal("An appointment cannot be booked in the past.", past.Template);
        Assert.Equal("A series may have at most {0} appointments; end it sooner or repeat it less often.", endless.Template);
        Assert.Equal(endless.Message, await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct));
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.False(await db.Appointments.AnyAsync(a => a.Reason == input.Reason, Ct));
    }

    [Fact]
    public async Task A_weekly_series_keeps_its_clock_time_conflicts_are_found_and_this_and_following_can_be_cancelled()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        var first = CalendarTestData.NextDay();
        var input = CalendarTestData.FollowUp(physio, first, "09:00", "10:00") with
        {
            Type = AppointmentType.Routine,
            Recurrence = new RecurrenceInput(1, [first.DayOfWeek], Count: 33, Until: null),
        };
        // 33 weekly appointments span 224 days, longer than Danish summer time (217 days, last Sunday of March to last Sunday
        // of October): a daylight-saving change whatever day the test is given. 30 fell wholly in summer time once the
        // tests before it had taken 80 days.
        var id = await Service(s => s.BookAsync(physio, jensId, input, Ct));
        var view = await GetAsync(physio, jensId, first, first.AddDays(7 * 33));
        var series = view.Appointments.Where(a => a.SeriesId is not null && a.SeriesId == view.Appointments.Single(x => x.Id == id).SeriesId).ToList();
        Assert.Equal(33, series.Count);
        Assert.All(series, a => Assert.Equal(new TimeOnly(9, 0), CopenhagenTime.TimeOf(a.Start)));
        Assert.Equal(2, series.Select(a => CopenhagenTime.ToCopenhagen(a.Start).Offset).Distinct().Count());

        var clash = CalendarTestData.FollowUp(physio, CopenhagenTime.DateOf(series[3].Start), "09:30", "10:30");
        var conflicts = await Service(s => s.FindConflictsAsync(physio, jensId, clash, null, SeriesScope.ThisOccurrence, Ct));
        Assert.Contains(conflicts, c => c.AppointmentId == series[3].Id && c.Kind == ConflictKind.Patient);

        await Service(s => s.CancelAsync(physio, jensId, series[10].Id, series[10].Version, "Training finished early", SeriesScope.ThisAndFollowing, Ct));
        var after = (await GetAsync(physio, jensId, first, first.AddDays(7 * 33))).Appointments.Where(a => series.Select(x => x.Id).Contains(a.Id)).OrderBy(a => a.Start).ToList();
        Assert.All(after.Take(10), a => Assert.Equal(AppointmentStatus.Booked, a.Status));
        Assert.All(after.Skip(10), a => Assert.Equal(AppointmentStatus.Cancelled, a.Status));
        Assert.Empty(await Service(s => s.FindConflictsAsync(physio, jensId,
            CalendarTestData.FollowUp(physio, CopenhagenTime.DateOf(series[12].Start), "09:00", "10:00"), null, SeriesScope.ThisOccurrence, Ct)));
    }

    [Fact]
    public async Task The_staff_calendar_shows_the_organisations_appointments_and_logs_each_patient_shown()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var careWorker = await factory.ActorAsync("careworker.berg", Ct);
        var input = CalendarTestData.FollowUp(careWorker) with { Mode = AppointmentMode.HomeVisit, Location = null, Type = AppointmentType.Routine };
        var id = await Service(s => s.BookAsync(careWorker, jensId, input, Ct));
        var before = await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: true, PatientSection.Calendar, Ct);

        var organisation = await factory.CallAsync<StaffCalendarService, StaffCalendarView>(s => s.GetAsync(nurse, input.Day, input.Day, onlyMine: false, Ct));
        var mine = await factory.CallAsync<StaffCalendarService, StaffCalendarView>(s => s.GetAsync(nurse, input.Day, input.Day, onlyMine: true, Ct));

        var shown = Assert.Single(organisation.Appointments, a => a.Appointment.Id == id);
        Assert.Equal("Jens Jensen", shown.PatientName);
        Assert.False(shown.IsMine);
        Assert.DoesNotContain(mine.Appointments, a => a.Appointment.Id == id);
        Assert.True(await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: true, PatientSection.Calendar, Ct) > before);
    }

    [Fact]
    public async Task The_demo_gives_Jens_appointments_of_all_three_sectors_and_a_training_series_across_both_daylight_saving_changes()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var today = CopenhagenTime.Today(TimeProvider.System);

        var training = (await GetAsync(gp, jensId, new DateOnly(2026, 10, 1), new DateOnly(2027, 4, 29))).Appointments
            .Where(a => a.OrganisationName.EndsWith("Genoptræningscenter", StringComparison.Ordinal) && a.SeriesId is not null && a.Mode == AppointmentMode.InPerson)
            .ToList();
        var around = (await GetAsync(gp, jensId, today.AddDays(-30), today.AddDays(30))).Appointments;

        Assert.True(training.Count >= 30, $"{training.Count} training sessions");
        Assert.All(training, a => Assert.Equal(new TimeOnly(9, 0), CopenhagenTime.TimeOf(a.Start)));
        Assert.Contains(training, a => CopenhagenTime.DateOf(a.Start) == new DateOnly(2026, 10, 22) && a.Start.UtcDateTime.Hour == 7);
        Assert.Contains(training, a => CopenhagenTime.DateOf(a.Start) == new DateOnly(2026, 10, 29) && a.Start.UtcDateTime.Hour == 8);
        Assert.Contains(training, a => CopenhagenTime.DateOf(a.Start) == new DateOnly(2027, 3, 25) && a.Start.UtcDateTime.Hour == 8);
        Assert.Contains(training, a => CopenhagenTime.DateOf(a.Start) == new DateOnly(2027, 4, 1) && a.Start.UtcDateTime.Hour == 7);
        Assert.Equal([Sector.Hospital, Sector.GeneralPractice, Sector.Municipality], around.Select(a => a.Sector).Distinct().Order());
        Assert.Contains(around, a => a.Type == AppointmentType.CheckUp && a.Mode == AppointmentMode.Video && a.Sector == Sector.Hospital);
        Assert.Contains(around, a => a.Mode == AppointmentMode.HomeVisit && a.Sector == Sector.Municipality);
        Assert.Contains(around, a => a.Type == AppointmentType.FollowUp && a.Sector == Sector.GeneralPractice);
        var conference = Assert.Single(around, a => a.Type == AppointmentType.DischargeConference);
        Assert.Equal(AppointmentStatus.Fulfilled, conference.Status);
        Assert.True(conference.End < DateTimeOffset.UtcNow);
    }

    private Task<CalendarView> GetAsync(Actor actor, Guid patientId, DateOnly day) => GetAsync(actor, patientId, day, day);

    private Task<CalendarView> GetAsync(Actor actor, Guid patientId, DateOnly from, DateOnly to) =>
        factory.CallAsync<AppointmentService, CalendarView>(s => s.GetAsync(actor, patientId, from, to, Ct));

    private Task<T> Service<T>(Func<AppointmentService, Task<T>> call) => factory.CallAsync(call);

    private Task Service(Func<AppointmentService, Task> call) => factory.CallAsync(call);
}

public sealed class AppointmentServiceTests_Sqlite(SqliteAppFactory factory) : AppointmentServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AppointmentServiceTests_PostgreSql(PostgreSqlAppFactory factory) : AppointmentServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
