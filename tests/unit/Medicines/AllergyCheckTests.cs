using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class AllergyCheckTests
{
    private static readonly ChangeStamp ByGp = new("Peter Larsen", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private static AllergyEntry Entry(string? substance, string? atc, AllergyCertainty certainty = AllergyCertainty.Confirmed,
        AllergySeverity severity = AllergySeverity.Severe, string? reaction = "Urticaria") =>
        AllergyEntry.Record(Guid.NewGuid(), new(substance, atc, reaction, severity, certainty), ByGp);

    private static readonly CheckedDrug Amoxicillin = new("Amoxicillin \"Sandoz\" 500 mg", "J01CA04");

    [Fact]
    public void APenicillinClass_MatchesAmoxicillin_ByItsAtcCode()
    {
        var penicillins = Entry("Penicillins", "J01C");

        var alert = Assert.Single(AllergyCheck.Check(Amoxicillin, [penicillins]));

        Assert.Equal((MedicationAlertKind.Allergy, AlertSeverity.Major), (alert.Kind, alert.Severity));
        Assert.Equal("allergy:" + penicillins.Id.ToString("D"), alert.RuleId);
        Assert.Equal(AllergyCheck.ClassWhy, alert.Why);
        Assert.Equal([Amoxicillin.DrugName, "J01CA04", "Penicillins (J01C)", "confirmed", "severe", "Urticaria"], alert.Arguments);
    }

    [Theory]
    [InlineData("J01", true)]
    [InlineData("J01C", true)]
    [InlineData("J01CA", true)]
    [InlineData("J01CA04", true)]
    [InlineData("J01CA01", false)]
    [InlineData("J01D", false)]
    [InlineData("J01DB", false)]
    [InlineData("N02", false)]
    public void AClassEntry_MatchesOnlyDrugsInsideItsClass(string registered, bool alerts) =>
        Assert.Equal(alerts, AllergyCheck.Check(Amoxicillin, [Entry(null, registered)]).Count == 1);

    [Fact]
    public void ACephalosporin_IsNotMatchedByAPenicillinEntry()
    {
        var cefalexin = new CheckedDrug("Keflex", "J01DB01");

        Assert.Empty(AllergyCheck.Check(cefalexin, [Entry("Penicillins", "J01C")]));
    }

    [Fact]
    public void ASubstance_MatchesTheDrugsName_WhateverTheCaseAndStrength()
    {
        var entry = Entry("amoxicillin", null, reaction: null);

        var alert = Assert.Single(AllergyCheck.Check(new CheckedDrug("AMOXICILLIN 750 mg", null), [entry]));

        Assert.Equal(AllergyCheck.SubstanceWhy, alert.Why);
        Assert.Equal(["AMOXICILLIN 750 mg", "amoxicillin", "confirmed", "severe", "not recorded"], alert.Arguments);
    }

    [Fact]
    public void ASubstanceWithAccentsAndSeveralWords_MatchesAsWholeWords()
    {
        Assert.Single(AllergyCheck.Check(new CheckedDrug("Acetylsalicylsyre Café 75 mg", null), [Entry("Acetylsalicylsyre cafe", null)]));
        Assert.Empty(AllergyCheck.Check(new CheckedDrug("Phenoxymethylpenicillin", null), [Entry("penicillin", null)]));
        Assert.Empty(AllergyCheck.Check(new CheckedDrug("Ibuprofen", "M01AE01"), [Entry("Latex", null)]));
    }

    [Fact]
    public void ASuspectedAllergy_StillAlerts_SayingItIsSuspected()
    {
        var alert = Assert.Single(AllergyCheck.Check(Amoxicillin, [Entry("Penicillins", "J01C", AllergyCertainty.Suspected)]));

        Assert.Contains("suspected", alert.Arguments);
    }

    [Theory]
    [InlineData(AllergySeverity.Mild, AlertSeverity.Minor)]
    [InlineData(AllergySeverity.Moderate, AlertSeverity.Moderate)]
    [InlineData(AllergySeverity.Severe, AlertSeverity.Major)]
    [InlineData(AllergySeverity.LifeThreatening, AlertSeverity.Major)]
    public void TheAlertsSeverity_FollowsTheReactionsSeverity(AllergySeverity severity, AlertSeverity alert) =>
        Assert.Equal(alert, Assert.Single(AllergyCheck.Check(Amoxicillin, [Entry(null, "J01C", severity: severity)])).Severity);

    [Fact]
    public void ResolvedAndEnteredInErrorEntries_DoNotAlert()
    {
        var resolved = Entry("Penicillins", "J01C");
        resolved.ChangeStatus(resolved.Version, AllergyStatus.Resolved, null, ByGp);
        var mistaken = Entry("Amoxicillin", null);
        mistaken.ChangeStatus(mistaken.Version, AllergyStatus.EnteredInError, "Wrong patient", ByGp);

        Assert.Empty(AllergyCheck.Check(Amoxicillin, [resolved, mistaken]));
    }

    [Fact]
    public void EachMatchingEntry_GivesOneAlert_EvenWhenBothSubstanceAndClassMatch()
    {
        var both = Entry("Amoxicillin", "J01CA");
        var other = Entry(null, "J01");

        var alerts = AllergyCheck.Check(Amoxicillin, [both, other]);

        Assert.Equal(2, alerts.Count);
        Assert.Equal(AllergyCheck.SubstanceWhy, alerts[0].Why);
        Assert.Equal(AllergyCheck.ClassWhy, alerts[1].Why);
    }

    [Fact]
    public void ADrugWithoutAnAtcCode_IsCheckedByNameOnly()
    {
        Assert.Empty(AllergyCheck.Check(new CheckedDrug("Imadrax", null), [Entry("Penicillins", "J01C")]));
    }
}
