namespace CareWorkspace.Domain.Patients;

public enum CareTeamRole
{
    TreatingHospital,
    GeneralPractitioner,
    HomeCare,
    Rehabilitation,
    HomeNursing,
    Coordinator,
}
