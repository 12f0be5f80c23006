using CareWorkspace.Web.Features.FhirApi;
using Microsoft.AspNetCore.Http;

namespace CareWorkspace.UnitTests.FhirApi;

public sealed class FhirFormatTests
{
    [Theory]
    [InlineData(null, null, FhirFormat.Json)]
    [InlineData(null, "*/*", FhirFormat.Json)]
    [InlineData(null, "text/html,application/xhtml+xml,*/*;q=0.8", FhirFormat.Json)]
    [InlineData(null, "application/fhir+xml", FhirFormat.Xml)]
    [InlineData(null, "application/fhir+xml;fhirVersion=4.0", FhirFormat.Xml)]
    [InlineData(null, "application/fhir+json;q=0.5, application/fhir+xml", FhirFormat.Xml)]
    [InlineData(null, "application/fhir+xml;q=0.4, application/json", FhirFormat.Json)]
    [InlineData(null, "application/fhir+xml;q=0", FhirFormat.Json)]
    [InlineData("xml", "application/fhir+json", FhirFormat.Xml)]
    [InlineData("json", "application/fhir+xml", FhirFormat.Json)]
    [InlineData("application/fhir+xml", null, FhirFormat.Xml)]
    [InlineData("text/xml", null, FhirFormat.Xml)]
    [InlineData("ttl", "application/fhir+json", null)]
    public void The_format_is_the_asked_one_then_the_most_wanted_then_JSON(string? format, string? accept, FhirFormat? expected)
    {
        var http = new DefaultHttpContext();
        if (format is not null)
            http.Request.QueryString = QueryString.Create("_format", format);
        if (accept is not null)
            http.Request.Headers.Accept = accept;

        Assert.Equal(expected, FhirFormats.Of(http.Request));
    }
}
