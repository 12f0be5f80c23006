namespace CareWorkspace.Domain.Pathway;

/// <summary>
/// What a pathway event says. Events are stored as a kind plus parameters (<see cref="PathwayEventParameters"/>) so
/// that every reader sees them in their own language; only text that comes from outside is stored as written.
/// </summary>
public enum PathwayEventKind
{
    /// <summary>Free text as written by its source (an import, or history stored before kinds existed): the event's Title and Detail.</summary>
    Text,

    /// <summary>An organisation joined the care team: organisation, role, and the reason and who added it when known.</summary>
    CareTeamJoined,

    /// <summary>An organisation's membership of the care team ends: organisation, the last day, who ended it.</summary>
    CareTeamLeft,

    /// <summary>A message thread shared with everyone on the pathway was started: subject, sender.</summary>
    MessageShared,

    /// <summary>A hospital notification (MedCom "hospitalsadvis") was received: the receiving organisation.</summary>
    HospitalNotificationReceived,

    /// <summary>An appointment (or a series) was booked: organisation, type, start, number of occurrences, who booked it.</summary>
    AppointmentBooked,

    /// <summary>An appointment (or the rest of a series) was cancelled: organisation, type, start, reason, who cancelled it.</summary>
    AppointmentCancelled,

    /// <summary>The hospital discharged the patient: organisation, who, the note (reason) and the GP follow-up's last day (date), if any.</summary>
    Discharged,
    /// <summary>A discharge conference was finished: its start, who finished it, who attended, the minutes (cut to fit).</summary>
    DischargeConferenceHeld,

    /// <summary>A care plan was made for the patient: its title (subject) and who made it.</summary>
    CarePlanCreated,

    /// <summary>A care plan became active, completed or revoked: its title (subject), the status by code and who changed it.</summary>
    CarePlanStatusChanged,

    /// <summary>The hospital admitted the patient (from a national hospital notification): organisation.</summary>
    Admitted,

    /// <summary>A rehabilitation plan was made: its kind by code (subject), the responsible unit (organisation) and who made it.</summary>
    RehabilitationPlanMade,

    /// <summary>A training session was logged: the day (date), how it went by code (status) and who logged it.</summary>
    RehabilitationSessionLogged,

    /// <summary>An allergy (CAVE) was recorded: the substance or drug class (subject) and who recorded it.</summary>
    AllergyRecorded,

    /// <summary>An allergy's details were changed: the substance or drug class (subject) and who changed it.</summary>
    AllergyChanged,

    /// <summary>An allergy was resolved, marked entered in error (removed) or made active again: subject, the status by code, who.</summary>
    AllergyStatusChanged,
}
