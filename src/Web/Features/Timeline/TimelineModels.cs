using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;

namespace CareWorkspace.Web.Features.Timeline;

public sealed record TimelineFilter(IReadOnlySet<Sector>? Sectors = null, IReadOnlySet<PathwayEventType>? Types = null);

/// <summary>One event as stored: free text (<see cref="PathwayEventKind.Text"/>) in Title and Detail, otherwise a kind and its values, which <see cref="TimelineText"/> writes in the reader's language.</summary>
public sealed record TimelineEntry(Guid Id, DateTimeOffset At, PathwayEventType Type, Sector Sector, string SourceOrganisation, string? Title, string? Detail,
    PathwayEventKind Kind = PathwayEventKind.Text, IReadOnlyDictionary<string, string>? Parameters = null);

public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}
