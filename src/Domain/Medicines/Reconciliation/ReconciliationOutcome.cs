namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>What a GP's decision did to the current list.</summary>
public enum ReconciliationOutcome
{
    /// <summary>Accepted and applied: a local entry was added, stopped, or replaced with the new dose.</summary>
    Applied,

    /// <summary>
    /// Accepted, but the drug is only on the national Shared Medication Record, which CareWorkspace reads and does not write:
    /// the GP makes the change there, and the next sync brings it.
    /// </summary>
    ChangeInNationalRecord,

    /// <summary>Rejected: the current list stays as it was for this drug.</summary>
    Kept,
}
