using CareWorkspace.Domain.Medicines.Reconciliation;

namespace CareWorkspace.UnitTests.Medicines.Reconciliation;

public sealed class MedicationDiffTests
{
    private static ReconciledDrug Drug(string name, string? atc, string? strength = "5 mg", string? dose = "1 tablet om morgenen",
        decimal? daily = null, string? unit = null, string version = "1") =>
        new(Guid.NewGuid(), name, atc, strength, dose, daily, unit, version);

    [Fact]
    public void ADrugOnlyOnTheDischargeList_IsNew()
    {
        var line = Drug("Acetylcystein", "R05CB01");

        var row = Assert.Single(MedicationDiff.Compare([line], [], []).Rows);

        Assert.Equal((DifferenceKind.New, line, (ReconciledDrug?)null, (ReconciledDrug?)null), (row.Kind, row.Discharge, row.Local, row.National));
        Assert.True(row.NeedsDecision);
    }

    [Fact]
    public void ADrugOnlyOnTheCurrentList_WasStopped_WhetherLocalOrNational()
    {
        var local = Drug("Furosemid", "C03CA01");
        var national = Drug("Alendronat", "M05BA04");

        var rows = MedicationDiff.Compare([], [local], [national]).Rows;

        Assert.Equal([("Alendronat", DifferenceKind.Stopped), ("Furosemid", DifferenceKind.Stopped)], rows.Select(r => (r.DrugName, r.Kind)));
        Assert.Same(national, rows[0].National);
        Assert.Same(local, rows[1].Local);
    }

    [Fact]
    public void ALocalAndANationalEntryOfTheSameStoppedDrug_ShareOneRow()
    {
        var rows = MedicationDiff.Compare([], [Drug("Ramipril", "C09AA05")], [Drug("Ramipril \"Actavis\"", "C09AA05")]).Rows;

        var row = Assert.Single(rows);
        Assert.Equal(DifferenceKind.Stopped, row.Kind);
        Assert.NotNull(row.Local);
        Assert.NotNull(row.National);
    }

    [Fact]
    public void TheSameDrugAndDose_IsUnchanged_WhateverTheSpacingAndCase()
    {
        var line = Drug("Ramipril", "C09AA05", "5mg", "1 Tablet  om morgenen");
        var national = Drug("Ramipril \"Actavis\"", "c09aa05", "5 mg", "1 tablet om morgenen");

        var row = Assert.Single(MedicationDiff.Compare([line], [], [national]).Rows);

        Assert.Equal(DifferenceKind.Unchanged, row.Kind);
        Assert.False(row.NeedsDecision);
        Assert.Same(national, row.National);
    }

    [Theory]
    [InlineData("10 mg", "1 tablet om morgenen")]
    [InlineData("5 mg", "2 tabletter om morgenen")]
    public void AnotherStrengthOrDoseText_IsADoseChange(string strength, string dose)
    {
        var row = Assert.Single(MedicationDiff.Compare([Drug("Ramipril", "C09AA05", strength, dose)], [Drug("Ramipril", "C09AA05")], []).Rows);

        Assert.Equal(DifferenceKind.DoseChanged, row.Kind);
    }

    [Fact]
    public void StructuredDailyDoses_DecideTheDoseWhenBothHaveOne()
    {
        var same = MedicationDiff.Compare([Drug("Paracetamol", "N02BE01", "500 mg", "2 tabletter 3 gange dagligt", 3000m, "mg")],
            [Drug("Paracetamol", "N02BE01", "500 mg", "2 tabl. x 3", 3000m, "MG")], []).Rows;
        var changed = MedicationDiff.Compare([Drug("Paracetamol", "N02BE01", "500 mg", "2 tabletter 3 gange dagligt", 3000m, "mg")],
            [Drug("Paracetamol", "N02BE01", "500 mg", "2 tabletter 3 gange dagligt", 4000m, "mg")], []).Rows;

        Assert.Equal(DifferenceKind.Unchanged, Assert.Single(same).Kind);
        Assert.Equal(DifferenceKind.DoseChanged, Assert.Single(changed).Kind);
    }

    [Fact]
    public void TheLocalEntryDecidesTheDose_WhenTheDrugIsOnBothCurrentLists()
    {
        var row = Assert.Single(MedicationDiff.Compare([Drug("Ramipril", "C09AA05", "10 mg")], [Drug("Ramipril", "C09AA05", "10 mg")],
            [Drug("Ramipril", "C09AA05", "5 mg")]).Rows);

        Assert.Equal(DifferenceKind.Unchanged, row.Kind);
        Assert.NotNull(row.National);
    }

    [Fact]
    public void LinesAreMatchedByAtcCodeFirst_ThenByName()
    {
        var byAtc = Drug("Spiriva Respimat", "R03BB04");
        var byName = Drug("Magnyl", null);
        var rows = MedicationDiff.Compare([Drug("Tiotropium", "R03BB04"), Drug("magnyl ", "B01AC06")], [byName], [byAtc]).Rows;

        Assert.Equal(2, rows.Count);
        Assert.Same(byAtc, rows[0].National);
        Assert.Same(byName, rows[1].Local);
        Assert.All(rows, r => Assert.Equal(DifferenceKind.Unchanged, r.Kind));
    }

    [Fact]
    public void AnAtcMatchIsNotTakenByAnotherLinesNameMatch()
    {
        var entry = Drug("Ramipril", "C09AA05");
        var rows = MedicationDiff.Compare([Drug("Ramipril", null), Drug("Tritace", "C09AA05")], [entry], []).Rows;

        Assert.Equal([DifferenceKind.New, DifferenceKind.Unchanged], rows.Select(r => r.Kind));
        Assert.Same(entry, rows[1].Local);
    }

    [Fact]
    public void ADrugTwiceOnTheCurrentList_IsMatchedOnce_AndTheOtherEntryShowsAsStopped()
    {
        var first = Drug("Paracetamol", "N02BE01");
        var second = Drug("Pinex", "N02BE01");

        var rows = MedicationDiff.Compare([Drug("Paracetamol", "N02BE01")], [first, second], []).Rows;

        Assert.Equal([DifferenceKind.Unchanged, DifferenceKind.Stopped], rows.Select(r => r.Kind));
        Assert.Same(first, rows[0].Local);
        Assert.Same(second, rows[1].Local);
    }

    [Fact]
    public void RowKeys_NameTheDischargeLineElseTheEntry()
    {
        var line = Drug("Acetylcystein", "R05CB01");
        var local = Drug("Furosemid", "C03CA01");
        var national = Drug("Alendronat", "M05BA04");

        var rows = MedicationDiff.Compare([line], [local], [national]).Rows;

        Assert.Equal([$"d:{line.Id:N}", $"n:{national.Id:N}", $"l:{local.Id:N}"], rows.Select(r => r.Key));
    }

    [Fact]
    public void TheBasis_ChangesWhenAnyEntryChanges_AndOnlyThen()
    {
        var line = Drug("Acetylcystein", "R05CB01");
        var local = Drug("Furosemid", "C03CA01");

        var before = MedicationDiff.Compare([line], [local], []).Basis;
        var again = MedicationDiff.Compare([line], [local], []).Basis;
        var changed = MedicationDiff.Compare([line], [local with { VersionTag = "2" }], []).Basis;
        var added = MedicationDiff.Compare([line], [local, Drug("Ramipril", "C09AA05")], []).Basis;

        Assert.Equal(before, again);
        Assert.NotEqual(before, changed);
        Assert.NotEqual(before, added);
    }
}
