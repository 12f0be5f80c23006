using System.Collections.Concurrent;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// A change on one unit's citizen reaches that unit's boards and causes no work on other units' boards: their
/// subscriptions (<see cref="AudienceKey.TriageBoardOf"/>, what the board page listens to) are never called, so they never read anew.
/// </summary>
public abstract class TriageBoardIsolationTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid SentinelItem = Guid.NewGuid();

    /// <summary>A board's subscription: counts the changes it hears (each would make the board read anew).</summary>
    private sealed class BoardProbe : IDisposable
    {
        private readonly IDisposable _subscription;

        public BoardProbe(IPathwayNotifier notifier, Guid unitId) =>
            _subscription = notifier.SubscribeNamed(AudienceKey.TriageBoardOf(unitId), change =>
            {
                if (change.ItemId == SentinelItem)
                    Sentinel.TrySetResult();
                else
                    Heard.Add(change);
                return Task.CompletedTask;
            });

        public ConcurrentBag<PathwayChange> Heard { get; } = [];

        public TaskCompletionSource Sentinel { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose() => _subscription.Dispose();
    }

    [Fact]
    public async Task A_change_form_and_a_plan_change_for_one_units_citizen_reach_only_that_units_boards()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var homeCare = worker.OrganisationId!.Value;
        var otherUnits = new[]
        {
            (await factory.ActorAsync("physio.mikkelsen", Ct)).OrganisationId!.Value,
            (await factory.ActorAsync("nurse.roskilde", Ct)).OrganisationId!.Value,
        };
        Assert.DoesNotContain(homeCare, otherUnits);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var ownBoards = new BoardProbe(notifier, homeCare);
        using var secondOwnBoard = new BoardProbe(notifier, homeCare);
        var others = otherUnits.Select(u => new BoardProbe(notifier, u)).ToList();
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var triage = scope.ServiceProvider.GetRequiredService<TriageService>();
            var recorded = await triage.RecordAsync(worker, jensId, new ChangeFormInput([new ItemAnswer("thirst", true, "Drinks little")],
                new VitalSigns(Pulse: 96, Temperature: 37.9m)), Ct);
            await triage.ConfirmColourAsync(worker, jensId, recorded.Id, recorded.Suggestion.Colour, null, Ct);

            // The unit's own boards (two devices) hear both changes.
            await WaitUntilAsync(() => ownBoards.Heard.Count(c => c.ItemId == recorded.Id) >= 2 && secondOwnBoard.Heard.Count(c => c.ItemId == recorded.Id) >= 2);
            // The other units' boards: a last signal addressed to them only; changes are delivered in order, so once it
            // has arrived, anything meant for them before it would have arrived too.
            foreach (var unit in otherUnits)
                notifier.PathwayChanged(new PathwayChange(jensId, PatientSection.Triage, SentinelItem, "test") { SeenBy = [AudienceKey.TriageBoardOf(unit)] });
            foreach (var other in others)
                await other.Sentinel.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct);

            Assert.All(others, o => Assert.Empty(o.Heard));
            Assert.All(ownBoards.Heard, c => Assert.Contains(AudienceKey.TriageBoardOf(homeCare), c.SeenBy!));
        }
        finally
        {
            others.ForEach(o => o.Dispose());
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(PathwayTestData.SignalTimeout);
        while (!condition())
            await Task.Delay(20, timeout.Token);
    }
}

public sealed class TriageBoardIsolationTests_Sqlite(SqliteAppFactory factory) : TriageBoardIsolationTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class TriageBoardIsolationTests_PostgreSql(PostgreSqlAppFactory factory) : TriageBoardIsolationTests(factory), IClassFixture<PostgreSqlAppFactory>;
