using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class LocalPrescriptionTests
{
    private static readonly ChangeStamp Gp = new("Peter Larsen (Lægerne Strandvejen)", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private static readonly MedicationAlert Bleeding = new(MedicationAlertKind.Interaction, AlertSeverity.Major, "warfarin-nsaid",
        MedicationChecks.InteractionWhy, ["Ibuprofen", "M01AE01", "Marevan", "B01AA03", "warfarin-nsaid", "B01AA03", "M01A"]);

    private static LocalPrescription Ibuprofen(decimal? amount = 1200m, string? unit = "mg") =>
        new("Ibuprofen", "m01ae01", "400 mg", "tabletter", "1 tablet 3 gange dagligt", amount, unit, false, "Oral anvendelse", "smerter",
            new DateOnly(2026, 11, 30), null, "Lægerne Strandvejen")
        { Prescriber = "Peter Larsen" };

    [Fact]
    public void AnOverride_NeedsAReason_AndIsKeptPerAlertWithWhoAndWhen()
    {
        var refused = Assert.Throws<DomainException>(() => MedicationEntry.Local(Guid.NewGuid(), Ibuprofen(), [Bleeding], "   ", Gp));
        Assert.StartsWith("The checks raised 1 alert(s).", refused.Message, StringComparison.Ordinal);

        var entry = MedicationEntry.Local(Guid.NewGuid(), Ibuprofen(), [Bleeding], "Short course; INR on Friday", Gp);

        var kept = Assert.Single(entry.Overrides);
        Assert.Equal((MedicationAlertKind.Interaction, AlertSeverity.Major, "warfarin-nsaid", "Short course; INR on Friday", Gp.ByName, Gp.At),
            (kept.Kind, kept.Severity, kept.RuleId, kept.Reason, kept.OverriddenBy, kept.OverriddenAt));
        Assert.Equal((MedicationSource.Local, MedicationStatus.Active, "M01AE01", 1200m, "mg", "Peter Larsen"),
            (entry.Source, entry.Status, entry.AtcCode, entry.DailyDoseAmount, entry.DailyDoseUnit, entry.Prescriber));
    }

    [Fact]
    public void WithoutAlerts_NoReasonIsNeeded()
    {
        var entry = MedicationEntry.Local(Guid.NewGuid(), Ibuprofen(), [], null, Gp);

        Assert.Empty(entry.Overrides);
    }

    [Theory]
    [InlineData("X01AE01", 1200, "mg", "is not a known ATC code")]
    [InlineData("M01A", 1200, "mg", "is an ATC class")]
    [InlineData("M01AE01", 1200, "tablets", "'tablets' is not a unit a dose can be given in")]
    [InlineData("M01AE01", 1200, "mm[Hg]", "'mm[Hg]' is not a unit a dose can be given in")]
    [InlineData("M01AE01", 1200, "Cel", "'Cel' is not a unit a dose can be given in")]
    [InlineData("M01AE01", 1200, null, "A daily dose needs its unit")]
    [InlineData("M01AE01", 0, "mg", "must be above zero")]
    public void ABadCodeOrDose_IsRefusedWithTheReason(string atc, int amount, string? unit, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => MedicationEntry.Local(Guid.NewGuid(), Ibuprofen(amount, unit) with { AtcCode = atc }, [], null, Gp));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mg")]
    [InlineData("ug")]
    [InlineData("mL")]
    [InlineData("mmol")]
    [InlineData("[iU]")]
    [InlineData("{tablet}")]
    [InlineData("1")]
    public void ADoseInAMeasureOrACount_IsAccepted(string unit)
    {
        var entry = MedicationEntry.Local(Guid.NewGuid(), Ibuprofen(2, unit), [], null, Gp);

        Assert.Equal(unit, entry.DailyDoseUnit);
    }

    [Fact]
    public void PauseResumeAndStop_NameTheVersionSeen_AndAStaleOneIsRefused()
    {
        var entry = MedicationEntry.Local(Guid.NewGuid(), Ibuprofen(), [], null, Gp);
        var seen = entry.Version;

        entry.Pause(seen, Gp);
        Assert.Equal(MedicationStatus.Paused, entry.Status);
        Assert.Throws<StaleEditException>(() => entry.Stop(seen, new DateOnly(2026, 12, 3), Gp));
        Assert.Throws<DomainException>(() => entry.Pause(entry.Version, Gp));

        entry.Resume(entry.Version, Gp);
        entry.Stop(entry.Version, new DateOnly(2026, 12, 3), Gp);

        Assert.Equal((MedicationStatus.Stopped, (DateOnly?)new DateOnly(2026, 12, 3)), (entry.Status, entry.End));
        Assert.Throws<DomainException>(() => entry.Stop(entry.Version, new DateOnly(2026, 12, 4), Gp));
    }

    [Fact]
    public void AnImportedEntry_IsNotPausedHere()
    {
        var imported = MedicationEntry.Imported(Guid.NewGuid(), new MedicationDetails("Spiriva", null, null, "R03BB04", null, false, null, null, null, null,
            MedicationStatus.Active, null, null), "MedicationStatement/t", "1", null, Gp.At);

        var ex = Assert.Throws<DomainException>(() => imported.Pause(imported.Version, Gp));

        Assert.Contains("Shared Medication Record", ex.Message, StringComparison.Ordinal);
    }
}
