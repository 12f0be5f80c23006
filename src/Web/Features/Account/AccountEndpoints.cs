using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CareWorkspace.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Posted by the sign-out button. The endpoint binds no form, so the framework would not check the token:
        // check it here, or any other site could sign a user out with a hidden form.
        endpoints.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<CareUser> signInManager) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest(StaticText.For(typeof(AccountEndpoints))["The sign-out form has expired. Reload the page and sign out again."].Value);
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });
    }
}
