using System.Globalization;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.Domain;

public sealed class PeriodTests
{
    private static readonly DateOnly Start = new(2025, 3, 1);
    private static readonly DateOnly End = new(2025, 3, 31);

    [Fact]
    public void Constructor_EndBeforeStart_ThrowsNamingBothDates()
    {
        var ex = Assert.Throws<DomainException>(() => new Period(Start, Start.AddDays(-1)));

        Assert.Contains("2025-02-28", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-03-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EndOnStart_IsOneDay()
    {
        var period = new Period(Start, Start);

        Assert.True(period.Covers(Start));
        Assert.False(period.Covers(Start.AddDays(1)));
    }

    [Theory]
    [InlineData("2025-02-28", false)]
    [InlineData("2025-03-01", true)]
    [InlineData("2025-03-15", true)]
    [InlineData("2025-03-31", true)]
    [InlineData("2025-04-01", false)]
    public void Covers_ClosedPeriod_IncludesBothEnds(string day, bool expected)
    {
        var period = new Period(Start, End);

        Assert.Equal(expected, period.Covers(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Covers_OpenEnd_CoversEveryDayFromStart()
    {
        var period = new Period(Start);

        Assert.Null(period.End);
        Assert.False(period.Covers(Start.AddDays(-1)));
        Assert.True(period.Covers(Start));
        Assert.True(period.Covers(new DateOnly(2999, 12, 31)));
    }
}
