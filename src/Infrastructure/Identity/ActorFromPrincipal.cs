using System.Security.Claims;
using CareWorkspace.Domain.Access;

namespace CareWorkspace.Infrastructure.Identity;

public static class ActorFromPrincipal
{
    /// <summary>The actor behind a signed-in principal, or null when the principal is anonymous or incomplete.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var roleText = principal.FindFirstValue(CareClaimTypes.Role);
        if (userId is null || !Enum.TryParse<UserRole>(roleText, out var role))
            return null;
        Guid? orgId = Guid.TryParse(principal.FindFirstValue(CareClaimTypes.OrganisationId), out var g) ? g : null;
        return new Actor(
            userId,
            principal.FindFirstValue(CareClaimTypes.DisplayName) ?? principal.Identity?.Name ?? userId,
            role,
            orgId,
            principal.FindFirstValue(CareClaimTypes.OrganisationName));
    }
}
