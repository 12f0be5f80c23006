using System.Net;
using System.Net.Http.Headers;
using CareWorkspace.Domain.ApiTokens;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Account;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.IntegrationTests.FhirApi;

/// <summary>
/// The FHIR API's formats and languages: JSON by default, XML when the caller asks for it (Accept or _format, _format
/// winning), 406 for a format we do not write, and refusals worded in the caller's language.
/// </summary>
public abstract class FhirApiFormatTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> GpClientAsync()
    {
        var actor = await factory.ActorAsync("gp.larsen", Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(actor, "Format " + Guid.NewGuid().ToString("N")[..6], 30, Ct);
        var client = HttpSignIn.NewClient(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    [Fact]
    public async Task Jens_is_read_as_XML_when_asked_for_by_Accept_or_by_format_and_as_JSON_otherwise()
    {
        var jensId = await factory.JensIdAsync(Ct);
        using var client = await GpClientAsync();

        using var byAccept = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient/{jensId}");
        byAccept.Headers.Accept.ParseAdd("application/fhir+xml");
        using var xmlByAccept = await client.SendAsync(byAccept, Ct);
        using var xmlByFormat = await client.GetAsync($"/fhir/Patient/{jensId}?_format=xml", Ct);
        using var jsonDespiteAccept = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient/{jensId}?_format=json");
        jsonDespiteAccept.Headers.Accept.ParseAdd("application/fhir+xml");
        using var json = await client.SendAsync(jsonDespiteAccept, Ct);
        using var byDefault = await client.GetAsync($"/fhir/Patient/{jensId}", Ct);

        foreach (var response in new[] { xmlByAccept, xmlByFormat })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/fhir+xml", response.Content.Headers.ContentType?.MediaType);
            var patient = new FhirXmlDeserializer().Deserialize<Patient>(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains(patient.Identifier, i => i.System == DkIdentifiers.Cpr && i.Value == CareWorkspace.Infrastructure.Demo.DemoDataSeeder.JensCpr);
            Assert.Equal("Jensen", patient.Name.First().Family);
        }
        foreach (var response in new[] { json, byDefault })
        {
            Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
            var patient = new FhirJsonDeserializer().Deserialize<Patient>(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal("Jensen", patient.Name.First().Family);
        }
    }

    [Fact]
    public async Task Everything_as_XML_holds_the_same_resources_as_in_JSON()
    {
        var jensId = await factory.JensIdAsync(Ct);
        using var client = await GpClientAsync();

        var xml = new FhirXmlDeserializer().Deserialize<Bundle>(await client.GetStringAsync($"/fhir/Patient/{jensId}/$everything?_format=application/fhir%2Bxml", Ct));
        var json = new FhirJsonDeserializer().Deserialize<Bundle>(await client.GetStringAsync($"/fhir/Patient/{jensId}/$everything", Ct));

        Assert.Equal(Bundle.BundleType.Searchset, xml.Type);
        Assert.True(xml.Entry.Count > 5);
        Assert.Equal(json.Entry.Select(e => e.FullUrl).Order(), xml.Entry.Select(e => e.FullUrl).Order());
    }

    [Fact]
    public async Task A_format_we_do_not_write_gets_406_and_the_metadata_offers_JSON_and_XML()
    {
        var jensId = await factory.JensIdAsync(Ct);
        using var client = await GpClientAsync();

        using var turtle = await client.GetAsync($"/fhir/Patient/{jensId}?_format=ttl", Ct);
        var metadata = new FhirJsonDeserializer().Deserialize<CapabilityStatement>(await client.GetStringAsync("/fhir/metadata", Ct));

        Assert.Equal(HttpStatusCode.NotAcceptable, turtle.StatusCode);
        var outcome = new FhirJsonDeserializer().Deserialize<OperationOutcome>(await turtle.Content.ReadAsStringAsync(Ct));
        Assert.Equal(OperationOutcome.IssueType.NotSupported, outcome.Issue.Single().Code);
        Assert.DoesNotContain("Jensen", await turtle.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("xml", metadata.Format);
        Assert.Contains("json", metadata.Format);
    }

    [Fact]
    public async Task Refusals_are_worded_in_the_callers_language()
    {
        var jensId = await factory.JensIdAsync(Ct);
        using var anonymous = HttpSignIn.NewClient(factory);
        // The factory's clients ask for English; these ask for their own language instead.
        anonymous.DefaultRequestHeaders.AcceptLanguage.Clear();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");
        using var badToken = HttpSignIn.NewClient(factory);
        badToken.DefaultRequestHeaders.AcceptLanguage.Clear();
        badToken.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da-DK");
        badToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PersonalApiToken.Prefix + new string('A', 43));
        using var english = HttpSignIn.NewClient(factory);
        english.DefaultRequestHeaders.AcceptLanguage.Clear();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        Assert.Equal("Log ind i CareWorkspace, eller send en personlig API-nøgle som 'Authorization: Bearer <nøgle>'.",
            await DiagnosticsAsync(anonymous, $"/fhir/Patient/{jensId}", HttpStatusCode.Unauthorized));
        Assert.Equal("API-nøglen er ukendt.", await DiagnosticsAsync(badToken, $"/fhir/Patient/{jensId}", HttpStatusCode.Unauthorized));
        Assert.Equal("Sign in to CareWorkspace, or send a personal API token as 'Authorization: Bearer <token>'.",
            await DiagnosticsAsync(english, $"/fhir/Patient/{jensId}", HttpStatusCode.Unauthorized));
        using var gp = await GpClientAsync();
        gp.DefaultRequestHeaders.AcceptLanguage.Clear();
        gp.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");
        Assert.Equal("Patient/not-a-patient er ukendt.", await DiagnosticsAsync(gp, "/fhir/Patient/not-a-patient", HttpStatusCode.NotFound));
    }

    private static async Task<string?> DiagnosticsAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(status, response.StatusCode);
        return new FhirJsonDeserializer().Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync(Ct)).Issue.Single().Diagnostics;
    }
}

public sealed class FhirApiFormatTests_Sqlite(SqliteAppFactory factory) : FhirApiFormatTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class FhirApiFormatTests_PostgreSql(PostgreSqlAppFactory factory) : FhirApiFormatTests(factory), IClassFixture<PostgreSqlAppFactory>;
