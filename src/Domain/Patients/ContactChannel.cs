namespace CareWorkspace.Domain.Patients;

/// <summary>How the patient prefers to be contacted.</summary>
public enum ContactChannel
{
    Phone,
    SecureMessage,
    Letter,
    ThroughRelative,
}
