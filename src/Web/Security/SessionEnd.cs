using System.Globalization;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Why a session ended: an English sentence (the key of its translation, see ADR-005), with the idle or absolute
/// limit when the sentence has one. Written where the session ends, worded in the reader's language by the page that
/// shows it (<see cref="SessionGuard"/>), since a revocation is pushed from another person's session.
/// </summary>
public sealed record SessionEnd(string Reason, TimeSpan? Limit = null)
{
    public string English => Describe((text, value) => string.Format(CultureInfo.InvariantCulture, text, value));

    /// <summary>The reason with its limit ("8 hours", "15 minutes") worded by <paramref name="text"/> (English key, value).</summary>
    public string Describe(Func<string, object?, string> text) =>
        Limit is { } limit ? text(Reason, Duration(limit, text)) : text(Reason, null);

    private static string Duration(TimeSpan span, Func<string, object?, string> text) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours)
            ? span.TotalHours == 1 ? text("1 hour", null) : text("{0} hours", (int)span.TotalHours)
        : span.TotalMinutes >= 1 && span.TotalMinutes == Math.Floor(span.TotalMinutes)
            ? span.TotalMinutes == 1 ? text("1 minute", null) : text("{0} minutes", (int)span.TotalMinutes)
        : text("{0} seconds", (int)Math.Round(span.TotalSeconds));
}
