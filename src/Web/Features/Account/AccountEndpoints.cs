using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CareWorkspace.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Posted by the sign-out button; antiforgery is validated by UseAntiforgery for form posts.
        endpoints.MapPost("/account/logout", async (SignInManager<CareUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
    }
}
