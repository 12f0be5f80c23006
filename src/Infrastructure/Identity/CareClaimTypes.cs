namespace CareWorkspace.Infrastructure.Identity;

public static class CareClaimTypes
{
    public const string DisplayName = "care:display_name";
    public const string Role = "care:role";
    public const string OrganisationId = "care:organisation_id";
    public const string OrganisationName = "care:organisation_name";

    /// <summary>Present while the person must choose their own password before doing anything else.</summary>
    public const string MustChangePassword = "care:must_change_password";

    /// <summary>The person's chosen language (a culture name such as "en-GB"); absent until they choose one.</summary>
    public const string PreferredLanguage = "care:preferred_language";

    /// <summary>When this sign-in began (round-trip format), for the absolute session lifetime.</summary>
    public const string SessionStarted = "care:session_started";

    /// <summary>The personal API token a FHIR API request signed in with (none for the cookie).</summary>
    public const string ApiTokenId = "care:api_token_id";
}
