using CareWorkspace.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace CareWorkspace.Infrastructure.Identity;

/// <summary>A person who signs in to CareWorkspace.</summary>
public sealed class CareUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;
    public const int PreferredLanguageMaxLength = 16;

    public string DisplayName { get; set; } = "";
    public UserRole Role { get; set; }
    public Guid? OrganisationId { get; set; }

    /// <summary>
    /// Set when an administrator created the account or changed its password, role or organisation: the person
    /// must choose their own password before doing anything else, so an administrator never holds a usable password.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A deactivated account cannot sign in, and its open sessions end.</summary>
    public bool Deactivated { get; set; }

    /// <summary>The language the person chose (a culture name such as "da-DK" or "en-GB"); null until they choose, then the browser decides.</summary>
    public string? PreferredLanguage { get; set; }
}
