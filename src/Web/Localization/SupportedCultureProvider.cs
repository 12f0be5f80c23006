using Microsoft.AspNetCore.Localization;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// Wraps one culture source (query string, cookie, user, browser) so it only ever answers with a supported culture:
/// "en-US" becomes en-GB, an unknown or malformed value is ignored and the next source decides (in the end Danish).
/// </summary>
internal sealed class SupportedCultureProvider(IRequestCultureProvider source) : RequestCultureProvider
{
    public IRequestCultureProvider Source => source;

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ProviderCultureResult? result;
        try
        {
            result = await source.DetermineProviderCultureResult(httpContext);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null;
        }
        if (result is null)
            return null;
        var match = result.UICultures.Concat(result.Cultures)
            .Select(c => CareCultures.Match(c.Value))
            .FirstOrDefault(c => c is not null);
        return match is null ? null : new ProviderCultureResult(match.Name);
    }
}
