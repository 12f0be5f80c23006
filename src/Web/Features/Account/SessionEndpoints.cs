using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CareWorkspace.Web.Features.Account;

/// <summary>"Sign out everywhere" and the keep-alive the page calls while its user is active.</summary>
internal static class SessionEndpoints
{
    public const string SignOutEverywherePath = "/account/sign-out-everywhere";
    public const string KeepAlivePath = "/account/keep-alive";

    public static void MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutEverywherePath, async (HttpContext context, IAntiforgery antiforgery, SignInManager<CareUser> signIn, SessionRevocations revocations) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.BadRequest();
            }
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                // A new stamp ends the sessions of instances that miss the push; the push ends the others at once.
                await signIn.UserManager.UpdateSecurityStampAsync(user);
                await revocations.RevokeAsync(user.Id, "You signed out everywhere.");
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        }).RequireAuthorization();

        // Only renews the sliding sign-in cookie: a Blazor circuit makes no HTTP requests while the person works.
        endpoints.MapGet(KeepAlivePath, () => Results.NoContent()).RequireAuthorization();
    }
}
