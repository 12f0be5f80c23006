using Microsoft.Net.Http.Headers;

namespace CareWorkspace.Web.Features.FhirApi;

/// <summary>
/// Which of FHIR's two formats an answer is written in: the <c>_format</c> parameter when given, else the most wanted
/// of JSON and XML in the Accept header, else JSON. An unknown <c>_format</c> is null (406 Not Acceptable).
/// </summary>
public enum FhirFormat
{
    Json,
    Xml,
}

public static class FhirFormats
{
    public const string JsonContentType = "application/fhir+json; charset=utf-8";
    public const string XmlContentType = "application/fhir+xml; charset=utf-8";

    private static readonly string[] JsonNames = ["json", "application/json", "application/fhir+json", "text/json"];
    private static readonly string[] XmlNames = ["xml", "application/xml", "application/fhir+xml", "text/xml"];

    public static FhirFormat? Of(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var asked) && asked.ToString() is { Length: > 0 } format)
            return Named(format);
        foreach (var type in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1.0))
        {
            if (type.Quality == 0)
                continue;
            if (Named(type.MediaType.ToString()) is { } named)
                return named;
        }
        return FhirFormat.Json;
    }

    public static string ContentTypeOf(FhirFormat format) => format == FhirFormat.Xml ? XmlContentType : JsonContentType;

    private static FhirFormat? Named(string name)
    {
        // "application/fhir+json; fhirVersion=4.0" and the like: the parameters do not change the format.
        var bare = MediaTypeHeaderValue.TryParse(name, out var parsed) ? parsed.MediaType.ToString() : name.Trim();
        if (JsonNames.Contains(bare, StringComparer.OrdinalIgnoreCase))
            return FhirFormat.Json;
        if (XmlNames.Contains(bare, StringComparer.OrdinalIgnoreCase))
            return FhirFormat.Xml;
        return null;
    }
}
