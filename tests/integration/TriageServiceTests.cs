using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Early-detection triage on a real database: a care worker of the home-care unit records a change form for Jens, the
/// colour is suggested and confirmed, the GP reads it, the unit's board lists its citizens with the latest form, and
/// action plans are followed; a worker outside the care team, the wrong role and bad input are refused and logged.
/// </summary>
public abstract class TriageServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<TriageService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TriageService>());
    }

    private Task WithAsync(Func<TriageService, Task> work) => WithAsync(async s =>
    {
        await work(s);
        return 0;
    });

    private static ChangeFormInput Worrying() => new(
        [new ItemAnswer("thirst", true, "Drinks very little since Saturday"), new ItemAnswer("urination", true, "Strong-smelling urine"),
         new ItemAnswer("mood", false)],
        new VitalSigns(Pulse: 112, RespiratoryRate: 22, SystolicBloodPressure: 105, Temperature: 38.6m, OxygenSaturation: 95,
            Consciousness: Consciousness.Alert));

    [Fact]
    public async Task A_care_worker_records_a_worrying_change_the_GP_reads_the_colour_and_the_units_board_hears_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Triage, _ => Task.FromResult(0));
        var heardOnBoard = new TaskCompletionSource<PathwayChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var board = notifier.SubscribeNamed(AudienceKey.TriageBoardOf(worker.OrganisationId!.Value), c =>
        {
            heardOnBoard.TrySetResult(c);
            return Task.CompletedTask;
        });

        var recorded = await WithAsync(s => s.RecordAsync(worker, jensId, Worrying(), Ct));

        // NEWS2: pulse 2 + respiration 2 + systolic 1 + temperature 1 + saturation 1 = 7 → red; TOBS: 2 + 2 + 0 + 1 + 0 = 5 → red.
        Assert.Equal(TriageColour.Red, recorded.Suggestion.Colour);
        Assert.Equal(7, recorded.News2Total);
        Assert.Equal(5, recorded.TobsTotal);
        Assert.Null(recorded.ConfirmedColour);
        Assert.Equal("Havby Kommune, Hjemmeplejen", recorded.UnitName);
        var (change, _) = await probe.ArrivalAsync(recorded.Id, Ct);
        Assert.Equal(worker.UserId, change.ByUserId);
        Assert.Contains(AudienceKey.TriageBoardOf(worker.OrganisationId!.Value), change.SeenBy!);
        Assert.Equal(recorded.Id, (await heardOnBoard.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct)).ItemId);

        await WithAsync(s => s.ConfirmColourAsync(worker, jensId, recorded.Id, TriageColour.Yellow, "Known to run a temperature; seen by the nurse today", Ct));

        var status = await WithAsync(s => s.GetStatusAsync(gp, jensId, Ct));
        Assert.Equal(TriageColour.Yellow, status.Colour);
        Assert.Equal(recorded.Id, status.Latest!.Id);
        Assert.Equal(TriageColour.Red, status.Latest.Suggestion.Colour);
        Assert.Equal("Known to run a temperature; seen by the nurse today", status.Latest.DeviationReason);
        Assert.Contains(status.Latest.Suggestion.Reasons, r => r.Kind == TriageReasonKind.News2High);
        Assert.Equal(2, status.Latest.Answers.Count(a => a.Changed));
        Assert.False(status.Can.Record);
        Assert.True(await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Triage, Ct) > 0);
        Assert.True(await AccessTestData.CountRecordsAsync(factory, worker.UserId, jensId, allowed: true, PatientSection.Triage, Ct) >= 2);

        var history = await WithAsync(s => s.GetHistoryAsync(gp, jensId, null, Ct));
        Assert.Equal(recorded.Id, history.Observations[^1].Id);
        Assert.Equal(history.Observations.OrderBy(o => o.RecordedAt).Select(o => o.Id), history.Observations.Select(o => o.Id));
    }

    [Fact]
    public async Task The_demo_home_care_serves_about_forty_citizens_some_yellow_two_red_one_overdue_and_Jens()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        var board = await WithAsync(s => s.GetBoardAsync(nurse, nurse.OrganisationId!.Value, ct: Ct));

        Assert.InRange(board.Citizens.Count, 38, 45);
        var others = board.Citizens.Where(c => c.PatientId != jensId).ToList();
        Assert.All(others, c => Assert.NotNull(c.Latest));
        Assert.Equal(2, others.Count(c => c.Colour == TriageColour.Red));
        Assert.InRange(others.Count(c => c.Colour == TriageColour.Yellow), 4, 8);
        Assert.Equal(1, others.Count(c => c.IsOverdue));
        Assert.All(others.Where(c => c.Colour == TriageColour.Red), c => Assert.True(c.OpenPlan is { IsStarted: true }));
        var jens = Assert.Single(board.Citizens, c => c.PatientId == jensId);
        Assert.NotNull(jens.Latest);
        var history = await WithAsync(s => s.GetHistoryAsync(nurse, jensId, CopenhagenTime.Today(TimeProvider.System).AddDays(-DemoTriageDays), Ct));
        Assert.True(history.Observations.Count >= 5);
        Assert.Contains(history.Observations, o => o.Colour == TriageColour.Yellow);
    }

    private const int DemoTriageDays = 21;

    [Fact]
    public async Task The_board_lists_the_units_citizens_with_their_latest_form_and_only_the_units_staff_open_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var outsider = await factory.ActorAsync("nurse.roskilde", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var unitId = nurse.OrganisationId!.Value;
        await WithAsync(s => s.RecordAsync(worker, jensId, Worrying(), Ct));
        var latest = await WithAsync(s => s.RecordAsync(worker, jensId,
            new ChangeFormInput([new ItemAnswer("mood", false)], VitalSigns.None, ConfirmedColour: TriageColour.Green), Ct));

        var board = await WithAsync(s => s.GetBoardAsync(nurse, unitId, ct: Ct));

        Assert.Equal("Havby Kommune, Hjemmeplejen", board.UnitName);
        var jens = Assert.Single(board.Citizens, c => c.PatientId == jensId);
        Assert.Equal("Jens Jensen", jens.Name);
        Assert.Equal(latest.Id, jens.Latest!.Id);
        Assert.Equal(TriageColour.Green, jens.Colour);
        Assert.Equal(TriageColour.Red, jens.Latest.PreviousColour);
        Assert.True(board.Can.Record);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var today = CopenhagenTime.Today(TimeProvider.System);
            var served = await db.Patients.AsNoTracking()
                .CountAsync(p => p.CareTeam.Any(m => m.OrganisationId == unitId && m.From <= today && (m.To == null || m.To >= today)), Ct);
            Assert.Equal(served, board.Citizens.Count);
            Assert.Equal(board.Citizens.Select(c => c.Colour).OrderDescending(), board.Citizens.Select(c => c.Colour));
        }

        var refused = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetBoardAsync(outsider, unitId, ct: Ct)));
        Assert.Equal("The user does not work in this unit.", refused.Message);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetBoardAsync(gp, unitId, ct: Ct)));
        await using var check = await factory.CreateDbContextAsync(Ct);
        Assert.True(await check.AccessRecords.AnyAsync(r => r.UserId == outsider.UserId && !r.Allowed && r.PatientId == null
            && r.Section == PatientSection.Triage && r.Reason == "The user does not work in this unit.", Ct));
    }

    [Fact]
    public async Task A_worker_outside_the_care_team_and_a_GP_cannot_record_and_are_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var outsider = await factory.ActorAsync("nurse.roskilde", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);

        var notOnTeam = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.RecordAsync(outsider, jensId, Worrying(), Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetStatusAsync(outsider, jensId, Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.RecordAsync(gp, jensId, Worrying(), Ct)));

        Assert.Equal("The user's organisation is not on the patient's care team.", notOnTeam.Message);
        Assert.Equal(2, await AccessTestData.CountRecordsAsync(factory, outsider.UserId, jensId, allowed: false, PatientSection.Triage, Ct));
        Assert.Contains("may not add to Triage", await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impossible_vitals_an_unconfirmed_unusual_value_and_a_colour_change_without_reason_are_refused_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var before = await CountObservationsAsync(jensId);

        var impossible = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.RecordAsync(worker, jensId,
            new ChangeFormInput([], new VitalSigns(Pulse: 400)), Ct)));
        var unusual = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.RecordAsync(worker, jensId,
            new ChangeFormInput([], new VitalSigns(Temperature: 33.5m)), Ct)));
        var noReason = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.RecordAsync(worker, jensId,
            Worrying() with { ConfirmedColour = TriageColour.Green }, Ct)));

        Assert.Equal("A pulse of {0} /min is not possible: enter a value from {1} to {2}.", impossible.Template);
        Assert.Equal("A temperature of {0} °C is unusual: check it and confirm.", unusual.Template);
        Assert.Equal("A colour different from the suggested one needs a reason.", noReason.Message);
        Assert.Equal(before, await CountObservationsAsync(jensId));
        Assert.Equal("A colour different from the suggested one needs a reason.", await AccessTestData.LatestRefusalAsync(factory, worker.UserId, jensId, Ct));

        var confirmed = await WithAsync(s => s.RecordAsync(worker, jensId,
            new ChangeFormInput([], new VitalSigns(Temperature: 33.5m), [VitalSign.Temperature]), Ct));
        Assert.Equal(33.5m, confirmed.Vitals.Temperature);
        Assert.Equal(before + 1, await CountObservationsAsync(jensId));
    }

    [Fact]
    public async Task An_action_plan_needs_a_due_time_is_followed_daily_escalated_and_closed()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        await CloseOpenPlansAsync(nurse, jensId);
        var observation = await WithAsync(s => s.RecordAsync(nurse, jensId, Worrying(), Ct));
        var now = DateTimeOffset.UtcNow;

        var noDue = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.MakeActionPlanAsync(nurse, jensId,
            new ActionPlanInput(TriageColour.Yellow, "Fluids", "Offer water", null), Ct)));
        Assert.Equal("An action plan needs a due time.", noDue.Message);
        await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.MakeActionPlanAsync(nurse, jensId,
            new ActionPlanInput(TriageColour.Yellow, "Fluids", "Offer water", now.AddHours(49)), Ct)));

        var planId = await WithAsync(s => s.MakeActionPlanAsync(nurse, jensId,
            new ActionPlanInput(TriageColour.Yellow, "Suspected dehydration", "Fluid chart; offer water at every visit", now.AddHours(24), "Karin Berg",
                observation.Id), Ct));
        var second = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.MakeActionPlanAsync(nurse, jensId,
            new ActionPlanInput(TriageColour.Red, "Again", "Again", now.AddHours(2)), Ct)));
        Assert.Equal("The citizen already has an open action plan: follow it up or close it first.", second.Message);

        await WithAsync(s => s.MarkFollowedUpAsync(nurse, jensId, planId, "Drank 1 litre", Ct));
        await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.MarkFollowedUpAsync(nurse, jensId, planId, null, Ct)));
        await WithAsync(s => s.EscalateToGpAsync(nurse, jensId, planId, "Please test the urine for infection", null, Ct));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.MarkFollowedUpAsync(physio, jensId, planId, null, Ct)));

        var status = await WithAsync(s => s.GetStatusAsync(nurse, jensId, Ct));
        var plan = Assert.Single(status.OpenPlans);
        Assert.Equal((planId, observation.Id, "Karin Berg"), (plan.Id, plan.ObservationId, plan.ResponsibleName));
        Assert.True(plan.IsStarted);
        Assert.True(plan.FollowedUpToday);
        Assert.False(plan.IsOverdue);
        Assert.Equal([ActionEntryKind.FollowedUp, ActionEntryKind.EscalatedToGp], plan.Entries.Select(e => e.Kind));
        var board = await WithAsync(s => s.GetBoardAsync(nurse, nurse.OrganisationId!.Value, ct: Ct));
        Assert.Equal(planId, board.Citizens.Single(c => c.PatientId == jensId).OpenPlan!.Id);

        await WithAsync(s => s.ClosePlanAsync(nurse, jensId, planId, "Drinking well again", Ct));
        Assert.Empty((await WithAsync(s => s.GetStatusAsync(nurse, jensId, Ct))).OpenPlans);
    }

    [Fact]
    public async Task A_relative_reads_the_triage_only_with_consent_for_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var (withConsent, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var (calendarOnly, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await ConsentAsync(jensId, withConsent.UserId, PatientSection.Triage);
        await ConsentAsync(jensId, calendarOnly.UserId, PatientSection.Calendar);

        var status = await WithAsync(s => s.GetStatusAsync(withConsent, jensId, Ct));
        var refused = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetStatusAsync(calendarOnly, jensId, Ct)));

        Assert.False(status.Can.Record);
        Assert.Equal("The patient's consent does not include Triage.", refused.Message);
    }

    private async Task CloseOpenPlansAsync(Actor nurse, Guid patientId)
    {
        foreach (var open in (await WithAsync(s => s.GetStatusAsync(nurse, patientId, Ct))).OpenPlans.Where(p => p.UnitId == nurse.OrganisationId))
            await WithAsync(s => s.ClosePlanAsync(nurse, patientId, open.Id, "Test starts afresh", Ct));
    }

    private async Task<int> CountObservationsAsync(Guid patientId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.TriageObservations.CountAsync(o => o.PatientId == patientId, Ct);
    }

    private async Task ConsentAsync(Guid patientId, string relativeUserId, PatientSection section)
    {
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.RelativeConsents.Add(new RelativeConsent(patientId, relativeUserId, [section], DateTimeOffset.UtcNow.AddMinutes(-1), "Jens Jensen"));
            await db.SaveChangesAsync(Ct);
        }
        factory.Services.GetRequiredService<IPathwayNotifier>().PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, null));
    }
}

public sealed class TriageServiceTests_Sqlite(SqliteAppFactory factory) : TriageServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class TriageServiceTests_PostgreSql(PostgreSqlAppFactory factory) : TriageServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
