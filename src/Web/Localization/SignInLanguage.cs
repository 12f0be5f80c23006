using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// At sign-in the person's language follows them: a stored choice becomes this browser's cookie; with none stored,
/// a choice made in this browser (the cookie, e.g. from the switch on the sign-in page) becomes their stored one.
/// </summary>
public sealed class SignInLanguage(UserManager<CareUser> users, ILogger<SignInLanguage> logger)
{
    public async Task ApplyAsync(HttpContext context, CareUser user)
    {
        if (CareCultures.Match(user.PreferredLanguage) is { } stored)
        {
            LanguageCookie.Write(context.Response, stored);
            return;
        }
        var chosenHere = context.Request.Cookies.TryGetValue(LanguageCookie.Name, out var cookie)
            ? CookieRequestCultureProvider.ParseCookieValue(cookie)
            : null;
        if (chosenHere is null || CareCultures.Match(chosenHere.UICultures.FirstOrDefault().Value) is not { } culture)
            return;
        user.PreferredLanguage = culture.Name;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
            logger.LogWarning("Could not store the language of user {UserId}", user.Id);
    }
}
