using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Audit;

/// <summary>
/// What the patient asks of their access log: a period of Copenhagen days (both ends included), an organisation, an
/// action, or only the accesses made under emergency access. Empty parts do not filter.
/// </summary>
public sealed record AccessLogFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    Guid? OrganisationId = null,
    AccessAction? Action = null,
    bool EmergencyAccessOnly = false)
{
    /// <summary>How far back the patient's page and export reach.</summary>
    public const int YearsShown = 2;

    /// <summary>The message for a period that ends before it starts (shown beside the end date).</summary>
    public const string InvertedPeriod = "The period cannot end before it starts.";

    public bool HasInvertedPeriod => From is { } from && To is { } to && to < from;

    /// <summary>
    /// The instants the filter covers on <paramref name="today"/>: never earlier than two years back, never later than
    /// the end of today. An inverted period is refused.
    /// </summary>
    public AccessLogWindow Window(DateOnly today)
    {
        if (HasInvertedPeriod)
            throw new DomainException(InvertedPeriod);
        var earliest = EarliestShown(today);
        var from = From is { } f && f > earliest ? f : earliest;
        var to = To is { } t && t < today ? t : today;
        return new AccessLogWindow(CopenhagenTime.StartOf(from).ToUniversalTime(), CopenhagenTime.EndOf(to).ToUniversalTime(), OrganisationId, Action, EmergencyAccessOnly);
    }

    public static DateOnly EarliestShown(DateOnly today) => today.AddYears(-YearsShown);
}

/// <summary>A filter made concrete: records at or after <see cref="Start"/> and before <see cref="End"/>.</summary>
public sealed record AccessLogWindow(DateTimeOffset Start, DateTimeOffset End, Guid? OrganisationId, AccessAction? Action, bool EmergencyAccessOnly);

/// <summary>Where a page of the log (newest first) ends, so the next page starts after it: keyset paging on (At, Id).</summary>
public sealed record AccessLogCursor(DateTimeOffset At, long Id);
