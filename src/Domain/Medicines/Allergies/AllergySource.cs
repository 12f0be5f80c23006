namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>Who keeps an allergy entry: CareWorkspace itself, or (later) a national register read here.</summary>
public enum AllergySource
{
    /// <summary>Recorded in CareWorkspace by a clinician on the care team.</summary>
    Local,

    /// <summary>Read from a national register; changed only there.</summary>
    National,
}
