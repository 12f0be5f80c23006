namespace CareWorkspace.Domain.Calendar;

/// <summary>Whether the appointment needs this participant (FHIR participant.required).</summary>
public enum ParticipantRequirement
{
    Required,
    Optional,
}
