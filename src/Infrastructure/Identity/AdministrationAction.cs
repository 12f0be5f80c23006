namespace CareWorkspace.Infrastructure.Identity;

/// <summary>What an administrator did (or tried to do) to an account, or to an item the national sync could not import.</summary>
public enum AdministrationAction
{
    Created,
    RoleChanged,
    OrganisationChanged,
    PasswordReset,
    Unlocked,
    Deactivated,
    Reactivated,
    NationalImportInspected,
    NationalImportRetried,
}
