using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.Calendar;

public sealed class RecurrenceTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public void EveryWeekOnMondayAndThursday_ForACount_GivesThoseDaysInOrder()
    {
        var rule = new Recurrence(1, [DayOfWeek.Thursday, DayOfWeek.Monday], count: 5);

        var dates = rule.Dates(new DateOnly(2026, 11, 30));

        Assert.Equal(
            [new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 14)],
            dates);
    }

    [Fact]
    public void EveryOtherWeek_UntilADate_SkipsTheWeeksBetweenAndStopsOnTheLastDay()
    {
        var rule = new Recurrence(2, [DayOfWeek.Wednesday], until: new DateOnly(2027, 1, 13));

        var dates = rule.Dates(new DateOnly(2026, 12, 1));

        Assert.Equal([new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 13)], dates);
    }

    [Fact]
    public void AWeeklySeriesAt0900_StaysAt0900AcrossTheEndOfSummerTime_LastSundayOfOctober()
    {
        // Thursdays 22 and 29 October 2026, around Sunday 25 October when the clocks go back.
        var times = new Recurrence(1, [DayOfWeek.Thursday], count: 2).Occurrences(new DateOnly(2026, 10, 22), Nine, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 10, 22, 7, 0, 0, TimeSpan.Zero), times[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 10, 29, 8, 0, 0, TimeSpan.Zero), times[1].Start);
        Assert.All(times, t => Assert.Equal(Nine, CopenhagenTime.TimeOf(t.Start)));
        Assert.All(times, t => Assert.Equal(new TimeOnly(10, 0), CopenhagenTime.TimeOf(t.End)));
        Assert.Equal(TimeSpan.FromDays(7) + TimeSpan.FromHours(1), times[1].Start - times[0].Start);
    }

    [Fact]
    public void AWeeklySeriesAt0900_StaysAt0900AcrossTheStartOfSummerTime_LastSundayOfMarch()
    {
        // Thursdays 25 March and 1 April 2027, around Sunday 28 March when the clocks go forward.
        var times = new Recurrence(1, [DayOfWeek.Thursday], count: 2).Occurrences(new DateOnly(2027, 3, 25), Nine, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 3, 25, 8, 0, 0, TimeSpan.Zero), times[0].Start);
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 7, 0, 0, TimeSpan.Zero), times[1].Start);
        Assert.All(times, t => Assert.Equal(Nine, CopenhagenTime.TimeOf(t.Start)));
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), times[1].Start - times[0].Start);
    }

    [Fact]
    public void AnOccurrenceOnTheSundayTheClocksGoForward_AtATimeThatDoesNotExist_IsMovedAnHourOn()
    {
        var times = new Recurrence(1, [DayOfWeek.Sunday], count: 1).Occurrences(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), TimeSpan.FromMinutes(30));

        Assert.Equal(new TimeOnly(3, 30), CopenhagenTime.TimeOf(times[0].Start));
    }

    [Fact]
    public void ExactlyFiveHundredOccurrences_AreAllowed()
    {
        var dates = new Recurrence(1, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], count: 500)
            .Dates(new DateOnly(2026, 11, 30));

        Assert.Equal(500, dates.Count);
    }

    [Fact]
    public void ACountAboveFiveHundred_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new Recurrence(1, [DayOfWeek.Monday], count: 501));

        Assert.Equal("A series has from 1 to {0} appointments.", ex.Template);
    }

    [Fact]
    public void AnUntilDateThatWouldGiveMoreThanFiveHundred_IsRefused()
    {
        // Every weekday for three years is about 780 appointments.
        var rule = new Recurrence(1, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            until: new DateOnly(2029, 11, 30));

        var ex = Assert.Throws<DomainException>(() => rule.Dates(new DateOnly(2026, 11, 30)));

        Assert.Equal("A series may have at most {0} appointments; end it sooner or repeat it less often.", ex.Template);
    }

    [Fact]
    public void ASeriesThatNeverEnds_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new Recurrence(1, [DayOfWeek.Monday]));

        Assert.Equal("A series must end: give the number of appointments or the last date.", ex.Template);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void AnIntervalOutsideOneToFiftyTwoWeeks_IsRefused(int weeks)
    {
        Assert.Throws<DomainException>(() => new Recurrence(weeks, [DayOfWeek.Monday], count: 3));
    }

    [Fact]
    public void NoWeekdays_OrBothEnds_AreRefused()
    {
        Assert.Throws<DomainException>(() => new Recurrence(1, [], count: 3));
        Assert.Throws<DomainException>(() => new Recurrence(1, [DayOfWeek.Monday], count: 3, until: new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void AnUntilBeforeTheFirstDay_OrWithNoMatchingWeekday_IsRefused()
    {
        Assert.Throws<DomainException>(() => new Recurrence(1, [DayOfWeek.Monday], until: new DateOnly(2026, 11, 1)).Dates(new DateOnly(2026, 11, 30)));
        Assert.Throws<DomainException>(() => new Recurrence(1, [DayOfWeek.Monday], until: new DateOnly(2026, 12, 2)).Dates(new DateOnly(2026, 12, 1)));
    }
}
