namespace CareWorkspace.Infrastructure.Identity;

/// <summary>What an administrator did (or tried to do) to an account.</summary>
public enum AdministrationAction
{
    Created,
    RoleChanged,
    OrganisationChanged,
    PasswordReset,
    Unlocked,
    Deactivated,
    Reactivated,
}
