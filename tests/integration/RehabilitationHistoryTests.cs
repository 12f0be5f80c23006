using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Rehabilitation;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// A logged session corrected on a real database (by the patient who logged it, or the physiotherapist), kept in the
/// session's history, live and logged; and an older plan, replaced by a newer one, listed and read.
/// </summary>
public abstract class RehabilitationHistoryTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<RehabilitationPlanService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RehabilitationPlanService>());
    }

    /// <summary>A new plan for Jens with one whole-programme session logged by him today; returns the plan and the session as the physiotherapist reads them.</summary>
    private async Task<(Guid JensId, Guid PlanId, SessionView Session, RehabilitationView Before)> PlanWithSessionAsync()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        var planId = await RehabilitationTestData.MakePlanAsync(factory, jensId, Ct);
        var today = CopenhagenTime.Today(TimeProvider.System);
        var sessionId = await WithAsync(s => s.LogSessionAsync(jens, jensId, planId, new SessionInput(today, null, SessionOutcome.Done, 2, "Fint"), Ct));
        var before = await WithAsync(s => s.GetAsync(physio, jensId, Ct));
        return (jensId, planId, before.Sessions.Single(x => x.Id == sessionId), before);
    }

    [Fact]
    public async Task The_physiotherapist_corrects_a_session_it_is_kept_in_history_adherence_is_recomputed_and_viewers_hear_it()
    {
        var (jensId, _, session, before) = await PlanWithSessionAsync();
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Rehabilitation, _ => Task.FromResult(0), c => $"{c.ItemId}/{c.ByUserId}");
        Assert.True(session.CanCorrect);
        var updatesBefore = await AccessTestData.CountRecordsAsync(factory, physio.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct);

        await WithAsync(s => s.CorrectSessionAsync(physio, jensId, session.Id, session.Version,
            new SessionInput(session.Day, null, SessionOutcome.NotDone, 6, "Fint"), Ct));

        await probe.ArrivalAsync($"{session.Id}/{physio.UserId}", Ct);
        var after = await WithAsync(s => s.GetAsync(jens, jensId, Ct));
        var corrected = after.Sessions.Single(x => x.Id == session.Id);
        Assert.Equal((SessionOutcome.NotDone, (int?)6), (corrected.Outcome, corrected.Pain));
        Assert.NotEqual(session.Version, corrected.Version);
        var correction = Assert.Single(corrected.Corrections);
        Assert.Equal(physio.DisplayName, correction.ByName);
        Assert.Equal(
            [new SessionFieldChange(SessionField.Outcome, "Done", "NotDone"), new SessionFieldChange(SessionField.Pain, "2", "6")],
            correction.Changes);
        // The whole programme credited every exercise once: now nothing is credited this week.
        Assert.True(before.Weeks[^1].Credited > 0);
        Assert.Equal(0, after.Weeks[^1].Credited);
        Assert.True(await AccessTestData.CountRecordsAsync(factory, physio.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct) > updatesBefore);
    }

    [Fact]
    public async Task The_patient_corrects_his_own_session_and_a_correction_from_an_older_reading_is_refused_and_logged()
    {
        var (jensId, _, session, _) = await PlanWithSessionAsync();
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var mine = (await WithAsync(s => s.GetAsync(jens, jensId, Ct))).Sessions.Single(x => x.Id == session.Id);
        Assert.True(mine.CanCorrect);

        await WithAsync(s => s.CorrectSessionAsync(jens, jensId, session.Id, mine.Version, new SessionInput(session.Day, null, SessionOutcome.Partly, 2, "Kun halvdelen"), Ct));
        var stale = await Assert.ThrowsAsync<StaleEditException>(() => WithAsync(s => s.CorrectSessionAsync(physio, jensId, session.Id, session.Version,
            new SessionInput(session.Day, null, SessionOutcome.NotDone, 2, "Fint"), Ct)));

        Assert.Equal("Jens Jensen", stale.ChangedBy);
        var stored = (await WithAsync(s => s.GetAsync(physio, jensId, Ct))).Sessions.Single(x => x.Id == session.Id);
        Assert.Equal((SessionOutcome.Partly, "Kun halvdelen"), (stored.Outcome, stored.Note));
        Assert.Equal("Jens Jensen", Assert.Single(stored.Corrections).ByName);
        Assert.StartsWith("The training session was changed by Jens Jensen", await AccessTestData.LatestRefusalAsync(factory, physio.UserId, jensId, Ct) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GP_who_may_only_read_and_an_unknown_session_are_refused_and_logged()
    {
        var (jensId, _, session, _) = await PlanWithSessionAsync();
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var physio = await factory.ActorAsync("physio.mikkelsen", Ct);
        var gpView = (await WithAsync(s => s.GetAsync(gp, jensId, Ct))).Sessions.Single(x => x.Id == session.Id);
        Assert.False(gpView.CanCorrect);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.CorrectSessionAsync(gp, jensId, session.Id, session.Version,
            new SessionInput(session.Day, null, SessionOutcome.NotDone, 2, "Fint"), Ct)));
        var refusedBefore = await AccessTestData.CountRecordsAsync(factory, physio.UserId, jensId, allowed: false, PatientSection.Rehabilitation, Ct);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.CorrectSessionAsync(physio, jensId, Guid.NewGuid(), session.Version,
            new SessionInput(session.Day, null, SessionOutcome.NotDone, 2, "Fint"), Ct)));

        Assert.Contains("may not change Rehabilitation", await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct) ?? "", StringComparison.Ordinal);
        Assert.Equal(refusedBefore + 1, await AccessTestData.CountRecordsAsync(factory, physio.UserId, jensId, allowed: false, PatientSection.Rehabilitation, Ct));
    }

    [Fact]
    public async Task A_replaced_plan_is_listed_and_opens_to_read_with_its_training()
    {
        var (jensId, oldPlanId, session, _) = await PlanWithSessionAsync();
        var newPlanId = await RehabilitationTestData.MakePlanAsync(factory, jensId, Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);

        var view = await WithAsync(s => s.GetAsync(gp, jensId, Ct));
        Assert.Equal(newPlanId, view.Plan!.Id);
        var listed = view.EarlierPlans[0];
        Assert.Equal(oldPlanId, listed.Id);
        Assert.Equal("Havby Kommune, Genoptræningscenter", listed.ResponsibleOrganisationName);
        Assert.Equal(view.Plan.CreatedAt, listed.ReplacedAt);
        Assert.DoesNotContain(view.EarlierPlans, p => p.Id == newPlanId);

        var readsBefore = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct);
        var earlier = await WithAsync(s => s.GetEarlierPlanAsync(gp, jensId, oldPlanId, Ct));

        Assert.Equal(oldPlanId, earlier.Plan.Id);
        Assert.Equal(listed.ReplacedAt, earlier.ReplacedAt);
        Assert.Equal(session.Id, Assert.Single(earlier.Sessions).Id);
        Assert.False(earlier.Sessions[0].CanCorrect);
        Assert.NotEmpty(earlier.Weeks);
        Assert.True(await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct) > readsBefore);
        await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.GetEarlierPlanAsync(gp, jensId, newPlanId, Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetEarlierPlanAsync(gp, jensId, Guid.NewGuid(), Ct)));
    }

    [Fact]
    public async Task Someone_outside_the_care_team_cannot_open_an_earlier_plan()
    {
        var (jensId, oldPlanId, _, _) = await PlanWithSessionAsync();
        await RehabilitationTestData.MakePlanAsync(factory, jensId, Ct);
        var outsider = await factory.ActorAsync("nurse.roskilde", Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetEarlierPlanAsync(outsider, jensId, oldPlanId, Ct)));

        Assert.True(await AccessTestData.CountRecordsAsync(factory, outsider.UserId, jensId, allowed: false, PatientSection.Rehabilitation, Ct) > 0);
    }
}

public sealed class RehabilitationHistoryTests_Sqlite(SqliteAppFactory factory) : RehabilitationHistoryTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class RehabilitationHistoryTests_PostgreSql(PostgreSqlAppFactory factory) : RehabilitationHistoryTests(factory), IClassFixture<PostgreSqlAppFactory>;
