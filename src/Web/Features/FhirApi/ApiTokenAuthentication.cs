using System.Security.Claims;
using System.Text.Encodings.Web;
using CareWorkspace.Domain.ApiTokens;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareWorkspace.Web.Features.FhirApi;

/// <summary>
/// Sign-in by a personal API token sent as <c>Authorization: Bearer …</c>. It answers only under <c>/fhir</c> and only
/// when an endpoint asks for it (it is not the default scheme), so a token opens no page of the app. The principal is
/// built by the same factory as the sign-in cookie, so the token's owner is the actor with the same role and organisation.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IDbContextFactory<CareDbContext> dbFactory,
    IUserClaimsPrincipalFactory<CareUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "PersonalApiToken";

    /// <summary>Whether the request carries a bearer token at all (then it is judged by the token, not by a cookie).</summary>
    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Path.StartsWithSegments(FhirEndpoints.Path) || !HasBearer(Request))
            return AuthenticateResult.NoResult();
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!PersonalApiToken.IsWellFormed(secret))
            return Refuse("The bearer token is not a CareWorkspace API token.", null);

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var hash = PersonalApiToken.HashOf(secret);
        var token = await db.PersonalApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null)
            return Refuse("The API token is not known.", null);
        var now = clock.GetUtcNow();
        if (token.RefusalAt(now) is { } refusal)
            return Refuse(refusal, token.Id);
        var owner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.OwnerUserId, Context.RequestAborted);
        if (owner is null || owner.Deactivated)
            return Refuse("The API token's account is deactivated.", token.Id);
        // An administrator set the password: the account may be in other hands until its owner chooses a new one.
        if (owner.MustChangePassword)
            return Refuse("The API token's account must choose a new password first.", token.Id);

        token.MarkUsed(now);
        await db.SaveChangesAsync(Context.RequestAborted);
        var principal = await principals.CreateAsync(owner);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(CareClaimTypes.ApiTokenId, token.Id.ToString("D")));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    private AuthenticateResult Refuse(string reason, Guid? tokenId)
    {
        Logger.LogWarning("FHIR API token refused ({TokenId}) for {Path}: {Reason}", tokenId, Request.Path, reason);
        return AuthenticateResult.Fail(reason);
    }
}
