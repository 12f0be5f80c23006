namespace CareWorkspace.Domain.Organisations;

public enum Sector
{
    Hospital,
    GeneralPractice,
    Municipality,
}
