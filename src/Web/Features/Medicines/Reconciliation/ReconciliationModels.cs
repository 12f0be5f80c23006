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
