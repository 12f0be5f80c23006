using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Rehabilitation;
using CareWorkspace.Web.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The rehabilitation plan on a real database: the hospital makes it, the patient and a consenting relative log training,
/// the physiotherapist sees adherence; refusals by relationship, role and rule are logged, and a stale edit is refused.
/// </summary>
public abstract class RehabilitationPlanServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<RehabilitationPlanService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RehabilitationPlanService>());
    }

    private async Task<(Guid JensId, Guid PlanId, RehabilitationPlanInput Input)> MakePlanAsync(string exerciseName)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var input = await InputAsync(exerciseName);
        var planId = await WithAsync(s => s.MakePlanAsync(doctor, jensId, input, Ct));
        return (jensId, planId, input);
    }

    private Task<RehabilitationPlanInput> InputAsync(string exerciseName, int timesPerWeek = 3) =>
        RehabilitationTestData.InputAsync(factory, exerciseName, Ct, timesPerWeek);

    [Fact]
    public async Task The_hospital_makes_a_plan_the_patient_logs_training_and_the_physiotherapist_sees_it_in_the_week()
    {
        var name = "Rejse-sætte-sig " + PathwayTestData.Unique();
        var (jensId, planId, _) = await MakePlanAsync(name);
        var jens = await factory.ActorAsync("jens", Ct);
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Rehabilitation, _ => Task.FromResult(0));

        var mine = await WithAsync(s => s.GetAsync(jens, jensId, Ct));
        Assert.Equal(planId, mine.Plan!.Id);
        Assert.True(mine.Can.LogSession);
        Assert.False(mine.Can.ChangePlan);
        var today = mine.Today;
        var sessionId = await WithAsync(s => s.LogSessionAsync(jens, jensId, planId,
            new SessionInput(today, mine.Plan.Exercises[0].Id, SessionOutcome.Partly, 4, "Ondt i knæet"), Ct));

        var (change, _) = await probe.ArrivalAsync(sessionId, Ct);
        Assert.Equal(jens.UserId, change.ByUserId);
        var review = await WithAsync(s => s.GetAsync(physio, jensId, Ct));
        var session = Assert.Single(review.Sessions);
        Assert.Equal((name, SessionOutcome.Partly, 4, "Ondt i knæet"), (session.ExerciseName, session.Outcome, session.Pain, session.Note));
        Assert.Equal(0.5, review.Weeks[^1].Credited);
        Assert.True(review.Can.ChangePlan);
        Assert.True(review.Can.MessagePatient);
        Assert.False(review.Can.LogSession);
        Assert.True(await AccessTestData.CountRecordsAsync(factory, physio.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct) > 0);
        Assert.True(await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct) >= 2);
    }

    [Fact]
    public async Task Making_a_plan_and_logging_training_put_entries_on_the_pathways_timeline_and_signal_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Timeline, _ => Task.FromResult(0));
        var before = await PlanEventsAsync(doctor, jensId);

        var input = await InputAsync("Trappetræning " + PathwayTestData.Unique());
        var planId = await WithAsync(s => s.MakePlanAsync(doctor, jensId, input, Ct));
        var today = (await WithAsync(s => s.GetAsync(jens, jensId, Ct))).Today;
        await WithAsync(s => s.LogSessionAsync(jens, jensId, planId, new SessionInput(today, null, SessionOutcome.Done, 2, null), Ct));

        var after = await PlanEventsAsync(doctor, jensId);
        var made = Assert.Single(after, e => e.Kind == PathwayEventKind.RehabilitationPlanMade && before.All(b => b.Id != e.Id));
        Assert.Equal("General", made.Parameters![PathwayEventParameters.Subject]);
        Assert.StartsWith(doctor.DisplayName, made.Parameters[PathwayEventParameters.By], StringComparison.Ordinal);
        var logged = Assert.Single(after, e => e.Kind == PathwayEventKind.RehabilitationSessionLogged && before.All(b => b.Id != e.Id));
        Assert.Equal(("Done", PathwayEventParameters.Write(today)), (logged.Parameters![PathwayEventParameters.Status], logged.Parameters[PathwayEventParameters.Date]));
        await probe.ArrivalAsync(logged.Id, Ct);
    }

    private async Task<IReadOnlyList<TimelineEntry>> PlanEventsAsync(Actor actor, Guid patientId) =>
        (await factory.CallAsync<TimelineService, TimelinePage>(s => s.GetAsync(actor, patientId,
            new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.PlanChange }), 0, 200, Ct))).Entries;

    [Fact]
    public async Task The_exercise_sheet_read_model_has_the_plan_the_unit_and_the_patient()
    {
        var name = "Armstræk " + PathwayTestData.Unique();
        var (jensId, planId, _) = await MakePlanAsync(name);
        var ulla = await factory.ActorAsync("hospital.doctor", Ct);

        var plan = await WithAsync(s => s.GetPlanAsync(ulla, jensId, "Exercise sheet", Ct));

        Assert.Equal(planId, plan!.Id);
        Assert.Equal("Jens Jensen", plan.PatientName);
        Assert.Equal("Havby Kommune, Genoptræningscenter", plan.ResponsibleOrganisationName);
        Assert.Equal([name, "Gåtur"], plan.Exercises.Select(e => e.Name));
    }

    [Fact]
    public async Task Someone_outside_the_care_team_and_a_GP_who_may_only_read_are_refused_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var outsider = await factory.ActorAsync("nurse.roskilde", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var input = await InputAsync("Knæbøj");

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetAsync(outsider, jensId, Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.MakePlanAsync(gp, jensId, input, Ct)));

        Assert.Equal(1, await AccessTestData.CountRecordsAsync(factory, outsider.UserId, jensId, allowed: false, PatientSection.Rehabilitation, Ct));
        Assert.Contains("may not add to Rehabilitation", await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_logs_only_with_consent_for_the_rehabilitation_plan()
    {
        var (jensId, planId, _) = await MakePlanAsync("Trappetræning " + PathwayTestData.Unique());
        var (withConsent, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var (calendarOnly, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await ConsentAsync(jensId, withConsent.UserId, PatientSection.Rehabilitation);
        await ConsentAsync(jensId, calendarOnly.UserId, PatientSection.Calendar);
        var today = CopenhagenTime.Today(TimeProvider.System);
        var session = new SessionInput(today, null, SessionOutcome.Done, 2, null);

        var logged = await WithAsync(s => s.LogSessionAsync(withConsent, jensId, planId, session, Ct));
        var refused = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.LogSessionAsync(calendarOnly, jensId, planId, session, Ct)));

        Assert.Equal("The patient's consent does not include {0}.", refused.Template);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var stored = await db.RehabilitationSessions.AsNoTracking().Where(s => s.PlanId == planId).ToListAsync(Ct);
        Assert.Equal(logged, Assert.Single(stored).Id);
        Assert.Equal(UserRole.Relative, stored[0].LoggedByRole);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_who_changed_the_plan_and_nothing_is_lost()
    {
        var (jensId, planId, input) = await MakePlanAsync("Balance " + PathwayTestData.Unique());
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        var opened = (await WithAsync(s => s.GetAsync(doctor, jensId, Ct))).Plan!;
        var physiosChange = input with { Exercises = [opened.Exercises[0] is var e ? new ExerciseInput(e.Id, e.Name, e.Instructions, 4, 12, null, 4) : null!] };
        await WithAsync(s => s.ChangePlanAsync(physio, jensId, planId, opened.Version, physiosChange, Ct));

        var stale = await Assert.ThrowsAsync<StaleEditException>(() => WithAsync(s => s.ChangePlanAsync(doctor, jensId, planId, opened.Version, input, Ct)));

        Assert.StartsWith("Jonas Mikkelsen", stale.ChangedBy, StringComparison.Ordinal);
        var now = (await WithAsync(s => s.GetAsync(doctor, jensId, Ct))).Plan!;
        var kept = Assert.Single(now.Exercises);
        Assert.Equal((opened.Exercises[0].Id, 4, 12), (kept.Id, kept.Sets, kept.Repetitions));
        // The programme before the change is kept, so that past weeks are measured against it.
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var stored = await db.RehabilitationPlans.AsNoTracking().SingleAsync(p => p.Id == planId, Ct);
            Assert.Equal(2, stored.ExerciseHistory.Count);
            Assert.Equal(DateOnly.MinValue, stored.ExerciseHistory[0].From);
            Assert.Equal(4, Assert.Single(stored.ExerciseHistory[1].Exercises).TimesPerWeek);
        }
        Assert.Contains("was changed by", await AccessTestData.LatestRefusalAsync(factory, doctor.UserId, jensId, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absurd_values_and_a_unit_off_the_care_team_are_refused_with_the_reason()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var input = await InputAsync("Cykling " + PathwayTestData.Unique(), timesPerWeek: 0);
        await using (var before = await factory.CreateDbContextAsync(Ct))
            Assert.False(await before.RehabilitationPlans.AnyAsync(p => p.Exercises.Any(e => e.Name == input.Exercises[0].Name), Ct));

        var zero = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.MakePlanAsync(doctor, jensId, input, Ct)));
        var offTeam = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.MakePlanAsync(doctor, jensId,
            input with { ResponsibleOrganisationId = doctor.OrganisationId!.Value, Exercises = [input.Exercises[1]] }, Ct)));

        Assert.Equal("'{0}' must be done at least once a week.", zero.Template);
        Assert.Equal("Choose a municipal unit on the patient's care team as responsible for the training.", offTeam.Template);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.False(await db.RehabilitationPlans.AnyAsync(p => p.Exercises.Any(e => e.Name == input.Exercises[0].Name), Ct));
    }

    [Fact]
    public async Task The_demo_gives_Jens_a_plan_from_his_hospital_stay_with_weeks_of_training_logged_by_him_and_Ulla()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var plan = (await db.RehabilitationPlans.AsNoTracking().Where(p => p.PatientId == jensId).ToListAsync(Ct)).MinBy(p => p.CreatedAt)!;
        var sessions = await db.RehabilitationSessions.AsNoTracking().Where(s => s.PlanId == plan.Id).ToListAsync(Ct);
        var unit = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.ResponsibleOrganisationId, Ct);

        Assert.Equal("Havby Kommune, Genoptræningscenter", unit.Name);
        Assert.True(sessions.Max(s => s.Day).DayNumber - sessions.Min(s => s.Day).DayNumber >= 14);
        Assert.Equal(new HashSet<UserRole> { UserRole.Patient, UserRole.Relative }, sessions.Select(s => s.LoggedByRole).ToHashSet());
        Assert.True(RehabilitationAdherence.Weekly(plan, sessions, CopenhagenTime.Today(TimeProvider.System)).Count >= 3);
    }

    private async Task ConsentAsync(Guid patientId, string relativeUserId, PatientSection section)
    {
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.RelativeConsents.Add(new RelativeConsent(patientId, relativeUserId, [section], DateTimeOffset.UtcNow.AddMinutes(-1), "Jens Jensen"));
            await db.SaveChangesAsync(Ct);
        }
        // Written past the services, so announce it as they would: shared reads of the relationship are now stale.
        factory.Services.GetRequiredService<IPathwayNotifier>().PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, null));
    }
}

public sealed class RehabilitationPlanServiceTests_Sqlite(SqliteAppFactory factory) : RehabilitationPlanServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class RehabilitationPlanServiceTests_PostgreSql(PostgreSqlAppFactory factory) : RehabilitationPlanServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
