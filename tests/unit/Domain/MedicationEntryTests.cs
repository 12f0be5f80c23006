using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;

namespace CareWorkspace.UnitTests.Domain;

public sealed class MedicationEntryTests
{
    private static readonly DateTimeOffset Fetched = new(2026, 11, 29, 9, 42, 0, TimeSpan.Zero);

    private static MedicationDetails Details(MedicationStatus status = MedicationStatus.Active) => new("Spiriva Respimat", "2,5 mikrogram/dosis",
        "inhalationsvæske", "R03BB04", "2 pust 1 gang dagligt", false, "Inhalation", "mod KOL", new DateOnly(2025, 10, 25), null, status, "Peter Larsen", null);

    [Fact]
    public void An_imported_entry_keeps_its_source_and_provenance()
    {
        var entry = MedicationEntry.Imported(Guid.NewGuid(), Details(), "MedicationStatement/t", "1", Fetched.AddDays(-1), Fetched);

        Assert.Equal((MedicationSource.NationalRecord, "MedicationStatement/t", "1", Fetched), (entry.Source, entry.SourceId, entry.SourceVersion, entry.FetchedAt));
    }

    [Fact]
    public void A_newer_version_updates_the_entry_and_an_older_or_the_same_one_changes_nothing()
    {
        var entry = MedicationEntry.Imported(Guid.NewGuid(), Details(), "MedicationStatement/t", "2", Fetched.AddDays(-1), Fetched);

        Assert.False(entry.UpdateFromRecord(Details(MedicationStatus.Stopped), "1", Fetched.AddDays(-2), Fetched.AddHours(1)));
        Assert.Equal((MedicationStatus.Active, "2"), (entry.Status, entry.SourceVersion));

        Assert.True(entry.UpdateFromRecord(Details(MedicationStatus.Paused), "3", Fetched, Fetched.AddHours(1)));
        Assert.Equal((MedicationStatus.Paused, "3", Fetched.AddHours(1)), (entry.Status, entry.SourceVersion, entry.FetchedAt));
    }

    [Fact]
    public void An_entry_needs_a_drug_name_and_cannot_end_before_it_starts()
    {
        Assert.Throws<DomainException>(() => MedicationEntry.Imported(Guid.NewGuid(), Details() with { DrugName = " " }, "MedicationStatement/t", "1", null, Fetched));
        var backwards = Details() with { Start = new DateOnly(2026, 3, 1), End = new DateOnly(2026, 2, 1) };
        Assert.Throws<DomainException>(() => MedicationEntry.Imported(Guid.NewGuid(), backwards, "MedicationStatement/t", "1", null, Fetched));
    }
}
