namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// One saved version of a care plan: who changed it, when, what changed (a short list of changes) and the whole plan as it
/// was afterwards, so any earlier version can be opened. Versions are only added.
/// </summary>
public sealed class CarePlanVersion
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CarePlanId { get; private set; }
    public int Number { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public IReadOnlyList<CarePlanChange> Changes { get; private set; } = [];
    public CarePlanSnapshot Snapshot { get; private set; } = null!;

    private CarePlanVersion() { }

    internal CarePlanVersion(Guid carePlanId, int number, string changedBy, DateTimeOffset changedAt, IReadOnlyList<CarePlanChange> changes,
        CarePlanSnapshot snapshot)
    {
        CarePlanId = carePlanId;
        Number = number;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        Changes = changes;
        Snapshot = snapshot;
    }
}
