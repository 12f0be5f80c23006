namespace CareWorkspace.Domain.NationalSync;

/// <summary>The national services CareWorkspace keeps in step with; each has its own FHIR R4 endpoint (NationalServices:&lt;name&gt;:BaseUrl).</summary>
public enum NationalService
{
    Person,
    Organisation,
    Medication,
    Appointments,
    HospitalNotifications,
    Measurements,
}
