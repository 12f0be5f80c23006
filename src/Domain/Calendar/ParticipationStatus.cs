namespace CareWorkspace.Domain.Calendar;

/// <summary>A participant's answer to the appointment (FHIR participant.status).</summary>
public enum ParticipationStatus
{
    NeedsAction,
    Accepted,
    Declined,
    Tentative,
}
