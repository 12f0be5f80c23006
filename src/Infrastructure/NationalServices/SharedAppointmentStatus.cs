using CareWorkspace.Domain.Calendar;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>The national Appointment status (FHIR) as the joint calendar's status.</summary>
public static class SharedAppointmentStatus
{
    public static AppointmentStatus ToCalendar(string fhirStatus) => fhirStatus switch
    {
        "Proposed" or "Pending" or "Waitlist" => AppointmentStatus.Proposed,
        "Arrived" or "CheckedIn" => AppointmentStatus.Arrived,
        "Fulfilled" => AppointmentStatus.Fulfilled,
        "Cancelled" or "EnteredInError" => AppointmentStatus.Cancelled,
        "Noshow" => AppointmentStatus.NoShow,
        _ => AppointmentStatus.Booked,
    };
}
