using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class MedicationChecksTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private static readonly MedicationChecks Checks = new(new MedicationRules(
        [
            Interaction("warfarin-nsaid", "B01AA03", "M01A", AlertSeverity.Major),
            Interaction("acei-potassium-sparing", "C09A", "C03D", AlertSeverity.Major),
            Interaction("ssri-tramadol", "N06AB", "N02AX02", AlertSeverity.Major),
        ],
        [
            new MaximumDoseRule("paracetamol", "N02BE01", 4m, UcumUnit.Parse("g"), new LocalisedText("At most 4 g.", "Højst 4 g."), "SmPC"),
            new MaximumDoseRule("ibuprofen", "M01AE01", 2400m, UcumUnit.Parse("mg"), new LocalisedText("At most 2400 mg.", "Højst 2400 mg."), "SmPC"),
        ]));

    private static readonly CheckedDrug Warfarin = new("Marevan", "B01AA03", EntryId: Guid.NewGuid());
    private static readonly CheckedDrug Ibuprofen = new("Ibuprofen", "M01AE01", 1200m, "mg");

    [Fact]
    public void ASubstanceAndADrugOfTheRulesClass_Interact_WithTheRuleExplained()
    {
        var alert = Assert.Single(Checks.Check(Ibuprofen, [Warfarin], English));

        Assert.Equal((MedicationAlertKind.Interaction, AlertSeverity.Major, "warfarin-nsaid"), (alert.Kind, alert.Severity, alert.RuleId));
        Assert.Equal(MedicationChecks.InteractionWhy, alert.Why);
        Assert.Equal(["Ibuprofen", "M01AE01", "Marevan", "B01AA03", "warfarin-nsaid", "B01AA03", "M01A"], alert.Arguments);
        Assert.Equal("Ibuprofen (M01AE01) and Marevan (B01AA03) interact: rule warfarin-nsaid covers B01AA03 together with M01A.",
            DomainException.English(alert.Why, alert.Arguments));
        Assert.Equal(("Avoid warfarin-nsaid.", "Stockley"), (alert.Advice, alert.Literature));
    }

    [Fact]
    public void ThePairMatches_InEitherOrder()
    {
        var warfarinNew = Warfarin with { EntryId = null };

        Assert.Single(Checks.Check(warfarinNew, [Ibuprofen with { EntryId = Guid.NewGuid() }], English), a => a.RuleId == "warfarin-nsaid");
        Assert.Single(Checks.Check(Ibuprofen, [Warfarin], English), a => a.RuleId == "warfarin-nsaid");
    }

    [Fact]
    public void TwoClasses_MatchAnySubstanceInThem()
    {
        var ramipril = new CheckedDrug("Ramipril", "C09AA05");
        var spironolactone = new CheckedDrug("Spironolakton", "C03DA01");

        var alert = Assert.Single(Checks.Check(spironolactone, [ramipril], English));

        Assert.Equal("acei-potassium-sparing", alert.RuleId);
        Assert.Empty(Checks.Check(spironolactone, [new CheckedDrug("Losartan", "C09CA01")], English));
    }

    [Fact]
    public void TheAdvice_IsInTheReadersLanguage()
    {
        var alert = Assert.Single(Checks.Check(Ibuprofen, [Warfarin], Danish));

        Assert.Equal("Undgå warfarin-nsaid.", alert.Advice);
    }

    [Fact]
    public void ADrug_DoesNotInteractWithItsOwnEntry()
    {
        var sertraline = new CheckedDrug("Sertralin", "N06AB06", EntryId: Guid.NewGuid());

        Assert.Empty(Checks.Check(sertraline, [sertraline], English));
        Assert.Empty(Checks.CheckList([sertraline], English));
    }

    [Fact]
    public void TheSameSubstanceTwice_IsAMajorDuplicate()
    {
        var panodil = new CheckedDrug("Panodil", "N02BE01", EntryId: Guid.NewGuid());
        var pamol = new CheckedDrug("Pamol", "N02BE01");

        var alert = Assert.Single(Checks.Check(pamol, [panodil], English));

        Assert.Equal((MedicationAlertKind.DuplicateTherapy, AlertSeverity.Major, MedicationChecks.DuplicateSubstanceRule), (alert.Kind, alert.Severity, alert.RuleId));
        Assert.Equal("Pamol and Panodil are the same substance (ATC N02BE01): check that both are intended, or stop one.",
            DomainException.English(alert.Why, alert.Arguments));
    }

    [Fact]
    public void TheSameChemicalSubgroup_IsAModerateDuplicate_ButADifferentSubgroupIsNot()
    {
        var naproxen = new CheckedDrug("Naproxen", "M01AE02");

        var alert = Assert.Single(Checks.Check(Ibuprofen, [naproxen], English));

        Assert.Equal((MedicationAlertKind.DuplicateTherapy, AlertSeverity.Moderate, MedicationChecks.DuplicateSubgroupRule), (alert.Kind, alert.Severity, alert.RuleId));
        Assert.Equal("M01AE", alert.Arguments[4]);
        Assert.Empty(Checks.Check(Ibuprofen, [new CheckedDrug("Diclofenac", "M01AB05")], English));
    }

    [Fact]
    public void ADailyDoseAboveTheMaximum_IsComparedInTheRulesUnit()
    {
        Assert.Empty(Checks.Check(new CheckedDrug("Panodil", "N02BE01", 4000m, "mg"), [], English));

        var alert = Assert.Single(Checks.Check(new CheckedDrug("Panodil", "N02BE01", 6000m, "mg"), [], English));

        Assert.Equal((MedicationAlertKind.MaximumDose, AlertSeverity.Major, "paracetamol"), (alert.Kind, alert.Severity, alert.RuleId));
        Assert.Equal("The daily dose of Panodil, 6000 mg, is above the maximum of 4 g (rule paracetamol).", DomainException.English(alert.Why, alert.Arguments));
        Assert.Equal(("At most 4 g.", "SmPC"), (alert.Advice, alert.Literature));
        Assert.Single(Checks.Check(new CheckedDrug("Ibuprofen", "M01AE01", 3.2m, "g"), [], English), a => a.RuleId == "ibuprofen");
    }

    [Fact]
    public void ADoseInAUnitOfAnotherKind_IsReportedAsNotComparable()
    {
        var alert = Assert.Single(Checks.Check(new CheckedDrug("Panodil", "N02BE01", 20m, "mL"), [], English));

        Assert.Equal((MedicationAlertKind.MaximumDose, MedicationChecks.NotComparableWhy), (alert.Kind, alert.Why));
        Assert.Contains("cannot be compared with the maximum of 4 g", DomainException.English(alert.Why, alert.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public void ADoseInAnImpossibleUnit_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Checks.Check(new CheckedDrug("Panodil", "N02BE01", 2m, "tablets"), [], English));

        Assert.Contains("'tablets' is not a unit a dose can be given in", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X01AA01")]
    [InlineData("M1AE01")]
    [InlineData("m01ae0x")]
    [InlineData("")]
    public void AnUnknownAtcCode_IsRefused(string code)
    {
        Assert.Throws<DomainException>(() => Checks.Check(new CheckedDrug("Something", code), [Warfarin], English));
    }

    [Fact]
    public void AClassInsteadOfASubstance_IsRefusedForPrescribing()
    {
        var ex = Assert.Throws<DomainException>(() => Checks.Check(new CheckedDrug("An NSAID", "M01A"), [Warfarin], English));

        Assert.Contains("'M01A' is an ATC class", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheList_ReportsEachPairOnce_NextToBothEntries_AndSkipsDrugsWithoutACode()
    {
        var tramadol = new CheckedDrug("Tramadol", "N02AX02", EntryId: Guid.NewGuid());
        var sertraline = new CheckedDrug("Sertralin", "N06AB06", EntryId: Guid.NewGuid());
        var overdosed = new CheckedDrug("Ibuprofen", "M01AE01", 3000m, "mg", Guid.NewGuid());
        var freeText = new CheckedDrug("Hostesaft", null, EntryId: Guid.NewGuid());

        var alerts = Checks.CheckList([tramadol, sertraline, overdosed, Warfarin, freeText], English);

        var serotonin = Assert.Single(alerts, a => a.Alert.RuleId == "ssri-tramadol");
        Assert.Equal([tramadol.EntryId!.Value, sertraline.EntryId!.Value], serotonin.EntryIds);
        Assert.Equal([overdosed.EntryId!.Value, Warfarin.EntryId!.Value], Assert.Single(alerts, a => a.Alert.RuleId == "warfarin-nsaid").EntryIds);
        Assert.Equal([overdosed.EntryId!.Value], Assert.Single(alerts, a => a.Alert.RuleId == "ibuprofen").EntryIds);
        Assert.Equal(3, alerts.Count);
    }

    private static InteractionRule Interaction(string id, string first, string second, AlertSeverity severity) =>
        new(id, first, second, severity, new LocalisedText($"Avoid {id}.", $"Undgå {id}."), "Stockley");
}
