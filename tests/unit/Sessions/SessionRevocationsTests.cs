using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.UnitTests.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Sessions;

public sealed class SessionRevocationsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sessions_that_began_before_a_revocation_are_revoked_and_later_ones_are_not()
    {
        var clock = new ManualClock(Start);
        var revocations = new SessionRevocations(clock, NullLogger<SessionRevocations>.Instance);
        clock.Advance(TimeSpan.FromMinutes(1));

        await revocations.RevokeAsync("u1", "Deactivated.");

        Assert.True(revocations.IsRevokedSince("u1", Start));
        Assert.False(revocations.IsRevokedSince("u1", Start.AddMinutes(2)));
        Assert.False(revocations.IsRevokedSince("u2", Start));
    }

    [Fact]
    public async Task A_revocation_is_published_to_the_other_instances_and_theirs_are_heard_here()
    {
        var bus = new FakeRevocationBus();
        var clock = new ManualClock(Start);
        var revocations = new SessionRevocations(clock, NullLogger<SessionRevocations>.Instance, bus);
        var heard = new List<SessionRevocation>();
        using var _ = revocations.Subscribe(null, heard.Add);

        await revocations.RevokeAsync("u1", "Deactivated.");
        bus.DeliverRemote(new SessionRevocation("u2", Start.AddSeconds(5), "Signed out everywhere.", "other-instance"));
        // Redis also echoes our own message back: it must not be raised twice.
        bus.DeliverRemote(bus.Published.Single());

        Assert.Equal(["u1"], bus.Published.Select(r => r.UserId));
        Assert.Equal(["u1", "u2"], heard.Select(r => r.UserId));
        Assert.True(revocations.IsRevokedSince("u2", Start));
    }

    [Fact]
    public async Task An_unreachable_bus_still_ends_the_sessions_on_this_instance()
    {
        var bus = new FakeRevocationBus { FailPublishWith = new InvalidOperationException("Redis is down") };
        var revocations = new SessionRevocations(new ManualClock(Start), NullLogger<SessionRevocations>.Instance, bus);
        var heard = new List<SessionRevocation>();
        using var _ = revocations.Subscribe("u1", heard.Add);

        await revocations.RevokeAsync("u1", "Deactivated.");

        Assert.Single(heard);
    }

    private sealed class FakeRevocationBus : ISessionRevocationBus
    {
        private Action<SessionRevocation>? _onRemote;

        public List<SessionRevocation> Published { get; } = [];

        public Exception? FailPublishWith { get; init; }

        public Task PublishAsync(SessionRevocation revocation)
        {
            Published.Add(revocation);
            return FailPublishWith is { } ex ? Task.FromException(ex) : Task.CompletedTask;
        }

        public void Subscribe(Action<SessionRevocation> onRemoteRevocation) => _onRemote = onRemoteRevocation;

        public void DeliverRemote(SessionRevocation revocation) => (_onRemote ?? throw new InvalidOperationException("Not subscribed."))(revocation);
    }
}
