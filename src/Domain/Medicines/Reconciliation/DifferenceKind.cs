namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>How the hospital's discharge list differs from the patient's current list for one drug.</summary>
public enum DifferenceKind
{
    /// <summary>On the discharge list only: the hospital started it.</summary>
    New,

    /// <summary>On the current list only: the hospital stopped it.</summary>
    Stopped,

    /// <summary>On both, with another dose or strength.</summary>
    DoseChanged,

    /// <summary>On both, the same.</summary>
    Unchanged,
}
