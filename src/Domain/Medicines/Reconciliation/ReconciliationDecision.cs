using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>One difference the GP decided on: which drug and how it differed, accepted or rejected, why, by whom and when, and what it did.</summary>
public sealed class ReconciliationDecision
{
    public const int KeyMaxLength = 40;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string RowKey { get; private set; } = "";
    public DifferenceKind Kind { get; private set; }
    public string DrugName { get; private set; } = "";
    public bool Accepted { get; private set; }
    public string? Reason { get; private set; }
    public ReconciliationOutcome Outcome { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public DateTimeOffset DecidedAt { get; private set; }

    private ReconciliationDecision() { }

    internal ReconciliationDecision(MedicationDifference row, GpDecision decision, ChangeStamp stamp)
    {
        RowKey = row.Key;
        Kind = row.Kind;
        DrugName = Guard.Required(row.DrugName, "Drug name", MedicationEntry.DrugNameMaxLength);
        Accepted = decision.Accepted;
        Reason = Guard.Optional(decision.Reason, "Reason", MedicationEntry.TextMaxLength);
        Outcome = !decision.Accepted ? ReconciliationOutcome.Kept
            : row.Kind == DifferenceKind.New || row.Local is not null ? ReconciliationOutcome.Applied
            : ReconciliationOutcome.ChangeInNationalRecord;
        DecidedBy = Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength);
        DecidedAt = stamp.At.ToUniversalTime();
    }
}
