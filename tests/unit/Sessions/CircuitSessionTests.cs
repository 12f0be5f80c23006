using System.Globalization;
using System.Security.Claims;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.UnitTests.Realtime;
using CareWorkspace.Web.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Sessions;

/// <summary>An open circuit's session: idle means no interaction (live updates do not count), and revocations are pushed.</summary>
public sealed class CircuitSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 7, 0, 0, TimeSpan.Zero);

    private readonly ManualClock clock = new(Start);
    private readonly SessionRevocations revocations;
    private readonly CircuitSession session;
    private readonly List<string> ended = [];

    public CircuitSessionTests()
    {
        revocations = new SessionRevocations(clock, NullLogger<SessionRevocations>.Instance);
        var options = new SessionOptions();
        session = new CircuitSession(revocations, new SessionTimeouts(options), options, clock);
        session.Ended += ended.Add;
    }

    [Fact]
    public void A_circuit_without_interaction_is_signed_out_after_the_idle_timeout()
    {
        session.Begin(User("u1", UserRole.MunicipalNurse));

        clock.Advance(TimeSpan.FromMinutes(29));
        clock.FireTimers();
        Assert.Empty(ended);

        clock.Advance(TimeSpan.FromMinutes(1));
        clock.FireTimers();

        Assert.Equal(["You were signed out after 30 minutes without activity."], ended);
        Assert.Equal(ended[0], session.EndReason);
        Assert.Equal(0, clock.LiveTimers);
    }

    [Fact]
    public void Interaction_keeps_the_circuit_signed_in()
    {
        session.Begin(User("u1", UserRole.MunicipalNurse));

        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            session.Touch();
            clock.FireTimers();
        }

        Assert.Empty(ended);
        Assert.Null(session.EndReason);
    }

    [Fact]
    public void The_absolute_lifetime_counts_from_the_sign_in_not_from_the_circuit()
    {
        session.Begin(User("u1", UserRole.GeneralPractitioner, signedInAt: Start.AddHours(-11).AddMinutes(-50)));

        clock.Advance(TimeSpan.FromMinutes(9));
        session.Touch();
        clock.FireTimers();
        Assert.Empty(ended);

        clock.Advance(TimeSpan.FromMinutes(1));
        session.Touch();
        clock.FireTimers();

        Assert.Equal(["You were signed out because a session lasts at most 12 hours."], ended);
    }

    [Fact]
    public async Task A_revocation_of_the_user_ends_the_circuit_at_once_and_others_are_untouched()
    {
        session.Begin(User("u1", UserRole.MunicipalNurse));
        clock.Advance(TimeSpan.FromSeconds(1));

        await revocations.RevokeAsync("someone-else", "Deactivated.");
        Assert.Empty(ended);

        await revocations.RevokeAsync("u1", "Your account has been deactivated by an administrator.");

        Assert.Equal(["Your account has been deactivated by an administrator."], ended);
        Assert.Equal(0, revocations.ListenerCount);
    }

    [Fact]
    public async Task A_session_that_began_before_a_revocation_ends_as_soon_as_its_circuit_starts()
    {
        clock.Advance(TimeSpan.FromSeconds(1));
        await revocations.RevokeAsync("u1", "Signed out everywhere.");

        session.Begin(User("u1", UserRole.MunicipalNurse, signedInAt: Start));

        Assert.Single(ended);
    }

    [Fact]
    public void Disposing_the_circuit_stops_listening()
    {
        session.Begin(User("u1", UserRole.MunicipalNurse));
        Assert.Equal(1, revocations.ListenerCount);
        Assert.Equal(1, clock.LiveTimers);

        session.Dispose();

        Assert.Equal(0, revocations.ListenerCount);
        Assert.Equal(0, clock.LiveTimers);
    }

    private static ClaimsPrincipal User(string id, UserRole role, DateTimeOffset? signedInAt = null)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, id),
            new(CareClaimTypes.Role, role.ToString()),
            new(CareClaimTypes.DisplayName, "Test " + id),
        ];
        if (signedInAt is { } at)
            claims.Add(new Claim(CareClaimTypes.SessionStarted, at.ToString("O", CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
