using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Realtime;

/// <summary>
/// A cross-patient view (the inbox) subscribed by audience is called only for changes its keys may see: an unrelated
/// subscriber's handler is never invoked. Changes are dispatched in order, so a marker change that the subscriber may
/// see, sent last, proves that nothing before it was delivered when it arrives first.
/// </summary>
public sealed class AudienceSubscriptionTests
{
    private static readonly AudienceKey Holm = AudienceKey.ForOrganisation(Guid.NewGuid());
    private static readonly AudienceKey Skovlund = AudienceKey.ForOrganisation(Guid.NewGuid());
    private static readonly AudienceKey Jens = AudienceKey.ForUser("user-jens");

    private static PathwayNotifier NewNotifier(FakePathwayBus? bus = null) =>
        new(NullLogger<PathwayNotifier>.Instance, TimeProvider.System, bus ?? new FakePathwayBus());

    private static PathwayChange Message(params AudienceKey[] seenBy) =>
        new(Guid.NewGuid(), PatientSection.Messages, Guid.NewGuid()) { SeenBy = seenBy };

    [Fact]
    public async Task Changes_SeenByOthers_NeverInvokeAnUnrelatedSubscriber()
    {
        await using var notifier = NewNotifier();
        var skovlund = new ChangeRecorder();
        using var subscription = notifier.SubscribeFor([Skovlund], PatientSection.Messages, skovlund.OnChange);

        for (var i = 0; i < 20; i++)
            notifier.PathwayChanged(Message(Holm, Jens));
        var marker = Message(Skovlund);
        notifier.PathwayChanged(marker);

        Assert.Equal(marker.ItemId, (await skovlund.NextAsync()).ItemId);
        Assert.False(skovlund.HasPending);
    }

    [Fact]
    public async Task Change_SeenByTwoKeysOfOneSubscriber_IsDeliveredOnce()
    {
        await using var notifier = NewNotifier();
        var both = new ChangeRecorder();
        using var subscription = notifier.SubscribeFor([Holm, Jens], PatientSection.Messages, both.OnChange);

        var first = Message(Holm, Jens);
        var marker = Message(Jens);
        notifier.PathwayChanged(first);
        notifier.PathwayChanged(marker);

        Assert.Equal(first.ItemId, (await both.NextAsync()).ItemId);
        Assert.Equal(marker.ItemId, (await both.NextAsync()).ItemId);
        Assert.False(both.HasPending);
    }

    [Fact]
    public async Task Change_OfAnotherSection_IsNotDelivered()
    {
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.SubscribeFor([Holm], PatientSection.Messages, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(Guid.NewGuid(), PatientSection.Timeline) { SeenBy = [Holm] });
        var marker = Message(Holm);
        notifier.PathwayChanged(marker);

        Assert.Equal(marker.ItemId, (await recorder.NextAsync()).ItemId);
        Assert.False(recorder.HasPending);
    }

    [Fact]
    public async Task Change_WithoutWorkedOutAudience_ReachesEveryAudienceSubscriber()
    {
        // A publisher that does not (yet) say who may see its change costs work, never a missed update.
        await using var notifier = NewNotifier();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.SubscribeFor([Skovlund], PatientSection.Messages, recorder.OnChange);

        var unknown = new PathwayChange(Guid.NewGuid(), PatientSection.Messages, Guid.NewGuid());
        notifier.PathwayChanged(unknown);

        Assert.Equal(unknown.ItemId, (await recorder.NextAsync()).ItemId);
    }

    [Fact]
    public async Task Change_FromAnotherInstance_KeepsItsAudienceOverTheWire()
    {
        var bus = new FakePathwayBus();
        await using var notifier = NewNotifier(bus);
        var holm = new ChangeRecorder();
        var skovlund = new ChangeRecorder();
        using var holmSubscription = notifier.SubscribeFor([Holm], PatientSection.Messages, holm.OnChange);
        using var skovlundSubscription = notifier.SubscribeFor([Skovlund], PatientSection.Messages, skovlund.OnChange);

        var sent = Message(Holm) with { Origin = "another-instance" };
        var received = RedisPathwayBus.FromMessage(RedisPathwayBus.ToMessage(sent))!;
        bus.DeliverRemote(received);
        var marker = Message(Skovlund) with { Origin = "another-instance" };
        bus.DeliverRemote(RedisPathwayBus.FromMessage(RedisPathwayBus.ToMessage(marker))!);

        Assert.Equal([Holm], received.SeenBy);
        Assert.Equal(sent.ItemId, (await holm.NextAsync()).ItemId);
        Assert.Equal(marker.ItemId, (await skovlund.NextAsync()).ItemId);
        Assert.False(skovlund.HasPending);
    }

    [Fact]
    public async Task SubscribeFor_Disposed_LeavesNoSubscriptionAndIsNotCalled()
    {
        await using var notifier = NewNotifier();
        var gone = new ChangeRecorder();
        var staying = new ChangeRecorder();
        var subscription = notifier.SubscribeFor([Holm, Jens], PatientSection.Messages, gone.OnChange);
        using var other = notifier.SubscribeFor([Holm], PatientSection.Messages, staying.OnChange);

        subscription.Dispose();
        subscription.Dispose();
        notifier.PathwayChanged(Message(Holm, Jens));
        notifier.PathwayChanged(Message(Holm));

        // The second change reaching a subscriber means the first was handed to every subscriber it was for.
        await staying.NextAsync();
        await staying.NextAsync();
        Assert.False(gone.HasPending);
        Assert.Equal(1, notifier.SubscriptionCount);
    }
}
