using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.FhirApi;

/// <summary>
/// The FHIR API's own sentences (refusals before any patient data is involved), in the caller's language: the request's
/// culture (Accept-Language or the language cookie), English by default.
/// </summary>
public sealed class FhirApiText
{
    private FhirApiText() { }

    public static string Translate(HttpContext http, string english, params object[] arguments) =>
        http.RequestServices.GetRequiredService<IStringLocalizer<FhirApiText>>()[english, arguments];
}
