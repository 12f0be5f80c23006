using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using static CareWorkspace.UnitTests.Calendar.CalendarTestData;

namespace CareWorkspace.UnitTests.Calendar;

public sealed class AppointmentSeriesTests
{
    private static (AppointmentSeries Series, IReadOnlyList<Appointment> Occurrences) WeeklyTraining(int count = 6) =>
        AppointmentSeries.Book(Patient, Clinic, new AppointmentDetails(AppointmentType.Routine, AppointmentMode.InPerson, "Genoptræningscenter"),
            new DateOnly(2026, 12, 1), new TimeOnly(9, 0), TimeSpan.FromHours(1), new Recurrence(1, [DayOfWeek.Tuesday], count: count),
            [Doctor("physio", "Fysioterapeut Mette"), ThePatient()], Stamp());

    [Fact]
    public void Booking_StoresEveryOccurrenceWithTheSeriesId()
    {
        var (series, occurrences) = WeeklyTraining();

        Assert.Equal(6, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal(series.Id, o.SeriesId));
        Assert.All(occurrences, o => Assert.Equal(2, o.Participants.Count));
        Assert.Equal(6, series.Rule.Count);
    }

    [Fact]
    public void ASeriesStartingInThePast_IsRefused()
    {
        Assert.Throws<DomainException>(() => AppointmentSeries.Book(Patient, Clinic, FollowUp(), new DateOnly(2026, 11, 1), new TimeOnly(9, 0),
            TimeSpan.FromHours(1), new Recurrence(1, [DayOfWeek.Monday], count: 10), [Doctor()], Stamp()));
    }

    [Fact]
    public void CancellingThisAndFollowing_CancelsFromThereAndEndsTheRuleBefore()
    {
        var (series, occurrences) = WeeklyTraining();
        var third = occurrences[2];

        var cancelled = series.CancelFollowing(third, third.Version, occurrences, "Training finished early", Stamp());

        Assert.Equal(4, cancelled.Count);
        Assert.All(occurrences.Take(2), o => Assert.Equal(AppointmentStatus.Booked, o.Status));
        Assert.All(occurrences.Skip(2), o => Assert.Equal(AppointmentStatus.Cancelled, o.Status));
        Assert.Equal(2, series.Count);
    }

    [Fact]
    public void ChangingOneOccurrence_LeavesTheOthers()
    {
        var (_, occurrences) = WeeklyTraining();

        occurrences[1].Reschedule(occurrences[1].Version, At(12, 9, "13:00", "14:00"), Stamp());

        Assert.Equal(new TimeOnly(13, 0), CopenhagenTime.TimeOf(occurrences[1].Start));
        Assert.All(occurrences.Where((_, i) => i != 1), o => Assert.Equal(new TimeOnly(9, 0), CopenhagenTime.TimeOf(o.Start)));
    }

    [Fact]
    public void ChangingThisAndFollowing_SplitsTheSeries_KeepingEachDateWithTheNewTime()
    {
        var (series, occurrences) = WeeklyTraining();
        var fourth = occurrences[3];

        var split = series.ChangeFollowing(fourth, fourth.Version, occurrences, fourth.Details, new TimeOnly(14, 0), TimeSpan.FromMinutes(45),
            [Doctor("physio", "Fysioterapeut Mette"), ThePatient()], Stamp());

        Assert.NotNull(split);
        Assert.Equal(3, series.Count);
        Assert.Equal(3, split.Count);
        Assert.All(occurrences.Take(3), o => Assert.Equal(series.Id, o.SeriesId));
        Assert.All(occurrences.Skip(3), o => Assert.Equal(split.Id, o.SeriesId));
        Assert.All(occurrences.Skip(3), o => Assert.Equal(new TimeOnly(14, 0), CopenhagenTime.TimeOf(o.Start)));
        Assert.All(occurrences.Skip(3), o => Assert.Equal(DayOfWeek.Tuesday, CopenhagenTime.DateOf(o.Start).DayOfWeek));
        Assert.All(occurrences.Take(3), o => Assert.Equal(new TimeOnly(9, 0), CopenhagenTime.TimeOf(o.Start)));
    }

    [Fact]
    public void ChangingFromTheFirstOccurrence_ChangesTheWholeSeriesInPlace()
    {
        var (series, occurrences) = WeeklyTraining(3);

        var split = series.ChangeFollowing(occurrences[0], occurrences[0].Version, occurrences, occurrences[0].Details, new TimeOnly(8, 0),
            TimeSpan.FromHours(1), [Doctor("physio", "Fysioterapeut Mette")], Stamp());

        Assert.Null(split);
        Assert.Equal(new TimeOnly(8, 0), series.StartTime);
        Assert.All(occurrences, o => Assert.Equal(series.Id, o.SeriesId));
    }

    [Fact]
    public void AStaleChangeOfThisAndFollowing_ChangesNothing()
    {
        var (series, occurrences) = WeeklyTraining();

        Assert.Throws<StaleEditException>(() => series.ChangeFollowing(occurrences[3], Guid.NewGuid(), occurrences, occurrences[3].Details,
            new TimeOnly(14, 0), TimeSpan.FromHours(1), [Doctor()], Stamp()));

        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(9, 0), CopenhagenTime.TimeOf(o.Start)));
        Assert.Equal(6, series.Count);
    }
}
