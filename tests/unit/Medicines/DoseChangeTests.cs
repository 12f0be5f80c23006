using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class DoseChangeTests
{
    private static readonly ChangeStamp Prescribed = new("Peter Larsen (Lægerne Strandvejen)", new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp Changed = new("Peter Larsen (Lægerne Strandvejen)", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Started = new(2026, 10, 1);
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static readonly MedicationAlert AboveMaximum = new(MedicationAlertKind.MaximumDose, AlertSeverity.Major, "paracetamol",
        MedicationChecks.AboveMaximumWhy, ["Paracetamol", "5000", "mg", "4", "g", "paracetamol"]);

    private static MedicationEntry Paracetamol() => MedicationEntry.Local(Guid.NewGuid(),
        new LocalPrescription("Paracetamol", "N02BE01", "500 mg", "tabletter", "2 tabletter 4 gange dagligt", 4000m, "mg", false, "Oral anvendelse",
            "smerter", Started, null, "Lægerne Strandvejen"), [], null, Prescribed);

    private static NewDose Lower(string? reason = "Liver values raised") => new("2 tabletter 3 gange dagligt", "500 mg", 3000m, "mg", Today, reason);

    [Fact]
    public void AChangedDose_IsCurrentAndKeptInTheHistory_OldToNew_WithWhoWhenAndWhy()
    {
        var entry = Paracetamol();
        var version = entry.Version;

        entry.ChangeDose(version, Lower(), [], null, Changed);

        Assert.Equal(("2 tabletter 3 gange dagligt", 3000m, "mg", Today), (entry.DoseText, entry.DailyDoseAmount, entry.DailyDoseUnit, entry.DoseFrom));
        Assert.NotEqual(version, entry.Version);
        var change = Assert.Single(entry.DoseChanges);
        Assert.Equal(("2 tabletter 4 gange dagligt", 4000m, "2 tabletter 3 gange dagligt", 3000m, "Liver values raised", Changed.ByName, Changed.At, Today),
            (change.OldDoseText, change.OldDailyDoseAmount, change.NewDoseText, change.NewDailyDoseAmount, change.Reason, change.ChangedBy, change.ChangedAt,
                change.From));
        Assert.Empty(entry.Overrides);
    }

    [Fact]
    public void AnAlertOnTheNewDose_NeedsAReasonToOverride_KeptWithTheEntry()
    {
        var entry = Paracetamol();
        var higher = new NewDose("2 tabletter 5 gange dagligt", "500 mg", 5000m, "mg", Today, "Severe pain");

        var refused = Assert.Throws<DomainException>(() => entry.ChangeDose(entry.Version, higher, [AboveMaximum], " ", Changed));
        Assert.StartsWith("The checks raised 1 alert(s) for the new dose.", refused.Message, StringComparison.Ordinal);
        Assert.Empty(entry.DoseChanges);

        entry.ChangeDose(entry.Version, higher, [AboveMaximum], "Three days only, then back to 4 g", Changed);

        var kept = Assert.Single(entry.Overrides);
        Assert.Equal(("paracetamol", MedicationAlertKind.MaximumDose, "Three days only, then back to 4 g"), (kept.RuleId, kept.Kind, kept.Reason));
        Assert.Equal(5000m, entry.DailyDoseAmount);
    }

    [Theory]
    [InlineData("tabletter", "'tabletter' is not a unit a dose can be given in")]
    [InlineData("xyz/day", "is not a unit a dose can be given in")]
    public void ADoseInAnImpossibleUnit_IsRefusedWithTheReason(string unit, string reason)
    {
        var entry = Paracetamol();

        var ex = Assert.Throws<DomainException>(() => entry.ChangeDose(entry.Version, Lower() with { DailyDoseUnit = unit }, [], null, Changed));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(4000m, entry.DailyDoseAmount);
    }

    [Fact]
    public void AChange_NeedsTheNewDose_AReason_AndADifferentDose()
    {
        var entry = Paracetamol();

        Assert.Contains("New dose", Assert.Throws<DomainException>(() => entry.ChangeDose(entry.Version, Lower() with { DoseText = " " }, [], null, Changed)).Message,
            StringComparison.Ordinal);
        Assert.Contains("Reason for the dose change",
            Assert.Throws<DomainException>(() => entry.ChangeDose(entry.Version, Lower(reason: null), [], null, Changed)).Message, StringComparison.Ordinal);
        var same = new NewDose("2 tabletter 4 gange dagligt", "500 mg", 4000m, "mg", Today, "No change");
        Assert.StartsWith("The new dose is the same", Assert.Throws<DomainException>(() => entry.ChangeDose(entry.Version, same, [], null, Changed)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheNewDose_CannotStartBeforeTheMedication_OrBeforeTheLastChange()
    {
        var entry = Paracetamol();

        Assert.Throws<DomainException>(() => entry.ChangeDose(entry.Version, Lower() with { From = Started.AddDays(-1) }, [], null, Changed));
        entry.ChangeDose(entry.Version, Lower(), [], null, Changed);
        var ex = Assert.Throws<DomainException>(() =>
            entry.ChangeDose(entry.Version, new NewDose("1 tablet 4 gange dagligt", "500 mg", 2000m, "mg", Today.AddDays(-1), "Less"), [], null, Changed));
        Assert.Contains("before the last dose change", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStaleChange_IsRefused_WithTheDoseNowStored()
    {
        var entry = Paracetamol();
        var seen = entry.Version;
        entry.ChangeDose(seen, Lower(), [], null, Changed);

        var stale = Assert.Throws<StaleEditException>(() =>
            entry.ChangeDose(seen, new NewDose("1 tablet 4 gange dagligt", "500 mg", 2000m, "mg", Today, "Less"), [], null, Changed));

        Assert.Equal("2 tabletter 3 gange dagligt", stale.CurrentValues["Dose"]);
        Assert.Single(entry.DoseChanges);
    }

    [Fact]
    public void AStoppedMedication_OrAnImportedOne_HasNoDoseChange()
    {
        var stopped = Paracetamol();
        stopped.Stop(stopped.Version, Today, Changed);
        Assert.Throws<DomainException>(() => stopped.ChangeDose(stopped.Version, Lower(), [], null, Changed));

        var imported = MedicationEntry.Imported(Guid.NewGuid(), new MedicationDetails("Spiriva", null, null, "R03BB04", "2 pust", false, null, null, null, null,
            MedicationStatus.Active, null, null), "MedicationStatement/1", "1", null, Changed.At);
        var ex = Assert.Throws<DomainException>(() => imported.ChangeDose(imported.Version, Lower(), [], null, Changed));
        Assert.Contains("Shared Medication Record", ex.Message, StringComparison.Ordinal);
    }
}
