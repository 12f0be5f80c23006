namespace CareWorkspace.Domain.Medicines;

/// <summary>Who keeps a medication entry: the national Shared Medication Record (read-only here) or CareWorkspace itself.</summary>
public enum MedicationSource
{
    /// <summary>Imported from the Shared Medication Record; changed only by a newer version from there.</summary>
    NationalRecord,

    /// <summary>Recorded in CareWorkspace (local prescribing).</summary>
    Local,
}
