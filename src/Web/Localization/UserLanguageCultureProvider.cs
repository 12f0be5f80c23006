using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Localization;

namespace CareWorkspace.Web.Localization;

/// <summary>The signed-in person's stored language (a claim issued at sign-in), for a browser without a language cookie.</summary>
internal sealed class UserLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.FindFirst(CareClaimTypes.PreferredLanguage)?.Value;
        return Task.FromResult(string.IsNullOrEmpty(language) ? null : new ProviderCultureResult(language));
    }
}
