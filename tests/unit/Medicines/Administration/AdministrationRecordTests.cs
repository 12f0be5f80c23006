using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Administration;

namespace CareWorkspace.UnitTests.Medicines.Administration;

public sealed class AdministrationRecordTests
{
    private static readonly DateTimeOffset Eight = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly ScheduledDose Dose = new(Guid.NewGuid(), "Ramipril", "5 mg", "kl. 8", "Oral", Eight, new TimeOnly(8, 0));
    private static ChangeStamp At(DateTimeOffset now) => new("Karin Berg", now);

    [Fact]
    public void AGivenDose_KeepsWhoWhenAndInitials()
    {
        var record = AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Given, Eight.AddMinutes(5), " kb ", null, null, At(Eight.AddMinutes(6)));

        Assert.Equal((Dose.MedicationEntryId, Eight, AdministrationOutcome.Given, Eight.AddMinutes(5), "KB", "Karin Berg"),
            (record.MedicationEntryId, record.ScheduledAt, record.Outcome, record.OccurredAt, record.Initials, record.RecordedBy));
    }

    [Fact]
    public void NotGiven_NeedsAReason()
    {
        var refused = Assert.Throws<DomainException>(() =>
            AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.NotGiven, Eight, "KB", "  ", null, At(Eight)));
        Assert.Equal("Write why the dose was not given.", refused.Message);

        var record = AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.NotGiven, Eight, "KB", "Asleep, try at 9", null, At(Eight));
        Assert.Equal("Asleep, try at 9", record.Reason);
    }

    [Fact]
    public void ARefusal_NeedsNoReason()
    {
        Assert.Equal(AdministrationOutcome.Refused,
            AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Refused, Eight, "KB", null, null, At(Eight)).Outcome);
    }

    [Fact]
    public void ATimeInTheFuture_IsRefused_ButTheClockToleranceIsAllowed()
    {
        var now = Eight;
        var refused = Assert.Throws<DomainException>(() =>
            AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Given, now + AdministrationRecord.ClockTolerance + TimeSpan.FromSeconds(1), "KB", null, null, At(now)));
        Assert.Contains("is in the future", refused.Message, StringComparison.Ordinal);

        AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Given, now + AdministrationRecord.ClockTolerance, "KB", null, null, At(now));
    }

    [Fact]
    public void ATimeLongBeforeTheDose_IsRefused()
    {
        var early = Eight - AdministrationRecord.EarliestBefore - TimeSpan.FromMinutes(1);
        Assert.Throws<DomainException>(() => AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Given, early, "KB", null, null, At(Eight)));
        AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Given, Eight - AdministrationRecord.EarliestBefore, "KB", null, null, At(Eight));
    }

    [Theory]
    [InlineData("")]
    [InlineData("K.B")]
    [InlineData("ABCDEF")]
    public void InitialsAreOneToFiveLetters(string initials)
    {
        Assert.Throws<DomainException>(() => AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Given, Eight, initials, null, null, At(Eight)));
    }

    [Fact]
    public void ADoseRecordedTwice_IsRefused_NamingTheFirstRecord()
    {
        var first = AdministrationRecord.Record(Guid.NewGuid(), Dose, AdministrationOutcome.Given, Eight, "KB", null, null, At(Eight));

        AdministrationRecord.RefuseIfRecorded(null);
        var refused = Assert.Throws<DomainException>(() => AdministrationRecord.RefuseIfRecorded(first));
        Assert.Equal("This dose was already recorded (Given) by Karin Berg at 08:00. Nothing was changed.", refused.Message);
    }
}
