namespace CareWorkspace.Domain.Medicines;

/// <summary>Where a medication stands on the patient's list, as the Shared Medication Record groups it.</summary>
public enum MedicationStatus
{
    Active,

    /// <summary>Paused for now (FHIR on-hold), e.g. during an admission.</summary>
    Paused,

    /// <summary>Stopped, completed or cancelled.</summary>
    Stopped,
}
