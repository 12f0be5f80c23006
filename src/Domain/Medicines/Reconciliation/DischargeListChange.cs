namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>What a hospital clinician did to a discharge list awaiting reconciliation.</summary>
public enum DischargeListChangeKind
{
    Corrected,
    Withdrawn,
}

/// <summary>
/// One correction or withdrawal of a discharge list, kept for good: who, when, why, and the revision it made (a correction's
/// earlier lines stay on the list under their own revision).
/// </summary>
public sealed class DischargeListChange
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public DischargeListChangeKind Kind { get; private set; }

    /// <summary>The list's revision after the change (a withdrawal keeps the revision it withdrew).</summary>
    public int Revision { get; private set; }

    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public string Reason { get; private set; } = "";

    private DischargeListChange() { }

    internal DischargeListChange(DischargeListChangeKind kind, int revision, string reason, Common.ChangeStamp stamp)
    {
        Kind = kind;
        Revision = revision;
        Reason = reason;
        ChangedBy = Common.Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength);
        ChangedAt = stamp.At.ToUniversalTime();
    }
}
