using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Allergies;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class AllergyEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 15, 0, TimeSpan.Zero);
    private static readonly ChangeStamp ByGp = new("Peter Larsen", At);

    private static AllergyDetails Penicillins(AllergyCertainty certainty = AllergyCertainty.Confirmed) =>
        new("Penicillins", "j01c", "Anaphylaxis", AllergySeverity.LifeThreatening, certainty);

    [Fact]
    public void ARecordedEntry_IsActiveLocal_WithWhoAndWhen_AndItsFirstVersion()
    {
        var entry = AllergyEntry.Record(Guid.NewGuid(), Penicillins(), ByGp);

        Assert.Equal(("Penicillins", "J01C", AllergyStatus.Active, AllergySource.Local), (entry.Substance, entry.AtcCode, entry.Status, entry.Source));
        Assert.Equal(("Peter Larsen", At), (entry.RecordedBy, entry.RecordedAt));
        Assert.Equal("Penicillins (J01C)", entry.Name);
        var version = Assert.Single(entry.NewVersions);
        Assert.Equal((1, AllergyChangeKind.Recorded), (version.Number, version.Changes[0].Kind));
        Assert.Equal(AllergyStatus.Active, version.Snapshot.Status);
    }

    [Fact]
    public void ASubstanceAloneOrAClassAlone_IsEnough_ButNeitherIsRefused()
    {
        Assert.Equal("Latex", AllergyEntry.Record(Guid.NewGuid(), new("Latex", null, null, AllergySeverity.Mild, AllergyCertainty.Suspected), ByGp).Name);
        Assert.Equal("J01C", AllergyEntry.Record(Guid.NewGuid(), new(null, "J01C", null, AllergySeverity.Mild, AllergyCertainty.Suspected), ByGp).Name);

        var ex = Assert.Throws<DomainException>(() =>
            AllergyEntry.Record(Guid.NewGuid(), new(" ", null, "Rash", AllergySeverity.Mild, AllergyCertainty.Suspected), ByGp));
        Assert.Equal("Give the substance, the drug class (ATC code) or both.", ex.Template);
    }

    [Fact]
    public void AnUnknownAtcCode_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            AllergyEntry.Record(Guid.NewGuid(), Penicillins() with { AtcCode = "Q01" }, ByGp));

        Assert.Contains("is not an ATC code", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndefinedSeverityOrCertainty_IsRefused()
    {
        Assert.Throws<DomainException>(() => AllergyEntry.Record(Guid.NewGuid(), Penicillins() with { Severity = (AllergySeverity)9 }, ByGp));
        Assert.Throws<DomainException>(() => AllergyEntry.Record(Guid.NewGuid(), Penicillins() with { Certainty = (AllergyCertainty)9 }, ByGp));
    }

    [Fact]
    public void AChange_KeepsAVersionNamingEachFieldThatChanged_WithBeforeAndAfter()
    {
        var entry = AllergyEntry.Record(Guid.NewGuid(), Penicillins(AllergyCertainty.Suspected), ByGp);
        var opened = entry.Version;

        entry.Change(opened, Penicillins() with { Reaction = "Urticaria" }, new("Anna Holm", At.AddHours(1)));

        var version = entry.NewVersions[^1];
        Assert.Equal((2, "Anna Holm", At.AddHours(1)), (version.Number, version.ChangedBy, version.ChangedAt));
        Assert.Equal(
            [new AllergyChange(AllergyChangeKind.ReactionChanged, "Anaphylaxis", "Urticaria"), new AllergyChange(AllergyChangeKind.CertaintyChanged, "Suspected", "Confirmed")],
            version.Changes);
        Assert.Equal(AllergyCertainty.Suspected, entry.NewVersions[0].Snapshot.Certainty);
        Assert.Equal("Peter Larsen", entry.RecordedBy);
        Assert.NotEqual(opened, entry.Version);
    }

    [Fact]
    public void AChangeWithNothingChanged_IsRefused()
    {
        var entry = AllergyEntry.Record(Guid.NewGuid(), Penicillins(), ByGp);

        Assert.Throws<DomainException>(() => entry.Change(entry.Version, Penicillins(), ByGp));
    }

    [Fact]
    public void AChangeBasedOnAnOlderVersion_IsRefusedAsStale_WithTheStoredValues()
    {
        var entry = AllergyEntry.Record(Guid.NewGuid(), Penicillins(), ByGp);
        var opened = entry.Version;
        entry.Change(opened, Penicillins() with { Reaction = "Urticaria" }, new("Anna Holm", At));

        var stale = Assert.Throws<StaleEditException>(() => entry.Change(opened, Penicillins() with { Reaction = "Rash" }, ByGp));

        Assert.Equal("Anna Holm", stale.ChangedBy);
        Assert.Equal("Urticaria", stale.CurrentValues["Reaction"]);
    }

    [Fact]
    public void Resolved_StopsWarning_AndMayBecomeActiveAgain()
    {
        var entry = AllergyEntry.Record(Guid.NewGuid(), Penicillins(), ByGp);

        entry.ChangeStatus(entry.Version, AllergyStatus.Resolved, "Tolerated amoxicillin at provocation test", ByGp);
        Assert.False(entry.IsActive);
        Assert.Equal("Tolerated amoxicillin at provocation test", entry.StatusReason);
        Assert.Equal(new AllergyChange(AllergyChangeKind.StatusChanged, "Active", "Resolved"), entry.NewVersions[^1].Changes.Single());

        entry.ChangeStatus(entry.Version, AllergyStatus.Active, null, ByGp);
        Assert.True(entry.IsActive);
        Assert.Null(entry.StatusReason);
    }

    [Fact]
    public void EnteredInError_NeedsAReason_AndIsFinal()
    {
        var entry = AllergyEntry.Record(Guid.NewGuid(), Penicillins(), ByGp);

        var noReason = Assert.Throws<DomainException>(() => entry.ChangeStatus(entry.Version, AllergyStatus.EnteredInError, " ", ByGp));
        Assert.Equal("Say why the allergy entry was entered in error.", noReason.Template);

        entry.ChangeStatus(entry.Version, AllergyStatus.EnteredInError, "Wrong patient", ByGp);
        Assert.Throws<DomainException>(() => entry.ChangeStatus(entry.Version, AllergyStatus.Active, null, ByGp));
        Assert.Throws<DomainException>(() => entry.Change(entry.Version, Penicillins() with { Reaction = "Rash" }, ByGp));
        Assert.Equal(2, entry.Revision);
    }

    [Fact]
    public void TheSameStatusAgain_IsRefused()
    {
        var entry = AllergyEntry.Record(Guid.NewGuid(), Penicillins(), ByGp);

        var ex = Assert.Throws<DomainException>(() => entry.ChangeStatus(entry.Version, AllergyStatus.Active, null, ByGp));

        Assert.Equal(["active"], ex.Arguments);
    }
}
