using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;

namespace CareWorkspace.UnitTests.Medicines.Reconciliation;

public sealed class MedicationReconciliationTests
{
    private static readonly ChangeStamp Hospital = new("Anne Holm (Medicinsk afdeling)", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp Gp = new("Peter Larsen (Lægerne Strandvejen)", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private static LocalPrescription Line(string name, string atc, string strength = "5 mg", string dose = "1 tablet dagligt") =>
        new(name, atc, strength, "tabletter", dose, null, null, false, "Oral anvendelse", null, null, null, null);

    private static DischargeMedicationList List(params LocalPrescription[] drugs) =>
        DischargeMedicationList.Record(Guid.NewGuid(), "Sjællands Universitetshospital", new DateOnly(2026, 11, 20), drugs, Hospital);

    private static ReconciledDrug Current(string name, string atc, string strength = "5 mg") =>
        new(Guid.NewGuid(), name, atc, strength, "1 tablet dagligt", null, null, "v1");

    [Fact]
    public void ADrugTwiceOnTheDischargeList_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => List(Line("Ramipril", "C09AA05"), Line("Tritace", "c09aa05")));

        Assert.Equal("Tritace (C09AA05) is on the discharge list twice. Write each drug once, with its whole dose.", refused.Message);
    }

    [Theory]
    [InlineData("C09A")]
    [InlineData("X99")]
    public void ADischargeLine_NeedsASubstanceAtcCode(string atc) =>
        Assert.Throws<DomainException>(() => List(Line("Ramipril", atc)));

    [Fact]
    public void Finishing_KeepsEachDecisionWithWhoWhenAndWhatItDid_AndMarksTheListReconciled()
    {
        var list = List(Line("Acetylcystein", "R05CB01"), Line("Ramipril", "C09AA05", "10 mg"));
        var local = Current("Furosemid", "C03CA01");
        var national = Current("Ramipril", "C09AA05");
        var comparison = MedicationDiff.Compare(list.Drugs(), [local], [national]);
        var decisions = comparison.Rows.ToDictionary(r => r.Key, r => r.Kind == DifferenceKind.Stopped
            ? new GpDecision(false, "Keep it: the hospital missed it")
            : new GpDecision(true, null));

        var done = MedicationReconciliation.Finish(list, comparison, comparison.Basis, decisions, Gp);

        Assert.Equal(
            [
                (DifferenceKind.New, "Acetylcystein", true, ReconciliationOutcome.Applied, (string?)null),
                (DifferenceKind.DoseChanged, "Ramipril", true, ReconciliationOutcome.ChangeInNationalRecord, null),
                (DifferenceKind.Stopped, "Furosemid", false, ReconciliationOutcome.Kept, "Keep it: the hospital missed it"),
            ],
            done.Decisions.Select(d => (d.Kind, d.DrugName, d.Accepted, d.Outcome, d.Reason)));
        Assert.All(done.Decisions, d => Assert.Equal((Gp.ByName, Gp.At), (d.DecidedBy, d.DecidedAt)));
        Assert.Equal((Gp.ByName, (DateTimeOffset?)Gp.At), (list.ReconciledBy, list.ReconciledAt));
        Assert.Equal(list.Id, done.DischargeListId);
    }

    [Fact]
    public void UnchangedDrugsNeedNoDecision_ButEveryDifferenceDoes()
    {
        var list = List(Line("Ramipril", "C09AA05"), Line("Acetylcystein", "R05CB01"));
        var comparison = MedicationDiff.Compare(list.Drugs(), [Current("Ramipril", "C09AA05")], []);

        var refused = Assert.Throws<DomainException>(() =>
            MedicationReconciliation.Finish(list, comparison, comparison.Basis, new Dictionary<string, GpDecision>(), Gp));
        Assert.Equal("Accept or reject every difference before finishing (1 left).", refused.Message);
        Assert.Null(list.ReconciledAt);

        var done = MedicationReconciliation.Finish(list, comparison, comparison.Basis,
            new Dictionary<string, GpDecision> { [comparison.Rows[1].Key] = new(true, null) }, Gp);
        Assert.Single(done.Decisions);
    }

    [Fact]
    public void AStaleBasis_IsRefused_AndNothingIsMarked()
    {
        var list = List(Line("Acetylcystein", "R05CB01"));
        var seen = MedicationDiff.Compare(list.Drugs(), [], []);
        var now = MedicationDiff.Compare(list.Drugs(), [Current("Furosemid", "C03CA01")], []);
        var decisions = seen.Rows.ToDictionary(r => r.Key, _ => new GpDecision(true, null));

        var refused = Assert.Throws<DomainException>(() => MedicationReconciliation.Finish(list, now, seen.Basis, decisions, Gp));

        Assert.StartsWith("The medication list or the discharge list changed after you opened the reconciliation", refused.Message, StringComparison.Ordinal);
        Assert.Null(list.ReconciledAt);
    }

    [Fact]
    public void AListIsReconciledOnce()
    {
        var list = List(Line("Acetylcystein", "R05CB01"));
        var comparison = MedicationDiff.Compare(list.Drugs(), [], []);
        var decisions = comparison.Rows.ToDictionary(r => r.Key, _ => new GpDecision(true, null));
        MedicationReconciliation.Finish(list, comparison, comparison.Basis, decisions, Gp);

        var refused = Assert.Throws<DomainException>(() => MedicationReconciliation.Finish(list, comparison, comparison.Basis, decisions, Gp));

        Assert.StartsWith("This discharge list was already reconciled by Peter Larsen", refused.Message, StringComparison.Ordinal);
    }
}
