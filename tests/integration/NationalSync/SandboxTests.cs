using System.Net;
using System.Text.Json;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>The national-services sandbox as any FHIR client sees it: read, search by patient and identifier, _lastUpdated, paging.</summary>
public sealed class SandboxTests(SandboxSqliteAppFactory factory) : IClassFixture<SandboxSqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string JensIdentifier = Uri.EscapeDataString(DkIdentifiers.Cpr + "|" + DemoDataSeeder.JensCpr);

    [Fact]
    public async Task Jens_is_found_by_his_CPR_identifier_and_read_by_id()
    {
        var client = factory.CreateClient();

        var search = await JsonAsync(client, $"/sandbox/fhir/Person/Patient?identifier={JensIdentifier}");
        var read = await JsonAsync(client, "/sandbox/fhir/Person/Patient/jens");

        var patient = Assert.Single(search.GetProperty("entry").EnumerateArray()).GetProperty("resource");
        Assert.Equal("jens", patient.GetProperty("id").GetString());
        Assert.Equal("Jensen", read.GetProperty("name")[0].GetProperty("family").GetString());
        Assert.Equal("1", read.GetProperty("meta").GetProperty("versionId").GetString());
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_OperationOutcome()
    {
        var response = await factory.CreateClient().GetAsync("/sandbox/fhir/Person/Patient/nobody", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_by_patient_finds_Jens_measurements_and_pages_through_next_links()
    {
        var client = factory.CreateClient();
        var ids = new List<string>();
        string? url = $"/sandbox/fhir/Measurements/Observation?patient.identifier={JensIdentifier}&_count=5";
        var pages = 0;
        while (url is not null)
        {
            var page = await JsonAsync(client, url);
            pages++;
            ids.AddRange(page.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()!));
            url = page.GetProperty("link").EnumerateArray().Where(l => l.GetProperty("relation").GetString() == "next")
                .Select(l => l.GetProperty("url").GetString()).FirstOrDefault();
        }

        var seeded = factory.Sandbox.All(NationalService.Measurements, "Observation").Count(r => r.PatientCpr == DemoDataSeeder.JensCpr);
        Assert.True(seeded > 40, $"six weeks of home measurements, not {seeded}");
        Assert.Equal(seeded, ids.Count);
        Assert.Equal(seeded, ids.Distinct().Count());
        Assert.Equal((seeded + 4) / 5, pages);
    }

    [Fact]
    public async Task LastUpdated_gt_finds_only_what_changed_after()
    {
        var before = factory.Sandbox.Place(NationalService.Appointments, """{"resourceType":"Basic","id":"marker-1","code":{"text":"a"}}""");
        var after = factory.Sandbox.Place(NationalService.Appointments, """{"resourceType":"Basic","id":"marker-2","code":{"text":"b"}}""");
        var since = Uri.EscapeDataString("gt" + before.LastUpdated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));

        var page = await JsonAsync(factory.CreateClient(), $"/sandbox/fhir/Appointments/Basic?_lastUpdated={since}");

        var id = Assert.Single(page.GetProperty("entry").EnumerateArray()).GetProperty("resource").GetProperty("id").GetString();
        Assert.Equal(after.Id, id);
    }

    [Fact]
    public async Task Told_to_fail_it_answers_500_and_a_malformed_body()
    {
        var client = factory.CreateClient();
        try
        {
            factory.Faults.Set(NationalService.Person, SandboxFault.ServerError);
            var failed = await client.GetAsync("/sandbox/fhir/Person/Patient/jens", Ct);
            factory.Faults.Set(NationalService.Person, SandboxFault.Malformed);
            var malformed = await client.GetStringAsync("/sandbox/fhir/Person/Patient/jens", Ct);

            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(malformed));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sandbox/fhir/Organisation/Organization/hospital", Ct)).StatusCode);
        }
        finally
        {
            factory.Faults.ClearAll();
        }
    }

    [Fact]
    public async Task Only_a_coordinator_or_administrator_controls_the_sandbox()
    {
        var (nurse, _) = await HttpSignIn.SignInAsync(factory, "nurse.holm", Ct);
        var (admin, _) = await HttpSignIn.SignInAsync(factory, "admin", Ct);
        try
        {
            var refused = await nurse.PostAsync("/sandbox/control/Person/fault/ServerError", null, Ct);
            var allowed = await admin.PostAsync("/sandbox/control/Person/fault/ServerError", null, Ct);

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
            Assert.Equal(SandboxFault.ServerError, factory.Faults.Of(NationalService.Person));
        }
        finally
        {
            factory.Faults.ClearAll();
        }
    }

    [Fact]
    public async Task A_coordinator_places_a_new_discharge_notification_that_the_sandbox_then_serves()
    {
        var (coordinator, _) = await HttpSignIn.SignInAsync(factory, "coordinator.dahl", Ct);
        var message = SandboxMessages.HospitalNotification("placed-by-control", DemoDataSeeder.JensCpr, "Jensen", DemoOrganisations.HospitalSor,
            SandboxSeed.HospitalName, DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow);

        var placed = await coordinator.PostAsync($"/sandbox/control/HospitalNotifications/resources?patientCpr={DemoDataSeeder.JensCpr}",
            new StringContent(message, System.Text.Encoding.UTF8, "application/fhir+json"), Ct);

        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var read = await JsonAsync(factory.CreateClient(), "/sandbox/fhir/HospitalNotifications/Bundle/placed-by-control");
        Assert.Equal("MessageHeader", read.GetProperty("entry")[0].GetProperty("resource").GetProperty("resourceType").GetString());
        var byPatient = await JsonAsync(factory.CreateClient(), $"/sandbox/fhir/HospitalNotifications/Bundle?patient.identifier={JensIdentifier}");
        Assert.Contains(byPatient.GetProperty("entry").EnumerateArray(), e => e.GetProperty("resource").GetProperty("id").GetString() == "placed-by-control");
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var text = await client.GetStringAsync(url, Ct);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
