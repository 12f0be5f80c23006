namespace CareWorkspace.Domain.Access;

/// <summary>The signed-in person asking for patient data: who, in which role, for which organisation.</summary>
public sealed record Actor(string UserId, string DisplayName, UserRole Role, Guid? OrganisationId, string? OrganisationName)
{
    public bool IsHealthProfessional => Role is not (UserRole.Relative or UserRole.Patient or UserRole.Administrator or UserRole.System);
}
