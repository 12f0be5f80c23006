using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;

namespace CareWorkspace.UnitTests.Medicines.Reconciliation;

/// <summary>A discharge list may be corrected or withdrawn, with a reason kept, until the GP has finished reconciling it.</summary>
public sealed class DischargeListCorrectionTests
{
    private static readonly ChangeStamp Recorded = new("Mette Hansen (Lungemedicinsk afdeling)", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp Corrected = new("Mette Hansen (Lungemedicinsk afdeling)", new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp Colleague = new("Jonas Berg (Lungemedicinsk afdeling)", new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero));
    private static readonly ChangeStamp Gp = new("Peter Larsen (Lægerne Strandvejen)", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private static LocalPrescription Line(string name, string atc, string strength = "5 mg") =>
        new(name, atc, strength, "tabletter", "1 tablet dagligt", null, null, false, "Oral anvendelse", null, null, null, null);

    private static DischargeMedicationList List(params LocalPrescription[] drugs) =>
        DischargeMedicationList.Record(Guid.NewGuid(), "Nordkyst Hospital", new DateOnly(2026, 11, 20), drugs, Recorded);

    [Fact]
    public void ACorrection_ReplacesTheLinesTheGpCompares_AndKeepsTheEarlierLinesAndWhoWhenWhy()
    {
        var list = List(Line("Ramipril", "C09AA05"), Line("Furix", "C03CA01"));
        var version = list.Version;

        list.Correct(1, new DateOnly(2026, 11, 19), [Line("Ramipril", "C09AA05", "10 mg")], "Furix was stopped at the ward; ramipril is 10 mg", Corrected);

        Assert.Equal(2, list.Revision);
        Assert.Equal(new DateOnly(2026, 11, 19), list.DischargedOn);
        var drug = Assert.Single(list.Drugs());
        Assert.Equal(("Ramipril", "10 mg"), (drug.DrugName, drug.Strength));
        Assert.Equal(3, list.Lines.Count);
        Assert.Equal(["Ramipril", "Furix"], list.Lines.Where(l => l.Revision == 1).Select(l => l.DrugName));
        var change = Assert.Single(list.Changes);
        Assert.Equal((DischargeListChangeKind.Corrected, 2, Corrected.ByName, Corrected.At, "Furix was stopped at the ward; ramipril is 10 mg"),
            (change.Kind, change.Revision, change.ChangedBy, change.ChangedAt, change.Reason));
        Assert.Same(change, list.LastCorrection);
        Assert.NotEqual(version, list.Version);
    }

    [Fact]
    public void AWithdrawal_KeepsWhoWhenWhy_AndTheListCanNoLongerBeReconciledCorrectedOrWithdrawn()
    {
        var list = List(Line("Ramipril", "C09AA05"));
        var comparison = MedicationDiff.Compare(list.Drugs(), [], []);

        list.Withdraw(1, "Recorded for the wrong patient", Corrected);

        Assert.Equal((Corrected.ByName, (DateTimeOffset?)Corrected.At, "Recorded for the wrong patient"), (list.WithdrawnBy, list.WithdrawnAt, list.WithdrawalReason));
        Assert.Equal(DischargeListChangeKind.Withdrawn, Assert.Single(list.Changes).Kind);
        var finish = Assert.Throws<DomainException>(() => MedicationReconciliation.Finish(list, comparison, comparison.Basis,
            comparison.Rows.ToDictionary(r => r.Key, _ => new GpDecision(true, null)), Gp));
        Assert.StartsWith("Mette Hansen (Lungemedicinsk afdeling) withdrew this discharge list at", finish.Message, StringComparison.Ordinal);
        Assert.Contains("Recorded for the wrong patient", finish.Message, StringComparison.Ordinal);
        Assert.Null(list.ReconciledAt);
        var again = Assert.Throws<DomainException>(() => list.Correct(1, list.DischargedOn, [Line("Ramipril", "C09AA05")], "Oops", Colleague));
        Assert.Contains("can no longer be corrected or withdrawn", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void AWithdrawalOrACorrection_NeedsAReason(string? reason)
    {
        var list = List(Line("Ramipril", "C09AA05"));

        var withdraw = Assert.Throws<DomainException>(() => list.Withdraw(1, reason, Corrected));
        var correct = Assert.Throws<DomainException>(() => list.Correct(1, list.DischargedOn, [Line("Ramipril", "C09AA05", "10 mg")], reason, Corrected));

        Assert.Equal("Write why the discharge list is withdrawn, so the GP knows.", withdraw.Message);
        Assert.Equal("Write why the discharge list is corrected, so the GP knows what changed.", correct.Message);
        Assert.Null(list.WithdrawnAt);
        Assert.Equal(1, list.Revision);
        Assert.Empty(list.Changes);
    }

    [Fact]
    public void OnceTheGpHasFinished_TheListCanNeitherBeCorrectedNorWithdrawn()
    {
        var list = List(Line("Ramipril", "C09AA05"));
        var comparison = MedicationDiff.Compare(list.Drugs(), [], []);
        MedicationReconciliation.Finish(list, comparison, comparison.Basis, comparison.Rows.ToDictionary(r => r.Key, _ => new GpDecision(true, null)), Gp);

        var correct = Assert.Throws<DomainException>(() => list.Correct(1, list.DischargedOn, [Line("Ramipril", "C09AA05", "10 mg")], "Dose", Corrected));
        var withdraw = Assert.Throws<DomainException>(() => list.Withdraw(1, "Wrong patient", Corrected));

        Assert.StartsWith("This discharge list was reconciled by Peter Larsen (Lægerne Strandvejen) at", correct.Message, StringComparison.Ordinal);
        Assert.Contains("so it can no longer be corrected or withdrawn", correct.Message, StringComparison.Ordinal);
        Assert.Equal(correct.Message, withdraw.Message);
        Assert.Equal((1, (DateTimeOffset?)null), (list.Revision, list.WithdrawnAt));
        Assert.Empty(list.Changes);
    }

    [Fact]
    public void ACorrectionBySomeoneElseAfterTheFormOpened_IsNamed_AndNothingIsChanged()
    {
        var list = List(Line("Ramipril", "C09AA05"));
        list.Correct(1, list.DischargedOn, [Line("Ramipril", "C09AA05", "10 mg")], "Ramipril is 10 mg", Colleague);

        var refused = Assert.Throws<DomainException>(() => list.Withdraw(1, "Wrong patient", Corrected));

        Assert.StartsWith("Jonas Berg (Lungemedicinsk afdeling) corrected this discharge list at", refused.Message, StringComparison.Ordinal);
        Assert.Null(list.WithdrawnAt);
        list.Withdraw(2, "Wrong patient", Corrected);
        Assert.NotNull(list.WithdrawnAt);
    }

    [Fact]
    public void ACorrectedList_FollowsTheSameRulesAsARecordedOne()
    {
        var list = List(Line("Ramipril", "C09AA05"));

        var empty = Assert.Throws<DomainException>(() => list.Correct(1, list.DischargedOn, [], "Nothing", Corrected));
        var twice = Assert.Throws<DomainException>(() => list.Correct(1, list.DischargedOn, [Line("Ramipril", "C09AA05"), Line("Tritace", "C09AA05")], "Twice", Corrected));
        Assert.Throws<DomainException>(() => list.Correct(1, list.DischargedOn, [Line("Ramipril", "C09A")], "Class", Corrected));

        Assert.Equal("A discharge medication list needs at least one drug.", empty.Message);
        Assert.Equal("Tritace (C09AA05) is on the discharge list twice. Write each drug once, with its whole dose.", twice.Message);
        Assert.Equal((1, 1), (list.Revision, list.Lines.Count));
        Assert.Empty(list.Changes);
    }

    [Fact]
    public void AGpFinishingAgainstTheListBeforeItsCorrection_GetsTheStaleRefusal_NamingTheCorrection()
    {
        var list = List(Line("Ramipril", "C09AA05"));
        var seen = MedicationDiff.Compare(list.Drugs(), [], []);
        list.Correct(1, list.DischargedOn, [Line("Ramipril", "C09AA05", "10 mg")], "Ramipril is 10 mg", Corrected);
        var now = MedicationDiff.Compare(list.Drugs(), [], []);

        var refused = Assert.Throws<DomainException>(() => MedicationReconciliation.Finish(list, now, seen.Basis,
            seen.Rows.ToDictionary(r => r.Key, _ => new GpDecision(true, null)), Gp));

        Assert.StartsWith("The medication list or the discharge list changed after you opened the reconciliation, so nothing was changed.", refused.Message,
            StringComparison.Ordinal);
        Assert.Contains("last corrected by Mette Hansen (Lungemedicinsk afdeling)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Ramipril is 10 mg", refused.Message, StringComparison.Ordinal);
        Assert.Null(list.ReconciledAt);
    }
}
