using CareWorkspace.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace CareWorkspace.Infrastructure.Identity;

/// <summary>A person who signs in to CareWorkspace.</summary>
public sealed class CareUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = "";
    public UserRole Role { get; set; }
    public Guid? OrganisationId { get; set; }
}
