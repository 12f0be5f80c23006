using CareWorkspace.Infrastructure.CalendarFeeds;
using Ical.Net;
using IcsCalendar = Ical.Net.Calendar;

namespace CareWorkspace.UnitTests.CalendarFeeds;

/// <summary>An .ics file is generated, parsed back with Ical.Net and compared: the same events at the same instants.</summary>
public sealed class ICalendarRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    // Across both daylight-saving edges: winter (UTC+1) and summer (UTC+2) wall-clock times.
    private static readonly CalendarFeedEntry[] Entries =
    [
        new(Guid.NewGuid(), new(2026, 10, 24, 8, 0, 0, TimeSpan.Zero), new(2026, 10, 24, 9, 0, 0, TimeSpan.Zero),
            "Training, rehabilitation centre", "Genoptræningscenter, Havnevej 2", "Bring trainers", CalendarFeedStatus.Confirmed, Now),
        new(Guid.NewGuid(), new(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), new(2026, 10, 26, 9, 30, 0, TimeSpan.Zero),
            "Video consultation; lung clinic, \"check\"", null, "Line one\nLine two, with; specials", CalendarFeedStatus.Tentative, Now.AddDays(-3)),
        new(Guid.NewGuid(), new(2027, 3, 29, 7, 30, 0, TimeSpan.Zero), new(2027, 3, 29, 8, 0, 0, TimeSpan.Zero),
            "Home care visit", "Strandvejen 12, Havby", null, CalendarFeedStatus.Cancelled, Now),
    ];

    private static (string Text, IcsCalendar Parsed) RoundTrip()
    {
        var text = ICalendarWriter.Write("Jens Jensen – joint calendar", Entries, Now);
        return (text, IcsCalendar.Load(text)!);
    }

    [Fact]
    public void RoundTrip_EveryEventComesBackTheSame()
    {
        var (_, parsed) = RoundTrip();

        Assert.Equal(Entries.Length, parsed.Events.Count);
        foreach (var entry in Entries)
        {
            var back = Assert.Single(parsed.Events, e => e.Uid == ICalendarWriter.UidOf(entry.AppointmentId));
            Assert.Equal(entry.Start, new DateTimeOffset(back.Start!.AsUtc, TimeSpan.Zero));
            Assert.Equal(entry.End, new DateTimeOffset(back.End!.AsUtc, TimeSpan.Zero));
            Assert.Equal(ICalendarWriter.TimeZoneId, back.Start.TzId);
            Assert.Equal(entry.Summary, back.Summary);
            Assert.Equal(entry.Location, back.Location);
            Assert.Equal(entry.Description, back.Description);
            Assert.Equal(entry.Status switch
            {
                CalendarFeedStatus.Cancelled => EventStatus.Cancelled,
                CalendarFeedStatus.Tentative => EventStatus.Tentative,
                _ => EventStatus.Confirmed,
            }, back.Status);
            Assert.Equal(Now.UtcDateTime, back.DtStamp!.AsUtc);
        }
    }

    [Fact]
    public void WallClock_IsDanishTimeOnBothSidesOfDaylightSaving()
    {
        var (_, parsed) = RoundTrip();

        var summer = parsed.Events.Single(e => e.Uid == ICalendarWriter.UidOf(Entries[0].AppointmentId));
        var winter = parsed.Events.Single(e => e.Uid == ICalendarWriter.UidOf(Entries[1].AppointmentId));
        var spring = parsed.Events.Single(e => e.Uid == ICalendarWriter.UidOf(Entries[2].AppointmentId));
        Assert.Equal(10, summer.Start!.Value.Hour);
        Assert.Equal(10, winter.Start!.Value.Hour);
        Assert.Equal(9, spring.Start!.Value.Hour);
    }

    [Fact]
    public void File_IsValidRfc5545_UidDtstampAndVtimezoneForEveryTzid()
    {
        var (text, parsed) = RoundTrip();

        Assert.Contains("VERSION:2.0", text, StringComparison.Ordinal);
        Assert.Contains("PRODID:", text, StringComparison.Ordinal);
        Assert.All(parsed.Events, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Uid));
            Assert.NotNull(e.DtStamp);
        });
        var usedZones = parsed.Events.SelectMany(e => new[] { e.Start!.TzId, e.End!.TzId }).Where(z => z is not null && z != "UTC").Distinct().ToList();
        Assert.NotEmpty(usedZones);
        Assert.All(usedZones, zone => Assert.Contains(parsed.TimeZones, tz => tz.TzId == zone));
        // Every VTIMEZONE has its standard and daylight rules, so a reader without a time-zone database can convert.
        var copenhagen = Assert.Single(parsed.TimeZones);
        Assert.Contains(copenhagen.Children, c => c.Name == "STANDARD");
        Assert.Contains(copenhagen.Children, c => c.Name == "DAYLIGHT");
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void EmptyCalendar_IsStillAValidFile()
    {
        var text = ICalendarWriter.Write("Empty", [], Now);
        var parsed = IcsCalendar.Load(text)!;
        Assert.Empty(parsed.Events);
        Assert.Contains("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
    }
}
