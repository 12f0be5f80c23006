using System.Globalization;
using System.Security.Claims;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Web.Security;

/// <summary>
/// The sign-in behind one circuit: it ends when the user's sessions are revoked (pushed, within seconds) or when the
/// idle or absolute limit passes (checked on a timer). Idle means no user interaction: live updates do not count.
/// </summary>
public sealed class CircuitSession(SessionRevocations revocations, SessionTimeouts timeouts, SessionOptions options, TimeProvider clock) : IDisposable
{
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private ITimer? _timer;
    private Domain.Access.Actor? _actor;
    private DateTimeOffset _started;
    private DateTimeOffset _lastActivity;

    /// <summary>Why the session ended (in English), or null while it lasts.</summary>
    public string? EndReason => Ending?.English;

    /// <summary>Why the session ended, for the page to word in the reader's language; null while it lasts.</summary>
    public SessionEnd? Ending { get; private set; }

    /// <summary>Raised once, when the session ends (from any thread).</summary>
    public event Action<string>? Ended;

    /// <summary>Starts watching the signed-in <paramref name="user"/>; later calls (the same sign-in) change nothing.</summary>
    public void Begin(ClaimsPrincipal user)
    {
        var actor = user.ToActor();
        lock (_gate)
        {
            if (actor is null || _actor is not null || EndReason is not null)
                return;
            _actor = actor;
            var now = clock.GetUtcNow();
            _started = DateTimeOffset.TryParse(user.FindFirstValue(CareClaimTypes.SessionStarted), CultureInfo.InvariantCulture,
                DateTimeStyles.RoundtripKind, out var started) && started <= now ? started : now;
            _lastActivity = now;
        }
        _subscription = revocations.Subscribe(actor.UserId, r => End(r.Reason));
        _timer = clock.CreateTimer(_ => Check(), null, options.CheckInterval, options.CheckInterval);
        // A revocation between the cookie check and this subscription must not be missed.
        if (revocations.IsRevokedSince(actor.UserId, _started))
            End("Your session was ended.");
    }

    /// <summary>The user did something on the page (typed, clicked, scrolled).</summary>
    public void Touch()
    {
        lock (_gate)
            _lastActivity = clock.GetUtcNow();
    }

    /// <summary>Checks the idle and absolute limits now.</summary>
    public void Check()
    {
        SessionEnd? reason;
        lock (_gate)
        {
            if (_actor is null || EndReason is not null)
                return;
            reason = timeouts.Ending(_actor.Role, _started, _lastActivity, clock.GetUtcNow());
        }
        if (reason is not null)
            End(reason);
    }

    public void End(string reason) => End(new SessionEnd(reason));

    public void End(SessionEnd reason)
    {
        lock (_gate)
        {
            if (Ending is not null)
                return;
            Ending = reason;
        }
        StopWatching();
        Ended?.Invoke(reason.English);
    }

    public void Dispose() => StopWatching();

    private void StopWatching()
    {
        _subscription?.Dispose();
        _timer?.Dispose();
    }
}
