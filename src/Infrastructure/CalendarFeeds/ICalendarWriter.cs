using CareWorkspace.Domain.Common;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CareWorkspace.Infrastructure.CalendarFeeds;

/// <summary>
/// Writes appointments as an RFC 5545 calendar (Ical.Net): every event has a stable UID and a DTSTAMP, times are
/// Copenhagen wall-clock times with TZID=Europe/Copenhagen, and the file carries that VTIMEZONE, so a calendar program
/// anywhere shows the Danish time across daylight-saving changes.
/// </summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZoneId = "Europe/Copenhagen";
    public const string UidDomain = "careworkspace.dk";

    public static string Write(string calendarName, IEnumerable<CalendarFeedEntry> entries, DateTimeOffset now)
    {
        var list = entries.ToList();
        var calendar = new Calendar { ProductId = "-//CareWorkspace//Joint calendar//EN" };
        calendar.Method = "PUBLISH";
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        var earliest = list.Count == 0 ? now : list.Min(e => e.Start);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, CopenhagenTime.ToCopenhagen(earliest).DateTime.AddYears(-1), includeHistoricalData: false));
        var stamp = new CalDateTime(now.UtcDateTime, "UTC");
        foreach (var entry in list)
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = UidOf(entry.AppointmentId),
                DtStamp = stamp,
                Start = Local(entry.Start),
                End = Local(entry.End),
                Summary = entry.Summary,
                Location = entry.Location,
                Description = entry.Description,
                Status = entry.Status switch
                {
                    CalendarFeedStatus.Cancelled => EventStatus.Cancelled,
                    CalendarFeedStatus.Tentative => EventStatus.Tentative,
                    _ => EventStatus.Confirmed,
                },
                LastModified = new CalDateTime(entry.LastChanged.UtcDateTime, "UTC"),
            };
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static string UidOf(Guid appointmentId) => $"{appointmentId:D}@{UidDomain}";

    private static CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(CopenhagenTime.ToCopenhagen(instant).DateTime, DateTimeKind.Unspecified), TimeZoneId);
}
