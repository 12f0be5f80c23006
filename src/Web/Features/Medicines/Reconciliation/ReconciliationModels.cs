using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;

namespace CareWorkspace.Web.Features.Medicines.Reconciliation;

/// <summary>
/// A discharge list waiting for the GP's reconciliation: where it came from, each row with the three lists side by side,
/// the basis the rows were computed from (named again when finishing), and whether the viewer may finish it.
/// </summary>
public sealed record ReconciliationView(
    Guid DischargeListId,
    string Hospital,
    DateOnly DischargedOn,
    string RecordedBy,
    IReadOnlyList<MedicationDifference> Rows,
    string Basis,
    bool CanFinish)
{
    public int DifferenceCount => Rows.Count(r => r.NeedsDecision);

    /// <summary>False when no list awaits and the view only tells that the latest list was withdrawn.</summary>
    public bool AwaitsReconciliation { get; init; } = true;

    /// <summary>The latest correction of the awaiting list, if it was corrected.</summary>
    public DischargeListCorrection? Correction { get; init; }

    /// <summary>The latest discharge list recorded, if it was withdrawn.</summary>
    public WithdrawnDischargeList? Withdrawn { get; init; }
}

/// <summary>Who corrected the awaiting discharge list last, when and why.</summary>
public sealed record DischargeListCorrection(string CorrectedBy, DateTimeOffset CorrectedAt, string Reason);

/// <summary>A discharge list withdrawn before it was reconciled: whose, and who withdrew it, when and why.</summary>
public sealed record WithdrawnDischargeList(string Hospital, DateOnly DischargedOn, string RecordedBy, string WithdrawnBy, DateTimeOffset WithdrawnAt,
    string Reason);

/// <summary>
/// What the discharge-list form starts from: today (the default discharge date), the current list as lines to start from,
/// the discharge list already awaiting reconciliation (if any; named again when saving, so a list saved meanwhile by someone
/// else is not passed over silently), and whether the viewer may record one.
/// </summary>
public sealed record DischargeListForm(DateOnly Today, IReadOnlyList<LocalPrescription> CurrentList, AwaitingDischargeList? Awaiting, bool CanRecord);

/// <summary>
/// A discharge list recorded and not yet reconciled: whose, from where, when; its revision and drugs, for a hospital clinician
/// to correct or withdraw it.
/// </summary>
public sealed record AwaitingDischargeList(Guid Id, string Hospital, DateOnly DischargedOn, string RecordedBy, DateTimeOffset RecordedAt)
{
    public int Revision { get; init; } = 1;

    public IReadOnlyList<LocalPrescription> Drugs { get; init; } = [];
}
