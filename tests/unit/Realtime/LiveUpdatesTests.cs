using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Live;
using CareWorkspace.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Realtime;

/// <summary>
/// The live plumbing every live view uses, on the real notifier and a Blazor dispatcher: a burst of changes during a
/// re-load becomes one more re-load, a reconnect catches up once, and nothing re-loads or stays subscribed after disposal.
/// </summary>
public sealed class LiveUpdatesTests : IAsyncDisposable
{
    private static readonly Guid Jens = Guid.NewGuid();

    private readonly PathwayNotifier _notifier = new(NullLogger<PathwayNotifier>.Instance, TimeProvider.System, new FakePathwayBus());
    private readonly CircuitReconnectNotifier _connection = new();
    private readonly Dispatcher _dispatcher = Dispatcher.CreateDefault();
    private int _reloads;
    private int _signalsHandled;
    private int _onCircuitNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LiveUpdates NewLive(Func<Task>? reload = null, Func<Exception, Task>? onFailure = null) =>
        new(_notifier, _connection, OnCircuitAsync, reload ?? CountReload, NullLogger.Instance, onFailure);

    private async Task OnCircuitAsync(Func<Task> work)
    {
        Interlocked.Increment(ref _onCircuitNow);
        try
        {
            await _dispatcher.InvokeAsync(work);
        }
        finally
        {
            Interlocked.Decrement(ref _onCircuitNow);
        }
        Interlocked.Increment(ref _signalsHandled);
    }

    private Task CountReload()
    {
        Interlocked.Increment(ref _reloads);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Burst_OfChangesDuringAReload_IsMergedIntoOneMoreReload()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var live = NewLive(async () =>
        {
            if (Interlocked.Increment(ref _reloads) == 1)
                await gate.Task;
        });
        live.WatchPatient(Jens, [PatientSection.CareTeam, PatientSection.Timeline]);

        var first = live.ReloadAsync();
        for (var i = 0; i < 10; i++)
            _notifier.PathwayChanged(new PathwayChange(Jens, i % 2 == 0 ? PatientSection.CareTeam : PatientSection.Timeline));
        // Every change has reached the live plumbing, and only the first re-load is still on the circuit. (Counting
        // hand-offs would not do: the two sections' changes arrive side by side, and one merged away is never handed off.)
        await WaitUntilSettledAsync(() => _notifier.Queued == 0 && _notifier.MostWaitingForOneSubscriber == 0 && Volatile.Read(ref _onCircuitNow) == 1);
        gate.SetResult();
        await first.WaitAsync(ChangeRecorder.Timeout, Ct);

        Assert.Equal(2, _reloads);
    }

    [Fact]
    public async Task Change_AfterAReloadEnded_ReloadsAgain()
    {
        using var live = NewLive();
        live.WatchPatient(Jens, [PatientSection.CareTeam]);

        _notifier.PathwayChanged(new PathwayChange(Jens, PatientSection.CareTeam));
        await WaitUntilAsync(() => Volatile.Read(ref _signalsHandled) == 1);
        _notifier.PathwayChanged(new PathwayChange(Jens, PatientSection.CareTeam));
        await WaitUntilAsync(() => Volatile.Read(ref _signalsHandled) == 2);

        Assert.Equal(2, _reloads);
    }

    [Fact]
    public async Task Reconnect_WhileWatching_CatchesUpWithOneReload()
    {
        using var live = NewLive();
        live.WatchAudience([AudienceKey.ForUser("user-jens")], PatientSection.Messages);

        await _connection.OnConnectionDownAsync(null!, Ct);
        await _connection.OnConnectionUpAsync(null!, Ct);

        Assert.Equal(1, _reloads);
    }

    [Fact]
    public async Task Reconnect_AfterWatchingStopped_DoesNotReload()
    {
        // E.g. the header of a pathway the viewer may no longer see: nothing to catch up with.
        using var live = NewLive();
        live.WatchPatient(Jens, [PatientSection.MasterData]);
        live.StopWatching();

        await _connection.OnConnectionDownAsync(null!, Ct);
        await _connection.OnConnectionUpAsync(null!, Ct);

        Assert.Equal(0, _reloads);
        Assert.Equal(0, _notifier.SubscriptionCount);
    }

    [Fact]
    public async Task Disposed_LeavesNoSubscriptionAndNeverReloads()
    {
        var live = NewLive();
        live.WatchPatient(Jens, [PatientSection.CareTeam]);
        live.WatchAudience([AudienceKey.ForUser("user-jens")], PatientSection.Messages);
        var probe = new ChangeRecorder();
        using var probeSubscription = _notifier.Subscribe(Jens, PatientSection.CareTeam, probe.OnChange);

        live.Dispose();
        live.WatchPatient(Jens, [PatientSection.Timeline]);
        _notifier.PathwayChanged(new PathwayChange(Jens, PatientSection.CareTeam));
        await probe.NextAsync();
        await _connection.OnConnectionDownAsync(null!, Ct);
        await _connection.OnConnectionUpAsync(null!, Ct);
        await live.ReloadAsync();

        Assert.Equal(1, _notifier.SubscriptionCount);
        Assert.Equal(0, _reloads);
        Assert.Equal(0, _signalsHandled);
    }

    [Fact]
    public async Task Failure_OfALiveReload_GoesToTheViewAndTheNextChangeReloadsAgain()
    {
        var failures = new List<Exception>();
        using var live = NewLive(() => Interlocked.Increment(ref _reloads) == 1 ? throw new InvalidOperationException("database away") : Task.CompletedTask,
            ex =>
            {
                failures.Add(ex);
                return Task.CompletedTask;
            });
        live.WatchPatient(Jens, [PatientSection.CareTeam]);

        await live.ReloadAsync();
        await live.ReloadAsync();

        Assert.Equal("database away", Assert.Single(failures).Message);
        Assert.Equal(2, _reloads);
    }

    /// <summary>Waits until the condition holds on two looks in a row, so a change between dequeue and hand-off is not missed.</summary>
    private static async Task WaitUntilSettledAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(ChangeRecorder.Timeout);
        while (true)
        {
            if (condition())
            {
                await Task.Delay(50, timeout.Token);
                if (condition())
                    return;
            }
            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(ChangeRecorder.Timeout);
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }

    public async ValueTask DisposeAsync() => await _notifier.DisposeAsync();
}
