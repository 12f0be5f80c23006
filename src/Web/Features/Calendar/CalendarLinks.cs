using Microsoft.AspNetCore.WebUtilities;

namespace CareWorkspace.Web.Features.Calendar;

/// <summary>
/// How other sections address one appointment: the patient's calendar with <c>?appointment=</c> its id, which the calendar
/// opens on the appointment's day with its details shown.
/// </summary>
public static class CalendarLinks
{
    private const string AppointmentParameter = "appointment";

    public static string Appointment(Guid patientId, Guid appointmentId) => $"/patients/{patientId}/calendar?{AppointmentParameter}={appointmentId}";

    /// <summary>The appointment an address asks the calendar to open, if any.</summary>
    public static Guid? RequestedAppointment(string uri)
    {
        var query = new Uri(uri, UriKind.Absolute).Query;
        return QueryHelpers.ParseQuery(query).TryGetValue(AppointmentParameter, out var value) && Guid.TryParse(value.ToString(), out var id) ? id : null;
    }
}
