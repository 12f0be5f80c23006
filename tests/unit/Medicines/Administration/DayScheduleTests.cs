using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Administration;

namespace CareWorkspace.UnitTests.Medicines.Administration;

public sealed class DayScheduleTests
{
    private static readonly ChangeStamp Gp = new("Peter Larsen", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    internal static MedicationEntry Drug(string name, string dose, DateOnly? start = null, DateOnly? end = null, bool asNeeded = false) =>
        MedicationEntry.Local(Guid.NewGuid(), new LocalPrescription(name, "C09AA05", "5 mg", "tabletter", dose, null, null, asNeeded, "Oral", null,
            start, end, "Lægerne Strandvejen"), [], null, Gp);

    [Fact]
    public void AnOrdinaryWinterDay_IsUtcPlusOne()
    {
        var doses = DaySchedule.For(new DateOnly(2026, 12, 1), [Drug("Ramipril", "kl. 8 og 20")]);

        Assert.Equal([new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero)],
            doses.Select(d => d.At));
        Assert.Equal([new TimeOnly(8, 0), new TimeOnly(20, 0)], doses.Select(d => d.Time));
    }

    [Fact]
    public void OnTheDayTheClocksGoForward_ASkippedTimeMovesAnHourOn_AndLaterTimesAreSummerTime()
    {
        // 29 March 2026: 02:00 → 03:00 in Copenhagen.
        var doses = DaySchedule.For(new DateOnly(2026, 3, 29), [Drug("Morfin", "kl. 1.00, 2.30 og 8.00")]);

        Assert.Equal([new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero)], doses.Select(d => d.At));
    }

    [Fact]
    public void OnTheDayTheClocksGoBack_ATwiceShownTimeIsTheFirst()
    {
        // 25 October 2026: 03:00 → 02:00 in Copenhagen.
        var doses = DaySchedule.For(new DateOnly(2026, 10, 25), [Drug("Morfin", "kl. 2.30 og 20.00")]);

        Assert.Equal([new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 19, 0, 0, TimeSpan.Zero)],
            doses.Select(d => d.At));
    }

    [Fact]
    public void OnlyActiveMedicationsThatRunThatDay_AndNotAsNeeded_AreScheduled_InTimeOrder()
    {
        var day = new DateOnly(2026, 12, 1);
        var paused = Drug("Paused", "kl. 9");
        paused.Pause(paused.Version, Gp);
        var doses = DaySchedule.For(day,
        [
            Drug("Evening", "kl. 20"), Drug("Morning", "kl. 8"), Drug("Starts tomorrow", "kl. 8", start: day.AddDays(1)),
            Drug("Ended yesterday", "kl. 8", end: day.AddDays(-1)), Drug("Ends today", "kl. 12", end: day), Drug("As needed", "kl. 8", asNeeded: true), paused,
        ]);

        Assert.Equal(["Morning", "Ends today", "Evening"], doses.Select(d => d.DrugName));
    }

    [Fact]
    public void IsScheduled_KnowsTheMedicationsInstantsOnly()
    {
        var drug = Drug("Ramipril", "kl. 8");

        Assert.True(DaySchedule.IsScheduled(drug, new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero)));
        Assert.False(DaySchedule.IsScheduled(drug, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)));
    }
}
