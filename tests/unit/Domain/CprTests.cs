using System.Globalization;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Domain;

public sealed class CprTests
{
    /// <summary>The Copenhagen date the tests parse on; the app passes its clock's date.</summary>
    internal static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("2026-11-29", 2026)]
    [InlineData("2025-12-31", 1926)]
    [InlineData("2026-01-01", 2026)]
    [InlineData("2027-06-01", 2026)]
    public void Parse_XeCprSubstitute_CenturyIsTheLatestThatIsNotInTheFutureOnTheGivenDay(string today, int expectedYear)
    {
        // 1 Jan of year "26": born this year once the calendar reaches 2026, otherwise a hundred years earlier.
        var cpr = Cpr.Parse("0101261VJ5", DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal(expectedYear, cpr.BirthDate.Year);
    }

    [Theory]
    [InlineData("0703921234")]
    [InlineData("070392-1234")]
    [InlineData("  070392-1234  ")]
    public void Parse_ValidWithOrWithoutHyphen_StoresTenDigits(string input)
    {
        var cpr = Cpr.Parse(input, Today);

        Assert.Equal("0703921234", cpr.Value);
        Assert.Equal(new DateOnly(1992, 3, 7), cpr.BirthDate);
        Assert.False(cpr.IsSubstitute);
        Assert.Equal("urn:oid:1.2.208.176.1.2", cpr.System);
    }

    [Fact]
    public void Parse_WithAndWithoutHyphen_AreEqual()
    {
        Assert.Equal(Cpr.Parse("0703921234", Today), Cpr.Parse("070392-1234", Today));
    }

    [Theory]
    [InlineData("0703921234")]
    [InlineData("070392-1234")]
    public void Display_AnyInput_IsDdmmyyHyphenSerial(string input)
    {
        var cpr = Cpr.Parse(input, Today);

        Assert.Equal("070392-1234", cpr.Display);
        Assert.Equal("070392-1234", cpr.ToString());
    }

    [Theory]
    [InlineData("290200-4123", 2000)]
    [InlineData("290200-5123", 2000)]
    [InlineData("290296-0123", 1996)]
    [InlineData("290296-3123", 1996)]
    public void Parse_LeapDayInLeapYear_IsValid(string input, int year)
    {
        var cpr = Cpr.Parse(input, Today);

        Assert.Equal(new DateOnly(year, 2, 29), cpr.BirthDate);
    }

    // 290200 with serial digit 0-3 is 1900, which is not a leap year (divisible by 100, not by 400).
    [Theory]
    [InlineData("290200-0123")]
    [InlineData("290200-3123")]
    [InlineData("290297-0123")]
    [InlineData("290297-4123")]
    public void Parse_LeapDayInCommonYear_Throws(string input)
    {
        var ex = Assert.Throws<DomainException>(() => Cpr.Parse(input, Today));

        Assert.Contains(input, ex.Message, StringComparison.Ordinal);
        Assert.Contains("DDMMYY", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00", '0', 1900)]
    [InlineData("36", '0', 1936)]
    [InlineData("37", '0', 1937)]
    [InlineData("57", '0', 1957)]
    [InlineData("58", '0', 1958)]
    [InlineData("99", '0', 1999)]
    [InlineData("36", '3', 1936)]
    [InlineData("37", '3', 1937)]
    [InlineData("57", '3', 1957)]
    [InlineData("58", '3', 1958)]
    [InlineData("00", '4', 2000)]
    [InlineData("36", '4', 2036)]
    [InlineData("37", '4', 1937)]
    [InlineData("57", '4', 1957)]
    [InlineData("58", '4', 1958)]
    [InlineData("99", '4', 1999)]
    [InlineData("00", '9', 2000)]
    [InlineData("36", '9', 2036)]
    [InlineData("37", '9', 1937)]
    [InlineData("57", '9', 1957)]
    [InlineData("58", '9', 1958)]
    [InlineData("99", '9', 1999)]
    [InlineData("00", '5', 2000)]
    [InlineData("36", '5', 2036)]
    [InlineData("37", '5', 2037)]
    [InlineData("57", '5', 2057)]
    [InlineData("58", '5', 1858)]
    [InlineData("99", '5', 1899)]
    [InlineData("00", '8', 2000)]
    [InlineData("36", '8', 2036)]
    [InlineData("37", '8', 2037)]
    [InlineData("57", '8', 2057)]
    [InlineData("58", '8', 1858)]
    [InlineData("99", '8', 1899)]
    public void Parse_SeventhDigitAndYear_SelectsCentury(string yy, char seventhDigit, int expectedYear)
    {
        var cpr = Cpr.Parse($"1506{yy}-{seventhDigit}123", Today);

        Assert.Equal(new DateOnly(expectedYear, 6, 15), cpr.BirthDate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Empty_ThrowsRequired(string? input)
    {
        var ex = Assert.Throws<DomainException>(() => Cpr.Parse(input, Today));

        Assert.Contains("CPR", ex.Message, StringComparison.Ordinal);
        Assert.Contains("required", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcdefghij")]
    [InlineData("07O392-1234")]
    [InlineData("070392123")]
    [InlineData("07039212345")]
    [InlineData("320192-1234")]
    [InlineData("000192-1234")]
    [InlineData("311192-1234")]
    [InlineData("011392-1234")]
    [InlineData("010092-1234")]
    [InlineData("070392 1234")]
    [InlineData("07 03 92 12 34")]
    public void Parse_Malformed_ThrowsNamingInputAndFormat(string input)
    {
        var ex = Assert.Throws<DomainException>(() => Cpr.Parse(input, Today));

        Assert.Contains(input, ex.Message, StringComparison.Ordinal);
        Assert.Contains("DDMMYY", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("070392123")]
    [InlineData("011392-1234")]
    public void TryParse_Malformed_ReturnsFalseWithError(string? input)
    {
        var ok = Cpr.TryParse(input, Today, out _, out var error);

        Assert.False(ok);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_Valid_ReturnsTrueWithoutError()
    {
        var ok = Cpr.TryParse("070392-1234", Today, out var cpr, out var error);

        Assert.True(ok);
        Assert.Equal("0703921234", cpr.Value);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("0703921VJ5")]
    [InlineData("070392-1VJ5")]
    public void Parse_XeCprSubstitute_IsSubstituteWithXeCprSystem(string input)
    {
        var cpr = Cpr.Parse(input, Today);

        Assert.True(cpr.IsSubstitute);
        Assert.Equal("urn:oid:1.2.208.176.1.6.1.1", cpr.System);
        Assert.Equal("0703921VJ5", cpr.Value);
        Assert.Equal("070392-1VJ5", cpr.Display);
        Assert.Equal(new DateOnly(1992, 3, 7), cpr.BirthDate);
    }

    [Fact]
    public void Parse_XeCprWithImpossibleDate_Throws()
    {
        Assert.Throws<DomainException>(() => Cpr.Parse("3202921VJ5", Today));
    }

    [Theory]
    [InlineData("1992-03-07", 0)]
    [InlineData("1993-03-06", 0)]
    [InlineData("1993-03-07", 1)]
    [InlineData("2026-03-06", 33)]
    [InlineData("2026-03-07", 34)]
    [InlineData("2026-03-08", 34)]
    [InlineData("2026-12-31", 34)]
    [InlineData("2027-01-01", 34)]
    public void AgeOn_AroundBirthday_CountsCompletedYears(string day, int expectedAge)
    {
        var cpr = Cpr.Parse("070392-1234", Today);

        Assert.Equal(expectedAge, cpr.AgeOn(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
    }
}
