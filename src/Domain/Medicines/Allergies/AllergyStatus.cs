namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>Whether an entry still warns: only an active one is shown in the CAVE banner and checked against drugs.</summary>
public enum AllergyStatus
{
    Active,

    /// <summary>No longer present (e.g. tolerated after a test); kept in the register's history.</summary>
    Resolved,

    /// <summary>Recorded by mistake (wrong patient, wrong substance); kept, never shown as a warning.</summary>
    EnteredInError,
}
