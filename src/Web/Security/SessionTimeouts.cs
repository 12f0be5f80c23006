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
    public string? EndReason(UserRole role, DateTimeOffset started, DateTimeOffset lastActivity, DateTimeOffset now)
    {
        var lifetime = AbsoluteLifetimeFor(role);
        if (now - started >= lifetime)
            return $"You were signed out because a session lasts at most {Describe(lifetime)}.";
        var idle = IdleTimeoutFor(role);
        if (now - lastActivity >= idle)
            return $"You were signed out after {Describe(idle)} without activity.";
        return null;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? "" : "s")}"
        : span.TotalMinutes >= 1 && span.TotalMinutes == Math.Floor(span.TotalMinutes) ? $"{span.TotalMinutes:0} minute{(span.TotalMinutes == 1 ? "" : "s")}"
        : $"{span.TotalSeconds:0} seconds";
}
