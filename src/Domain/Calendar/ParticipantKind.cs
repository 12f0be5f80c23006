namespace CareWorkspace.Domain.Calendar;

/// <summary>Who takes part: a practitioner (a user of a care organisation), the patient, or a relative.</summary>
public enum ParticipantKind
{
    Practitioner,
    Patient,
    Relative,
}
