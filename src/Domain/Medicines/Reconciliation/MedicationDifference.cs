namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>
/// One row of the reconciliation: the drug on the discharge list, on the GP's local list and on the national record (each
/// null where the drug is absent), how they differ, and a key that names the row across reloads.
/// </summary>
public sealed record MedicationDifference(DifferenceKind Kind, ReconciledDrug? Discharge, ReconciledDrug? Local, ReconciledDrug? National)
{
    /// <summary>The row's key: the discharge line's id, else the current entry's.</summary>
    public string Key => Discharge is { } d ? $"d:{d.Id:N}" : Local is { } l ? $"l:{l.Id:N}" : $"n:{National!.Id:N}";

    /// <summary>The drug's name as the row shows it: the discharge list's, else the current list's.</summary>
    public string DrugName => (Discharge ?? Local ?? National)!.DrugName;

    /// <summary>Whether the GP must accept or reject the row (an unchanged drug needs no decision).</summary>
    public bool NeedsDecision => Kind != DifferenceKind.Unchanged;

    /// <summary>The current entry the row concerns: the local one when there is one, else the national one.</summary>
    public ReconciledDrug? Current => Local ?? National;
}
