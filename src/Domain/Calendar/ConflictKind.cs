namespace CareWorkspace.Domain.Calendar;

/// <summary>Whose time an appointment would double-book.</summary>
public enum ConflictKind
{
    Patient,
    Practitioner,
}
