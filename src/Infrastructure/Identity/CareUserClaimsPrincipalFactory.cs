using System.Security.Claims;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareWorkspace.Infrastructure.Identity;

/// <summary>Puts role, organisation and display name into the sign-in cookie, so every request knows the actor.</summary>
internal sealed class CareUserClaimsPrincipalFactory(
    UserManager<CareUser> userManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<CareDbContext> dbFactory)
    : UserClaimsPrincipalFactory<CareUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CareUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CareClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(CareClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(CareClaimTypes.MustChangePassword, "true"));
        if (!string.IsNullOrEmpty(user.PreferredLanguage))
            identity.AddClaim(new Claim(CareClaimTypes.PreferredLanguage, user.PreferredLanguage));
        if (user.OrganisationId is { } orgId)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var name = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync();
            identity.AddClaim(new Claim(CareClaimTypes.OrganisationId, orgId.ToString()));
            identity.AddClaim(new Claim(CareClaimTypes.OrganisationName, name ?? ""));
        }
        return identity;
    }
}
