using System.Globalization;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Localization;

public sealed class CareFormatTests
{
    private static readonly DateOnly Day = new(2026, 11, 29);

    [Theory]
    [InlineData("da-DK", "29. nov. 2026", "14.30", "Uge 48", "3,5", "1.234,5")]
    [InlineData("en-GB", "29 Nov 2026", "14:30", "Week 48", "3.5", "1,234.5")]
    public void Formats_FollowTheLanguage(string culture, string date, string time, string week, string number, string thousands)
    {
        Use(culture);

        Assert.Equal(date, CareFormat.Date(Day));
        Assert.Equal(time, CareFormat.Time(new TimeOnly(14, 30)));
        Assert.Equal(week, CareFormat.Week(Day));
        Assert.Equal(number, CareFormat.Number(3.5m, 1));
        Assert.Equal(thousands, CareFormat.Number(1234.5m, 1));
    }

    [Theory]
    [InlineData("da-DK", "29. nov. 2026 kl. 14.30")]
    [InlineData("en-GB", "29 Nov 2026, 14:30")]
    public void DateTime_IsCopenhagenTime(string culture, string expected)
    {
        Use(culture);

        // 13:30 UTC is 14:30 in Copenhagen in winter.
        Assert.Equal(expected, CareFormat.DateTime(new DateTimeOffset(2026, 11, 29, 13, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(2027, 1, 1, 53)]
    [InlineData(2026, 1, 1, 1)]
    [InlineData(2027, 1, 4, 1)]
    [InlineData(2024, 12, 30, 1)]
    public void WeekNumber_IsIso8601(int year, int month, int day, int week) =>
        Assert.Equal(week, CareFormat.WeekNumber(new DateOnly(year, month, day)));

    private static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }
}
