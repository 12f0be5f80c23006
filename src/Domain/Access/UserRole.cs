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
}
