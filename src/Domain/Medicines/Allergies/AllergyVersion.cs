namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>
/// One saved version of an allergy entry: who changed it, when, what changed and the whole entry afterwards, so any earlier
/// version can be read. Versions are only added.
/// </summary>
public sealed class AllergyVersion
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AllergyId { get; private set; }
    public int Number { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public IReadOnlyList<AllergyChange> Changes { get; private set; } = [];
    public AllergySnapshot Snapshot { get; private set; } = null!;

    private AllergyVersion() { }

    internal AllergyVersion(Guid allergyId, int number, string changedBy, DateTimeOffset changedAt, IReadOnlyList<AllergyChange> changes,
        AllergySnapshot snapshot)
    {
        AllergyId = allergyId;
        Number = number;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        Changes = changes;
        Snapshot = snapshot;
    }
}
