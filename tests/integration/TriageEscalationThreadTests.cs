using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Features.TriageBoard;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The triage meeting's escalation to the GP on a real database: it posts a needs-action message in the citizen's
/// thread with the GP (a new thread the first time, the same thread after that) and the action plan keeps the link.
/// </summary>
public abstract class TriageEscalationThreadTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static ChangeFormInput Worrying() => new(
        [new ItemAnswer("thirst", true, "Drinks very little")],
        new VitalSigns(Pulse: 112, RespiratoryRate: 22, SystolicBloodPressure: 105, Temperature: 38.6m, OxygenSaturation: 95, Consciousness: Consciousness.Alert));

    /// <summary>Jens with a fresh open plan of the nurse's unit (earlier open plans closed), as the meeting's board shows him.</summary>
    private async Task<BoardCitizen> JensWithAnOpenPlanAsync(Actor nurse, Guid jensId)
    {
        var status = await WithAsync<TriageService, TriageStatusView>(s => s.GetStatusAsync(nurse, jensId, Ct));
        foreach (var open in status.OpenPlans.Where(p => p.UnitId == nurse.OrganisationId))
            await WithAsync<TriageService, int>(async s => { await s.ClosePlanAsync(nurse, jensId, open.Id, "Test starts afresh", Ct); return 0; });
        var observation = await WithAsync<TriageService, ObservationView>(s => s.RecordAsync(nurse, jensId, Worrying(), Ct));
        await WithAsync<TriageService, Guid>(s => s.MakeActionPlanAsync(nurse, jensId,
            new ActionPlanInput(TriageColour.Red, "Suspected infection", "Fluids; ask the GP", DateTimeOffset.UtcNow.AddHours(2), null, observation.Id), Ct));
        var board = await WithAsync<TriageBoardService, TriageBoardScreen>(s => s.GetAsync(nurse, null, ct: Ct));
        return board.Board.Citizens.Single(c => c.PatientId == jensId);
    }

    [Fact]
    public async Task The_escalation_asks_the_GP_in_a_thread_and_the_action_plan_links_to_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var citizen = await JensWithAnOpenPlanAsync(nurse, jensId);

        var threadId = await WithAsync<TriageBoardService, Guid>(s => s.EscalateToGpAsync(nurse, citizen, "Please test the urine", Ct));

        var status = await WithAsync<TriageService, TriageStatusView>(s => s.GetStatusAsync(gp, jensId, Ct));
        var escalation = Assert.Single(status.OpenPlans.Single(p => p.Id == citizen.OpenPlan!.Id).Entries, e => e.Kind == ActionEntryKind.EscalatedToGp);
        Assert.Equal(threadId, escalation.MessageThreadId);
        Assert.Equal("Please test the urine", escalation.Note);
        var inbox = await WithAsync<InboxService, IReadOnlyList<ThreadSummary>>(s => s.GetInboxAsync(gp, InboxFilter.NeedsAction, Ct));
        var thread = Assert.Single(inbox, t => t.Id == threadId);
        Assert.Equal(jensId, thread.PatientId);
        var opened = await WithAsync<MessageService, ThreadView>(s => s.OpenThreadAsync(gp, threadId, Ct));
        Assert.StartsWith("Please test the urine", opened.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Equal($"patients/{jensId}/messages?thread={threadId}", MessageLinks.Thread(jensId, threadId));
    }

    [Fact]
    public async Task A_later_escalation_goes_on_in_the_same_thread_and_asks_the_GP_again()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var first = await WithAsync<TriageBoardService, Guid>(async s => await s.EscalateToGpAsync(nurse, await JensWithAnOpenPlanAsync(nurse, jensId), "Please call us", Ct));
        await WithAsync<MessageService, int>(async s => { await s.MarkActionHandledAsync(gp, first, null, Ct); return 0; });
        Assert.DoesNotContain(await WithAsync<InboxService, IReadOnlyList<ThreadSummary>>(s => s.GetInboxAsync(gp, InboxFilter.NeedsAction, Ct)), t => t.Id == first);
        var messagesBefore = (await WithAsync<MessageService, ThreadView>(s => s.OpenThreadAsync(gp, first, Ct))).Messages.Count;

        // A new plan a day later: the unit's conversation with the GP about the citizen goes on where it was.
        var citizen = await JensWithAnOpenPlanAsync(nurse, jensId);
        var second = await WithAsync<TriageBoardService, Guid>(s => s.EscalateToGpAsync(nurse, citizen, "Worse again: please visit", Ct));

        Assert.Equal(first, second);
        var thread = await WithAsync<MessageService, ThreadView>(s => s.OpenThreadAsync(gp, first, Ct));
        Assert.Equal(messagesBefore + 1, thread.Messages.Count);
        Assert.StartsWith("Worse again: please visit", thread.Messages[^1].Text, StringComparison.Ordinal);
        Assert.True(thread.NeedsAction);
        Assert.Contains(await WithAsync<InboxService, IReadOnlyList<ThreadSummary>>(s => s.GetInboxAsync(gp, InboxFilter.NeedsAction, Ct)), t => t.Id == first);
        var status = await WithAsync<TriageService, TriageStatusView>(s => s.GetStatusAsync(nurse, jensId, Ct));
        Assert.Equal(first, status.OpenPlans.Single(p => p.Id == citizen.OpenPlan!.Id).Entries.Single(e => e.Kind == ActionEntryKind.EscalatedToGp).MessageThreadId);
    }

    [Fact]
    public async Task Looking_up_the_thread_is_a_logged_read_refused_outside_the_care_team()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var outsider = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, outsider.UserId, jensId, allowed: false, PatientSection.Triage, Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync<TriageService, Guid?>(s => s.GpThreadOfAsync(outsider, jensId, Ct)));

        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, outsider.UserId, jensId, allowed: false, PatientSection.Triage, Ct));
    }
}

public sealed class TriageEscalationThreadTests_Sqlite(SqliteAppFactory factory) : TriageEscalationThreadTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class TriageEscalationThreadTests_PostgreSql(PostgreSqlAppFactory factory) : TriageEscalationThreadTests(factory), IClassFixture<PostgreSqlAppFactory>;
