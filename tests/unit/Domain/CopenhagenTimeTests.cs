using CareWorkspace.Domain.Common;
using CareWorkspace.UnitTests.Realtime;

namespace CareWorkspace.UnitTests.Domain;

public sealed class CopenhagenTimeTests
{
    [Theory]
    [InlineData("2026-11-28T22:59:59Z", "2026-11-28")]
    [InlineData("2026-11-28T23:00:00Z", "2026-11-29")]
    [InlineData("2026-06-30T21:59:59Z", "2026-06-30")]
    [InlineData("2026-06-30T22:00:00Z", "2026-07-01")]
    public void Today_IsTheCopenhagenDate_NotTheUtcDate(string utc, string expected)
    {
        var clock = new ManualClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CopenhagenTime.Today(clock));
    }

    [Fact]
    public void StartOf_DaylightSavingDays_IsLocalMidnight()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), CopenhagenTime.StartOf(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), CopenhagenTime.StartOf(new DateOnly(2026, 3, 30)));
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), CopenhagenTime.StartOf(new DateOnly(2026, 10, 25)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), CopenhagenTime.StartOf(new DateOnly(2026, 10, 26)));
    }

    /// <summary>
    /// The unit tests run with TZ=America/New_York (unit.runsettings, scripts/test.sh) and the integration tests in UTC:
    /// this fails if the process runs in Copenhagen's zone, where server-zone bugs would hide.
    /// </summary>
    [Fact]
    public void TheTestProcess_DoesNotRunInCopenhagensZone()
    {
        var winter = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

        Assert.NotEqual("Europe/Copenhagen", TimeZoneInfo.Local.Id);
        Assert.False(TimeZoneInfo.Local.GetUtcOffset(winter) == CopenhagenTime.Zone.GetUtcOffset(winter)
                     && TimeZoneInfo.Local.GetUtcOffset(summer) == CopenhagenTime.Zone.GetUtcOffset(summer),
            $"The tests run in {TimeZoneInfo.Local.Id}, which keeps Copenhagen's time.");
    }

    [Fact]
    public void Today_LateEveningUtc_IsTomorrowInCopenhagen_WhateverTheProcessZone()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 29), CopenhagenTime.Today(clock));
        // The server's own zone would say something else here (New York: 28 November; UTC: 28 November).
        Assert.NotEqual(CopenhagenTime.Today(clock), DateOnly.FromDateTime(clock.GetUtcNow().ToLocalTime().DateTime));
    }

    [Theory]
    // End of summer time, Sunday 25 October 2026: midnight before is 22:00 UTC (+02:00), midnight after is 23:00 UTC (+01:00).
    [InlineData("2026-10-24T21:59:59Z", "2026-10-24")]
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")]
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")]
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    // Start of summer time, Sunday 28 March 2027: midnight before is 23:00 UTC (+01:00), midnight after is 22:00 UTC (+02:00).
    [InlineData("2027-03-27T22:59:59Z", "2027-03-27")]
    [InlineData("2027-03-27T23:00:00Z", "2027-03-28")]
    [InlineData("2027-03-28T21:59:59Z", "2027-03-28")]
    [InlineData("2027-03-28T22:00:00Z", "2027-03-29")]
    public void TodayAndDateOf_AroundMidnight_OnBothDaylightSavingSundays(string utc, string expected)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var day = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(day, CopenhagenTime.Today(new ManualClock(instant)));
        Assert.Equal(day, CopenhagenTime.DateOf(instant));
    }

    [Theory]
    [InlineData("2026-10-23", "09:00", "2026-10-23T07:00:00Z")]
    [InlineData("2026-10-26", "09:00", "2026-10-26T08:00:00Z")]
    [InlineData("2027-03-26", "09:00", "2027-03-26T08:00:00Z")]
    [InlineData("2027-03-29", "09:00", "2027-03-29T07:00:00Z")]
    // 02:30 happens twice on 25 October 2026: the first (summer time) is meant.
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")]
    // 02:30 never happens on 28 March 2027: the clocks jump from 02:00 to 03:00, so it becomes 03:30.
    [InlineData("2027-03-28", "02:30", "2027-03-28T01:30:00Z")]
    public void At_IsTheInstantTheCopenhagenClocksShowThatTime(string day, string time, string expectedUtc)
    {
        var at = CopenhagenTime.At(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }
}
