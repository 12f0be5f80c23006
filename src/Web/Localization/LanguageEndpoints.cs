using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// The language switch posts here: the choice goes into the browser's culture cookie and, when someone is signed in,
/// onto their account; then the page reloads, because a Blazor circuit keeps the culture it started with.
/// </summary>
internal static class LanguageEndpoints
{
    public const string Path = "/language";

    public static void MapLanguageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext context, IAntiforgery antiforgery, UserManager<CareUser> users, ILogger<LanguageSwitchLog> logger) =>
        {
            var form = await context.Request.ReadFormAsync();
            var returnUrl = SafeReturnUrl(form["returnUrl"]);
            // An expired or forged form changes nothing; the person lands where they were and can try again.
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.LocalRedirect(returnUrl);

            var culture = CareCultures.Match(form["culture"]) ?? CareCultures.Default;
            LanguageCookie.Write(context.Response, culture);
            if (context.User.Identity?.IsAuthenticated == true
                && await users.GetUserAsync(context.User) is { } user
                && user.PreferredLanguage != culture.Name)
            {
                user.PreferredLanguage = culture.Name;
                var saved = await users.UpdateAsync(user);
                if (!saved.Succeeded)
                    logger.LogWarning("Could not store the language of user {UserId}: {Errors}", user.Id, string.Join("; ", saved.Errors.Select(e => e.Code)));
            }
            return Results.LocalRedirect(returnUrl);
        });
    }

    // Only local paths: an open redirect would let a link borrow our site.
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";

    /// <summary>Category for the endpoint's log.</summary>
    internal sealed class LanguageSwitchLog;
}
