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
}
