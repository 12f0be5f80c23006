using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Realtime;

/// <summary>Changes travel between app instances over <see cref="IPathwayBus"/>.</summary>
public sealed class PathwayNotifierBusTests
{
    private static readonly Guid Patient = Guid.NewGuid();

    private static PathwayNotifier NewNotifier(FakePathwayBus bus) =>
        new(NullLogger<PathwayNotifier>.Instance, TimeProvider.System, bus);

    [Fact]
    public async Task PathwayChanged_WithBus_PublishesStampedChange()
    {
        var bus = new FakePathwayBus();
        await using var notifier = NewNotifier(bus);
        var itemId = Guid.NewGuid();

        notifier.PathwayChanged(new PathwayChange(Patient, PatientSection.Relatives, itemId, "user-1"));

        var published = await bus.Published.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal((Patient, PatientSection.Relatives, itemId, "user-1"), (published.PatientId, published.Section, published.ItemId, published.ByUserId));
        Assert.Equal(notifier.InstanceId, published.Origin);
        Assert.NotEqual(0, published.CommittedAtUnixMs);
    }

    [Fact]
    public async Task RemoteChange_FromAnotherOrigin_IsDeliveredLocally()
    {
        var bus = new FakePathwayBus();
        await using var notifier = NewNotifier(bus);
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(Patient, PatientSection.CareTeam, recorder.OnChange);
        var remote = new PathwayChange(Patient, PatientSection.CareTeam, Guid.NewGuid(), "user-2") { Origin = "other-instance", CommittedAtUnixMs = 42 };

        bus.DeliverRemote(remote);

        Assert.Equal(remote, await recorder.NextAsync());
    }

    [Fact]
    public async Task RemoteChange_OwnOriginEcho_IsIgnored()
    {
        var bus = new FakePathwayBus();
        await using var notifier = NewNotifier(bus);
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(Patient, null, recorder.OnChange);

        bus.DeliverRemote(new PathwayChange(Patient, PatientSection.Messages) { Origin = notifier.InstanceId });
        bus.DeliverRemote(new PathwayChange(Patient, PatientSection.CareTeam) { Origin = "other-instance" });

        // The echo came first; only the foreign change arrives.
        var change = await recorder.NextAsync();
        Assert.Equal("other-instance", change.Origin);
        Assert.False(recorder.HasPending);
    }

    [Fact]
    public async Task PathwayChanged_BusFails_StillDeliversLocally()
    {
        var bus = new FakePathwayBus { FailPublishWith = new InvalidOperationException("Redis is down") };
        await using var notifier = NewNotifier(bus);
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(Patient, null, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(Patient, PatientSection.CareTeam));
        notifier.PathwayChanged(new PathwayChange(Patient, PatientSection.Messages));

        Assert.Equal(PatientSection.CareTeam, (await recorder.NextAsync()).Section);
        Assert.Equal(PatientSection.Messages, (await recorder.NextAsync()).Section);
    }

    [Fact]
    public async Task PathwayChanged_WithoutBus_DeliversLocally()
    {
        await using var notifier = new PathwayNotifier(NullLogger<PathwayNotifier>.Instance, TimeProvider.System);
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(Patient, null, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(Patient, PatientSection.CareTeam));

        Assert.Equal(notifier.InstanceId, (await recorder.NextAsync()).Origin);
    }
}
