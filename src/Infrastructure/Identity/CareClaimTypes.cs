namespace CareWorkspace.Infrastructure.Identity;

public static class CareClaimTypes
{
    public const string DisplayName = "care:display_name";
    public const string Role = "care:role";
    public const string OrganisationId = "care:organisation_id";
    public const string OrganisationName = "care:organisation_name";
}
