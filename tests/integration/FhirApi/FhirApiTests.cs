using System.Net;
using System.Net.Http.Headers;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.ApiTokens;
using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Account;
using CareWorkspace.Web.Features.Consents;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.IntegrationTests.FhirApi;

/// <summary>
/// Our read-only FHIR R4 API: signed in by cookie or personal API token, every answer application/fhir+json and valid R4
/// (Firely validator), the same access rules and access log as the screens, and refusals as OperationOutcomes.
/// </summary>
public abstract class FhirApiTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string EverythingPath(Guid patientId) => $"/fhir/Patient/{patientId}/$everything";

    private async Task<NewApiToken> MakeTokenAsync(string userName, int days = 30)
    {
        var actor = await factory.ActorAsync(userName, Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(actor, "Test " + Guid.NewGuid().ToString("N")[..6], days, Ct);
    }

    private HttpClient BearerClient(string secret)
    {
        var client = HttpSignIn.NewClient(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<T> FhirAsync<T>(HttpResponseMessage response) where T : Resource
    {
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(StrictFhirParser.TryParse(json, out var resource, out var reason), reason);
        return Assert.IsType<T>(resource);
    }

    private static async Task<OperationOutcome> RefusalAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var outcome = await FhirAsync<OperationOutcome>(response);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, Assert.Single(outcome.Issue).Severity);
        return outcome;
    }

    [Fact]
    public void The_validator_used_here_finds_errors_in_an_invalid_resource()
    {
        // An Appointment without status and participants, and a Goal without its required description and subject.
        Assert.NotEmpty(FhirValidation.ErrorsOf(new Appointment { Id = "broken" }));
        Assert.NotEmpty(FhirValidation.ErrorsOf(new Goal { Id = "broken", LifecycleStatus = Goal.GoalLifecycleStatus.Active }));
    }

    [Fact]
    public async Task Metadata_is_a_valid_CapabilityStatement_offering_Patient_read_and_everything()
    {
        using var client = HttpSignIn.NewClient(factory);
        using var response = await client.GetAsync("/fhir/metadata", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statement = await FhirAsync<CapabilityStatement>(response);
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        var patient = Assert.Single(Assert.Single(statement.Rest).Resource, r => r.Type == "Patient");
        Assert.Contains(patient.Operation, o => o.Name == "everything");
        Assert.Empty(FhirValidation.ErrorsOf(statement));
    }

    [Fact]
    public async Task The_GP_reads_Jens_by_cookie_and_by_token_with_his_CPR_and_each_read_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.MasterData, Ct);

        var (cookieClient, _) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        using (cookieClient)
        {
            using var response = await cookieClient.GetAsync($"/fhir/Patient/{jensId}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var patient = await FhirAsync<Patient>(response);
            Assert.Equal(jensId.ToString("D"), patient.Id);
            Assert.Contains(patient.Identifier, i => i.System == DkIdentifiers.Cpr && i.Value == CareWorkspace.Infrastructure.Demo.DemoDataSeeder.JensCpr.Replace("-", "", StringComparison.Ordinal));
            Assert.Contains(patient.GeneralPractitioner, r => r.Identifier?.System == DkIdentifiers.Sor);
            Assert.Empty(FhirValidation.ErrorsOf(patient));
        }
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.MasterData, Ct));

        var token = await MakeTokenAsync("gp.larsen");
        using (var tokenClient = BearerClient(token.Secret))
        {
            using var response = await tokenClient.GetAsync($"/fhir/Patient/{jensId}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Jensen", (await FhirAsync<Patient>(response)).Name.Single().Family);
        }
        Assert.Equal(before + 2, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.MasterData, Ct));
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.NotNull((await db.PersonalApiTokens.SingleAsync(t => t.Id == token.Id, Ct)).LastUsedAt);
    }

    [Fact]
    public async Task Everything_for_Jens_as_the_GP_holds_every_section_as_valid_R4_and_logs_each_section()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TriageService>().RecordAsync(worker, jensId, new ChangeFormInput(
                [new ItemAnswer("mood", false)],
                new VitalSigns(Pulse: 88, RespiratoryRate: 16, SystolicBloodPressure: 130, Temperature: 37.1m, OxygenSaturation: 95, Consciousness: Consciousness.Alert),
                ConfirmedColour: null), Ct);
        }
        var now = DateTimeOffset.UtcNow;
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.MedicationEntries.Add(MedicationEntry.Imported(jensId, new MedicationDetails("Spiriva Respimat", "2,5 mikrogram/dosis", "inhalationsspray", "R03BB04",
                "2 pust 1 gang dagligt", false, "inhalation", "KOL", new DateOnly(2025, 10, 1), null, MedicationStatus.Active, "Lægerne Strandvejen", null),
                "MedicationStatement/fhir-test-" + Guid.NewGuid().ToString("N"), "1", now, now));
            db.HomeMeasurements.Add(new HomeMeasurement(jensId, MeasurementKind.OxygenSaturation, "http://loinc.org|59408-5", "Oxygen saturation", 94m, "%",
                now.AddHours(-2), "Observation/fhir-test-" + Guid.NewGuid().ToString("N"), "1", now));
            await db.SaveChangesAsync(Ct);
        }
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Messages, Ct);

        var token = await MakeTokenAsync("gp.larsen");
        using var client = BearerClient(token.Secret);
        using var response = await client.GetAsync(EverythingPath(jensId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await FhirAsync<Bundle>(response);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var types = bundle.Entry.Select(e => e.Resource!.TypeName).ToHashSet();
        foreach (var expected in new[] { "Patient", "RelatedPerson", "CareTeam", "Condition", "Appointment", "CarePlan", "Goal", "Observation", "Communication", "MedicationStatement" })
            Assert.Contains(expected, types);
        var spiriva = bundle.Entry.Select(e => e.Resource).OfType<MedicationStatement>().Single(m => m.Medication is CodeableConcept { Text: { } text } && text.StartsWith("Spiriva", StringComparison.Ordinal));
        Assert.Equal("R03BB04", ((CodeableConcept)spiriva.Medication).Coding.Single().Code);
        Assert.Contains(bundle.Entry.Select(e => e.Resource).OfType<Observation>(), o => o.Code.Coding.Any(c => c.Code == "59408-5") && o.Value is Quantity { Value: 94m, Code: "%" });
        Assert.Contains(bundle.Entry.Select(e => e.Resource).OfType<Observation>(), o => o.Code.Coding.Any(c => c.Code == "tobs"));
        var careTeam = bundle.Entry.Select(e => e.Resource).OfType<CareTeam>().Single();
        Assert.All(careTeam.Participant, p => Assert.Equal(DkIdentifiers.Sor, p.Member?.Identifier?.System));
        Assert.All(bundle.Entry, e => Assert.StartsWith("http", e.FullUrl, StringComparison.Ordinal));

        var errors = bundle.Entry.SelectMany(e => FhirValidation.ErrorsOf(e.Resource!)).Concat(FhirValidation.ErrorsOf(bundle)).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Messages, Ct));
    }

    [Fact]
    public async Task A_relative_with_consent_to_the_care_team_only_gets_the_care_team_and_nothing_else()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, userName, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ConsentService>().GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.CareTeam], null, null), Ct);

        var (client, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using (client)
        {
            using var response = await client.GetAsync(EverythingPath(jensId), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bundle = await FhirAsync<Bundle>(response);
            var types = bundle.Entry.Select(e => e.Resource!.TypeName).ToHashSet();
            Assert.Contains("CareTeam", types);
            foreach (var absent in new[] { "RelatedPerson", "Condition", "Appointment", "CarePlan", "Goal", "Observation", "Communication" })
                Assert.DoesNotContain(absent, types);
            var patient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single();
            Assert.Empty(patient.Identifier);
            Assert.Null(patient.BirthDate);

            using var personal = await client.GetAsync($"/fhir/Patient/{jensId}", Ct);
            await RefusalAsync(personal, HttpStatusCode.Forbidden);
        }
        Assert.Equal(0, await AccessTestData.CountRecordsAsync(factory, relative.UserId, jensId, allowed: true, PatientSection.Messages, Ct));
        Assert.True(await AccessTestData.CountRecordsAsync(factory, relative.UserId, jensId, allowed: true, PatientSection.CareTeam, Ct) > 0);
    }

    [Fact]
    public async Task An_unrelated_nurse_gets_403_an_unknown_patient_404_and_no_credentials_401()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var refusedBefore = await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.MasterData, Ct);
        var token = await MakeTokenAsync("nurse.roskilde");
        using var client = BearerClient(token.Secret);

        using var forbidden = await client.GetAsync(EverythingPath(jensId), Ct);
        var outcome = await RefusalAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, outcome.Issue.Single().Code);
        Assert.DoesNotContain("Jensen", await forbidden.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(refusedBefore + 1, await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.MasterData, Ct));

        using var unknown = await client.GetAsync($"/fhir/Patient/{Guid.NewGuid()}", Ct);
        Assert.Equal(OperationOutcome.IssueType.NotFound, (await RefusalAsync(unknown, HttpStatusCode.NotFound)).Issue.Single().Code);
        using var notAnId = await client.GetAsync("/fhir/Patient/not-a-patient", Ct);
        await RefusalAsync(notAnId, HttpStatusCode.NotFound);

        using var anonymous = HttpSignIn.NewClient(factory);
        using var unauthenticated = await anonymous.GetAsync($"/fhir/Patient/{jensId}", Ct);
        Assert.Equal(OperationOutcome.IssueType.Login, (await RefusalAsync(unauthenticated, HttpStatusCode.Unauthorized)).Issue.Single().Code);
        Assert.Contains("Bearer", unauthenticated.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_an_expired_and_a_made_up_token_get_401_with_the_reason()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var revoked = await MakeTokenAsync("gp.larsen");
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(gp, revoked.Id, Ct);
        var clock = factory.Services.GetRequiredService<TimeProvider>();
        var (expired, expiredSecret) = PersonalApiToken.Create(gp.UserId, "Old script", TimeSpan.FromDays(1), clock.GetUtcNow().AddDays(-2));
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.PersonalApiTokens.Add(expired);
            await db.SaveChangesAsync(Ct);
        }
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.MasterData, Ct);

        foreach (var (secret, reason) in new[]
        {
            (revoked.Secret, "revoked"),
            (expiredSecret, "expired"),
            (PersonalApiToken.Prefix + new string('A', 43), "not known"),
            ("not-a-token", "not a CareWorkspace API token"),
        })
        {
            using var client = BearerClient(secret);
            using var response = await client.GetAsync($"/fhir/Patient/{jensId}", Ct);
            var outcome = await RefusalAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains(reason, outcome.Issue.Single().Diagnostics ?? "", StringComparison.Ordinal);
        }
        Assert.Equal(before, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.MasterData, Ct));
    }

    [Fact]
    public async Task A_token_of_a_deactivated_account_or_one_whose_password_an_administrator_set_gets_401()
    {
        var jensId = await factory.JensIdAsync(Ct);
        foreach (var (change, reason) in new (Action<CareUser>, string)[]
        {
            (u => u.Deactivated = true, "deactivated"),
            (u => u.MustChangePassword = true, "must choose a new password"),
        })
        {
            var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
            NewApiToken token;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(relative, "Script", 30, Ct);
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
                var user = await users.FindByIdAsync(relative.UserId);
                change(user!);
                await users.UpdateAsync(user!);
            }
            using var client = BearerClient(token.Secret);
            using var response = await client.GetAsync($"/fhir/Patient/{jensId}", Ct);
            var outcome = await RefusalAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains(reason, outcome.Issue.Single().Diagnostics ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_opens_no_page_of_the_app_and_the_cookie_is_not_used_when_a_token_is_sent()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var token = await MakeTokenAsync("gp.larsen");
        using var client = BearerClient(token.Secret);

        using var page = await client.GetAsync("/patients", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("account/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var download = await client.GetAsync($"/patients/{jensId}/calendar.ics", Ct);
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);

        var (cookieClient, _) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        using (cookieClient)
        {
            cookieClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
            using var response = await cookieClient.GetAsync($"/fhir/Patient/{jensId}", Ct);
            await RefusalAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Tokens_are_stored_hashed_listed_for_their_owner_only_and_revoked_only_by_them()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var token = await MakeTokenAsync("gp.larsen", days: 90);
        await using var scope = factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();

        Assert.True(PersonalApiToken.IsWellFormed(token.Secret));
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var stored = await db.PersonalApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Id, Ct);
            Assert.Equal(PersonalApiToken.HashOf(token.Secret), stored.TokenHash);
            Assert.DoesNotContain(token.Secret, stored.TokenHash, StringComparison.Ordinal);
        }
        Assert.Contains(await tokens.ListMineAsync(gp, Ct), t => t.Id == token.Id);
        Assert.DoesNotContain(await tokens.ListMineAsync(nurse, Ct), t => t.Id == token.Id);
        await Assert.ThrowsAsync<Domain.Common.DomainException>(() => tokens.RevokeAsync(nurse, token.Id, Ct));
        await tokens.RevokeAsync(gp, token.Id, Ct);
        Assert.DoesNotContain(await tokens.ListMineAsync(gp, Ct), t => t.Id == token.Id);
    }
}

public sealed class FhirApiTests_Sqlite(SqliteAppFactory factory) : FhirApiTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class FhirApiTests_PostgreSql(PostgreSqlAppFactory factory) : FhirApiTests(factory), IClassFixture<PostgreSqlAppFactory>;
