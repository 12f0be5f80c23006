using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Realtime;

public sealed class PathwayNotifierTests
{
    private static readonly TimeSpan Timeout = ChangeRecorder.Timeout;
    private static readonly Guid PatientA = Guid.NewGuid();
    private static readonly Guid PatientB = Guid.NewGuid();

    private static PathwayNotifier NewNotifier(TimeProvider? clock = null) =>
        new(NullLogger<PathwayNotifier>.Instance, clock ?? TimeProvider.System, new FakePathwayBus());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PathwayChanged_PatientAndSectionSubscriber_ReceivesChange()
    {
        await using var notifier = NewNotifier();
        var received = new TaskCompletionSource<PathwayChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var itemId = Guid.NewGuid();
        using var subscription = notifier.Subscribe(PatientA, PatientSection.CareTeam, c =>
        {
            received.TrySetResult(c);
            return Task.CompletedTask;
        });

        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam, itemId, "user-1"));

        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(PatientA, change.PatientId);
        Assert.Equal(PatientSection.CareTeam, change.Section);
        Assert.Equal(itemId, change.ItemId);
        Assert.Equal("user-1", change.ByUserId);
    }

    [Fact]
    public async Task PathwayChanged_OtherPatient_IsNotDelivered()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(PatientA, PatientSection.CareTeam, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(PatientB, PatientSection.CareTeam));
        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));

        // Changes are dispatched in order: had B's change been delivered, it would come first.
        Assert.Equal(PatientA, (await recorder.NextAsync()).PatientId);
        Assert.False(recorder.HasPending);
    }

    [Fact]
    public async Task PathwayChanged_OtherSection_IsNotDelivered()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(PatientA, PatientSection.CareTeam, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.Messages));
        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.Relatives));
        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));

        Assert.Equal(PatientSection.CareTeam, (await recorder.NextAsync()).Section);
        Assert.False(recorder.HasPending);
    }

    [Fact]
    public async Task PathwayChanged_NullSectionSubscriber_ReceivesEverySection()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(PatientA, null, recorder.OnChange);

        foreach (var section in Enum.GetValues<PatientSection>())
            notifier.PathwayChanged(new PathwayChange(PatientA, section));

        foreach (var section in Enum.GetValues<PatientSection>())
            Assert.Equal(section, (await recorder.NextAsync()).Section);
    }

    [Fact]
    public async Task PathwayChanged_SubscribeAll_ReceivesEveryPatient()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.SubscribeAll(null, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));
        notifier.PathwayChanged(new PathwayChange(PatientB, PatientSection.Messages));

        Assert.Equal((PatientA, PatientSection.CareTeam), Key(await recorder.NextAsync()));
        Assert.Equal((PatientB, PatientSection.Messages), Key(await recorder.NextAsync()));
    }

    [Fact]
    public async Task PathwayChanged_SubscribeAllWithSection_ReceivesOnlyThatSectionOfEveryPatient()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.SubscribeAll(PatientSection.Messages, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));
        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.Messages));
        notifier.PathwayChanged(new PathwayChange(PatientB, PatientSection.Messages));

        Assert.Equal((PatientA, PatientSection.Messages), Key(await recorder.NextAsync()));
        Assert.Equal((PatientB, PatientSection.Messages), Key(await recorder.NextAsync()));
        Assert.False(recorder.HasPending);
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDelivery()
    {
        await using var notifier = NewNotifier();
        var disposed = new ChangeRecorder();
        var live = new ChangeRecorder();
        var subscription = notifier.Subscribe(PatientA, null, disposed.OnChange);
        using var other = notifier.Subscribe(PatientA, null, live.OnChange);

        subscription.Dispose();
        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));

        // Both would be served from the same snapshot, so once the live one has it the disposed one never will.
        await live.NextAsync();
        Assert.False(disposed.HasPending);
        Assert.Equal(1, notifier.SubscriptionCount);
    }

    [Fact]
    public async Task Dispose_Twice_IsHarmlessAndLeavesOtherSubscriptionsAlone()
    {
        await using var notifier = NewNotifier();
        var live = new ChangeRecorder();
        var subscription = notifier.Subscribe(PatientA, null, _ => Task.CompletedTask);
        var all = notifier.SubscribeAll(null, _ => Task.CompletedTask);
        using var other = notifier.Subscribe(PatientA, null, live.OnChange);
        using var otherAll = notifier.SubscribeAll(null, _ => Task.CompletedTask);

        subscription.Dispose();
        subscription.Dispose();
        all.Dispose();
        all.Dispose();

        Assert.Equal(2, notifier.SubscriptionCount);
        Assert.Equal(1, notifier.PatientsWithSubscribers);
        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));
        Assert.Equal(PatientA, (await live.NextAsync()).PatientId);
    }

    [Fact]
    public async Task PathwayChanged_ThrowingSubscriber_DoesNotStopOthers()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var throwsAtOnce = notifier.Subscribe(PatientA, null, _ => throw new InvalidOperationException("boom"));
        using var throwsLater = notifier.Subscribe(PatientA, null, async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom later");
        });
        using var good = notifier.Subscribe(PatientA, null, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));
        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.Messages));

        // The dispatcher survives the failures and keeps delivering later changes too.
        Assert.Equal(PatientSection.CareTeam, (await recorder.NextAsync()).Section);
        Assert.Equal(PatientSection.Messages, (await recorder.NextAsync()).Section);
    }

    [Fact]
    public async Task PathwayChanged_SubscriberBlockedOnGate_ReturnsWhileGateIsClosed()
    {
        await using var notifier = NewNotifier();
        using var gate = new ManualResetEventSlim(false);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;
        using var slow = notifier.Subscribe(PatientA, null, _ =>
        {
            entered.TrySetResult();
            gate.Wait(Ct);
            Interlocked.Exchange(ref finished, 1);
            return Task.CompletedTask;
        });
        try
        {
            // Run on another thread so that a PathwayChanged that waited for the subscriber fails the test instead of hanging it.
            await Task.Run(() => notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam)), Ct).WaitAsync(Timeout, Ct);
            await entered.Task.WaitAsync(Timeout, Ct);
            await Task.Run(() => notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.Messages)), Ct).WaitAsync(Timeout, Ct);

            Assert.Equal(0, Volatile.Read(ref finished));
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task PathwayChanged_SlowAsyncSubscriber_DoesNotHoldUpOthers()
    {
        await using var notifier = NewNotifier();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new ChangeRecorder();
        using var slow = notifier.Subscribe(PatientA, null, async _ =>
        {
            entered.TrySetResult();
            await gate.Task;
        });
        using var fast = notifier.Subscribe(PatientA, null, recorder.OnChange);
        try
        {
            notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam));
            notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.Messages));

            await entered.Task.WaitAsync(Timeout, Ct);
            Assert.Equal(PatientSection.CareTeam, (await recorder.NextAsync()).Section);
            Assert.Equal(PatientSection.Messages, (await recorder.NextAsync()).Section);
            Assert.False(gate.Task.IsCompleted);
        }
        finally
        {
            gate.TrySetResult();
        }
    }

    [Fact]
    public async Task PathwayChanged_Always_StampsOriginAndCommitTime()
    {
        var now = new DateTimeOffset(2025, 3, 7, 10, 15, 30, 123, TimeSpan.Zero);
        await using var notifier = NewNotifier(new ManualClock(now));
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(PatientA, null, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam) { Origin = "forged" });

        var change = await recorder.NextAsync();
        Assert.Equal(notifier.InstanceId, change.Origin);
        Assert.Equal(now.ToUnixTimeMilliseconds(), change.CommittedAtUnixMs);
    }

    [Fact]
    public async Task PathwayChanged_CommitTimeGiven_KeepsIt()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(PatientA, null, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(PatientA, PatientSection.CareTeam) { CommittedAtUnixMs = 1_700_000_000_000 });

        Assert.Equal(1_700_000_000_000, (await recorder.NextAsync()).CommittedAtUnixMs);
    }

    [Fact]
    public async Task InstanceId_TwoNotifiers_Differ()
    {
        await using var first = NewNotifier();
        await using var second = NewNotifier();

        Assert.False(string.IsNullOrWhiteSpace(first.InstanceId));
        Assert.NotEqual(first.InstanceId, second.InstanceId);
    }

    private static (Guid, PatientSection) Key(PathwayChange change) => (change.PatientId, change.Section);
}
