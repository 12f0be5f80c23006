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
}

/// <summary>
/// What the discharge-list form starts from: today (the default discharge date), the current list as lines to start from,
/// the discharge list already awaiting reconciliation (if any; named again when saving, so a list saved meanwhile by someone
/// else is not passed over silently), and whether the viewer may record one.
/// </summary>
public sealed record DischargeListForm(DateOnly Today, IReadOnlyList<LocalPrescription> CurrentList, AwaitingDischargeList? Awaiting, bool CanRecord);

/// <summary>A discharge list recorded and not yet reconciled: whose, from where, when.</summary>
public sealed record AwaitingDischargeList(Guid Id, string Hospital, DateOnly DischargedOn, string RecordedBy, DateTimeOffset RecordedAt);
