namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>How serious the reaction was (or is feared to be).</summary>
public enum AllergySeverity
{
    Mild,
    Moderate,
    Severe,
    LifeThreatening,
}
