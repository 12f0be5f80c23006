using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Security;

/// <summary>The idle and absolute limits of a session, per role, and whether a session has passed them.</summary>
public sealed class SessionTimeouts(SessionOptions options)
{
    public TimeSpan IdleTimeoutFor(UserRole role) =>
        options.Roles.TryGetValue(role.ToString(), out var r) && r.IdleTimeout is { } idle ? idle : options.IdleTimeout;

    public TimeSpan AbsoluteLifetimeFor(UserRole role) =>
        options.Roles.TryGetValue(role.ToString(), out var r) && r.AbsoluteLifetime is { } lifetime ? lifetime : options.AbsoluteLifetime;

    /// <summary>Why a session started at <paramref name="started"/>, last used at <paramref name="lastActivity"/>, has ended by <paramref name="now"/>; null while it lasts.</summary>
    public string? EndReason(UserRole role, DateTimeOffset started, DateTimeOffset lastActivity, DateTimeOffset now) =>
        Ending(role, started, lastActivity, now)?.English;

    /// <summary><see cref="EndReason"/> as a reason the page showing it can word in the reader's language.</summary>
    public SessionEnd? Ending(UserRole role, DateTimeOffset started, DateTimeOffset lastActivity, DateTimeOffset now)
    {
        var lifetime = AbsoluteLifetimeFor(role);
        if (now - started >= lifetime)
            return new SessionEnd("You were signed out because a session lasts at most {0}.", lifetime);
        var idle = IdleTimeoutFor(role);
        if (now - lastActivity >= idle)
            return new SessionEnd("You were signed out after {0} without activity.", idle);
        return null;
    }
}
