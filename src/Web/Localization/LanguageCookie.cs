using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CareWorkspace.Web.Localization;

/// <summary>The browser's remembered language: ASP.NET Core's standard culture cookie, for a year.</summary>
public static class LanguageCookie
{
    public static string Name => CookieRequestCultureProvider.DefaultCookieName;

    /// <summary>The cookie's value for a culture, e.g. <c>c=en-GB|uic=en-GB</c>.</summary>
    public static string ValueFor(CultureInfo culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture));

    public static void Write(HttpResponse response, CultureInfo culture) =>
        response.Cookies.Append(Name, ValueFor(culture), new CookieOptions
        {
            Expires = response.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
        });
}
