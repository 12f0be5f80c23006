namespace CareWorkspace.Domain.Calendar;

/// <summary>Where an appointment is in its life (FHIR Appointment.status, the subset used in Danish care).</summary>
public enum AppointmentStatus
{
    Proposed,
    Booked,
    Arrived,
    Fulfilled,
    Cancelled,
    NoShow,
}
