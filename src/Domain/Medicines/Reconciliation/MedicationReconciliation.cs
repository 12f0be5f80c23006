using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>
/// A GP's finished reconciliation of a discharge list with the current list: each difference with its decision. Finishing
/// checks that the lists are still those the GP decided on (the basis) and that every difference has a decision; the caller
/// then applies the accepted ones to the current list.
/// </summary>
public sealed class MedicationReconciliation
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public Guid DischargeListId { get; private set; }
    public string FinishedBy { get; private set; } = "";
    public DateTimeOffset FinishedAt { get; private set; }

    private readonly List<ReconciliationDecision> _decisions = [];

    public IReadOnlyList<ReconciliationDecision> Decisions => _decisions;

    private MedicationReconciliation() { }

    /// <param name="comparison">The lists as they are now.</param>
    /// <param name="basis">The basis of the comparison the GP decided on.</param>
    /// <param name="decisions">The GP's decisions by row key.</param>
    public static MedicationReconciliation Finish(DischargeMedicationList list, MedicationComparison comparison, string basis,
        IReadOnlyDictionary<string, GpDecision> decisions, ChangeStamp stamp)
    {
        list.DemandNotWithdrawn();
        if (comparison.Basis != basis && list.LastCorrection is { } correction)
        {
            throw new DomainException("The medication list or the discharge list changed after you opened the reconciliation, so nothing was changed. The discharge list was last corrected by {0} at {1}: \"{2}\". The reconciliation now shows the lists as they are; your decisions are kept where the rows are the same: check them and finish again.",
                correction.ChangedBy, correction.ChangedAt, correction.Reason);
        }
        if (comparison.Basis != basis)
        {
            throw new DomainException("The medication list or the discharge list changed after you opened the reconciliation, so nothing was changed. The reconciliation now shows the lists as they are; your decisions are kept where the rows are the same: check them and finish again.");
        }
        var open = comparison.Rows.Where(r => r.NeedsDecision).ToList();
        var missing = open.Count(r => !decisions.ContainsKey(r.Key));
        if (missing > 0)
            throw new DomainException("Accept or reject every difference before finishing ({0} left).", missing);
        list.MarkReconciled(stamp);
        var reconciliation = new MedicationReconciliation
        {
            PatientId = list.PatientId,
            DischargeListId = list.Id,
            FinishedBy = Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength),
            FinishedAt = stamp.At.ToUniversalTime(),
        };
        reconciliation._decisions.AddRange(open.Select(r => new ReconciliationDecision(r, decisions[r.Key], stamp)));
        return reconciliation;
    }
}
