using CareWorkspace.Infrastructure.Triage;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>Which way a score went since the change form before.</summary>
public enum Trend
{
    None,
    Rising,
    Falling,
    Unchanged,
}

/// <summary>What the board flags on a citizen's card, and the trend of a score.</summary>
public static class BoardFlags
{
    /// <summary>
    /// No change form yet, or none for <paramref name="flagAfterDays"/> days (the unit's setting); never for a citizen who
    /// blocked the triage from the unit (the board cannot tell).
    /// </summary>
    public static bool NotObservedTooLong(BoardCitizen citizen, DateTimeOffset now, int flagAfterDays) =>
        !citizen.BlockedByPatient && (citizen.Latest is not { } latest || now - latest.RecordedAt > TimeSpan.FromDays(flagAfterDays));

    public static Trend Of(int? now, int? before) =>
        now is not { } current || before is not { } earlier ? Trend.None
        : current > earlier ? Trend.Rising
        : current < earlier ? Trend.Falling
        : Trend.Unchanged;

    /// <summary>The citizens the triage meeting walks through: red first, then yellow, each as the board orders them.</summary>
    public static IReadOnlyList<BoardCitizen> ForMeeting(IEnumerable<BoardCitizen> citizens) =>
        [.. citizens.Where(c => !c.BlockedByPatient && c.Colour != Domain.Triage.TriageColour.Green).OrderByDescending(c => c.Colour)];
}
