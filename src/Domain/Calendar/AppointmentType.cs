namespace CareWorkspace.Domain.Calendar;

/// <summary>What kind of appointment it is (the national Appointment profile's appointment type, plus the discharge conference).</summary>
public enum AppointmentType
{
    CheckUp,
    FollowUp,
    Routine,
    Emergency,
    WalkIn,

    /// <summary>Hospital, GP and municipality agree the plan before the patient goes home (udskrivningskonference).</summary>
    DischargeConference,
}
