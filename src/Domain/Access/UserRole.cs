namespace CareWorkspace.Domain.Access;

public enum UserRole
{
    HospitalClinician,
    GeneralPractitioner,
    GpStaff,
    MunicipalNurse,
    MunicipalCareWorker,
    Physiotherapist,
    Coordinator,
    Relative,
    Patient,
    Administrator,

    /// <summary>A background job (reminders, follow-up escalation): never a person, never signs in (<see cref="SystemActor"/>).</summary>
    System,
}
