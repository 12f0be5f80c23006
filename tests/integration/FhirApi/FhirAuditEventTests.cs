using System.Net;
using System.Net.Http.Headers;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.IntegrationTests.AccessLog;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Account;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.IntegrationTests.FhirApi;

/// <summary>
/// <c>GET /fhir/AuditEvent?patient={id}</c>: the patient's access log as IHE BALP-style AuditEvents in a searchset
/// Bundle with a next link, read by personal API token under the access log's rules; valid R4; staff refused and logged.
/// </summary>
public abstract class FhirAuditEventTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> TokenClientAsync(string userName)
    {
        var actor = await factory.ActorAsync(userName, Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(actor, "Audit " + Guid.NewGuid().ToString("N")[..6], 30, Ct);
        var client = HttpSignIn.NewClient(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    private static async Task<T> FhirAsync<T>(HttpResponseMessage response) where T : Resource
    {
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(StrictFhirParser.TryParse(await response.Content.ReadAsStringAsync(Ct), out var resource, out var reason), reason);
        return Assert.IsType<T>(resource);
    }

    [Fact]
    public async Task Jens_reads_his_access_log_as_valid_BALP_AuditEvents_page_by_page_by_API_token()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = AccessLogTestData.StaffOfNewOrganisation("Erik Akut");
        var now = AccessLogTestData.Now(factory);
        await AccessLogTestData.AddAsync(factory, [
            AccessLogTestData.Record(doctor, jensId, now.AddSeconds(-2), emergency: true, section: PatientSection.Medication, what: "Medication", reason: "Unconscious on arrival"),
            AccessLogTestData.Record(doctor, jensId, now.AddSeconds(-1), AccessAction.Update, allowed: false, section: PatientSection.CarePlan, what: "Care plan", reason: "The role HospitalClinician may not change CarePlan."),
        ], Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.AccessLog, Ct);
        using var client = await TokenClientAsync("jens");

        using var first = await client.GetAsync($"/fhir/AuditEvent?patient=Patient/{jensId}&_count=1", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page1 = await FhirAsync<Bundle>(first);
        Assert.Equal(Bundle.BundleType.Searchset, page1.Type);
        Assert.Single(page1.Entry);
        var next = Assert.Single(page1.Link, l => l.Relation == "next").Url;
        using var second = await client.GetAsync(next, Ct);
        var page2 = await FhirAsync<Bundle>(second);
        Assert.Single(page2.Entry);
        Assert.Empty(page1.Entry.Select(e => e.Resource!.Id).Intersect(page2.Entry.Select(e => e.Resource!.Id)));
        Assert.Empty(FhirValidation.ErrorsOf(page1));
        Assert.Equal(before + 2, await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.AccessLog, Ct));

        using var all = await client.GetAsync($"/fhir/AuditEvent?patient={jensId}&_count=200", Ct);
        var events = (await FhirAsync<Bundle>(all)).Entry.Select(e => Assert.IsType<AuditEvent>(e.Resource))
            .Where(a => a.Agent.Any(g => g.Who?.Identifier?.Value == doctor.UserId)).ToList();
        Assert.Equal(2, events.Count);
        foreach (var audit in events)
        {
            Assert.Empty(FhirValidation.ErrorsOf(audit));
            Assert.Equal(("http://dicom.nema.org/resources/ontology/DCM", "110110"), (audit.Type.System, audit.Type.Code));
            Assert.Equal($"Patient/{jensId:D}", audit.Entity[0].What?.Reference);
            var organisation = Assert.Single(audit.Agent, a => a.Requestor == false);
            Assert.Equal(doctor.OrganisationName, organisation.Who?.Display);
            Assert.Contains("Erik Akut", Assert.Single(audit.Agent, a => a.Requestor == true).Who?.Display ?? "", StringComparison.Ordinal);
        }
        var refused = events[0];
        Assert.Equal((AuditEvent.AuditEventAction.U, AuditEvent.AuditEventOutcome.N4, "update"), (refused.Action, refused.Outcome, refused.Subtype[0].Code));
        Assert.Equal("The role HospitalClinician may not change CarePlan.", refused.OutcomeDesc);
        var emergency = events[1];
        Assert.Equal((AuditEvent.AuditEventAction.R, AuditEvent.AuditEventOutcome.N0, "read"), (emergency.Action, emergency.Outcome, emergency.Subtype[0].Code));
        Assert.Equal(("ETREAT", "Unconscious on arrival"), (emergency.PurposeOfEvent[0].Coding[0].Code, emergency.PurposeOfEvent[0].Text));
    }

    [Fact]
    public async Task Staff_get_403_and_the_refusal_is_logged_a_forged_id_404_and_no_patient_400()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: false, PatientSection.AccessLog, Ct);
        using var client = await TokenClientAsync("gp.larsen");

        using var refused = await client.GetAsync($"/fhir/AuditEvent?patient={jensId}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, Assert.Single((await FhirAsync<OperationOutcome>(refused)).Issue).Code);
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: false, PatientSection.AccessLog, Ct));

        using var jensClient = await TokenClientAsync("jens");
        using var forged = await jensClient.GetAsync($"/fhir/AuditEvent?patient={Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        using var none = await jensClient.GetAsync("/fhir/AuditEvent", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        using var badCursor = await jensClient.GetAsync($"/fhir/AuditEvent?patient={jensId}&_cursor=x", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        using var anonymous = HttpSignIn.NewClient(factory);
        using var unauthorised = await anonymous.GetAsync($"/fhir/AuditEvent?patient={jensId}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }
}

public sealed class FhirAuditEventTests_Sqlite(SqliteAppFactory factory) : FhirAuditEventTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class FhirAuditEventTests_PostgreSql(PostgreSqlAppFactory factory) : FhirAuditEventTests(factory), IClassFixture<PostgreSqlAppFactory>;
