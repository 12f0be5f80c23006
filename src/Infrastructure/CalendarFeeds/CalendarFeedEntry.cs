namespace CareWorkspace.Infrastructure.CalendarFeeds;

/// <summary>One appointment as it goes into an .ics file: what a calendar program shows, already in the reader's language.</summary>
public sealed record CalendarFeedEntry(
    Guid AppointmentId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string? Location,
    string? Description,
    CalendarFeedStatus Status,
    DateTimeOffset LastChanged);

/// <summary>The iCalendar STATUS of an event.</summary>
public enum CalendarFeedStatus
{
    Tentative,
    Confirmed,
    Cancelled,
}
