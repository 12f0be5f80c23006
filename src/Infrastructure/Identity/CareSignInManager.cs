using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareWorkspace.Infrastructure.Identity;

/// <summary>Identity's sign-in, except that a deactivated account neither signs in nor keeps a session.</summary>
public sealed class CareSignInManager(
    UserManager<CareUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CareUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CareUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CareUser> confirmation)
    : SignInManager<CareUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CareUser user) =>
        !user.Deactivated && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(CareUser? user, string? securityStamp) =>
        user is { Deactivated: false } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
