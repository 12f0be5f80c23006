namespace CareWorkspace.Web.Security;

/// <summary>
/// How long a sign-in lasts, from the <c>Sessions</c> settings: <c>Sessions:IdleTimeout</c>,
/// <c>Sessions:AbsoluteLifetime</c>, and per role <c>Sessions:Roles:&lt;Role&gt;:IdleTimeout</c> / <c>:AbsoluteLifetime</c>.
/// </summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>No user interaction for this long ends the session.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Overrides for one role, keyed by the role's name (e.g. <c>Administrator</c>).</summary>
    public Dictionary<string, SessionRoleOptions> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often an open circuit checks its idle and absolute limits.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a cookie's security stamp is compared with the database. Revocations are pushed and take effect at once;
    /// this is the safety net for an instance that missed the push.
    /// </summary>
    public TimeSpan StampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class SessionRoleOptions
{
    public TimeSpan? IdleTimeout { get; set; }
    public TimeSpan? AbsoluteLifetime { get; set; }
}
