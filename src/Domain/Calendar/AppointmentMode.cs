namespace CareWorkspace.Domain.Calendar;

/// <summary>How the patient and the practitioners meet.</summary>
public enum AppointmentMode
{
    /// <summary>At the organisation's premises; the location says where.</summary>
    InPerson,

    /// <summary>In the patient's home.</summary>
    HomeVisit,
    Phone,
    Video,
}
