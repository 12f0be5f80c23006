using System.Net;
using System.Text;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.UnitTests.Documents;
using CareWorkspace.Web.Features.AccessLog;

namespace CareWorkspace.IntegrationTests.AccessLog;

/// <summary>
/// The access log exports through their endpoints: the CSV's rows and the PDF's text (read back with PdfPig), each
/// export logged as a read of the access log; another's record refused (403, logged), a forged patient id 404, an
/// inverted period 400.
/// </summary>
public abstract class AccessLogExportTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, byte[] Body)> DownloadAsync(string userName, string path)
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using (client)
        {
            var response = await client.GetAsync(path, Ct);
            return (response, await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    private static async Task<int> ExportsAsync(CareAppFactory factory, string userId, Guid patientId, string what, bool allowed)
    {
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return db.AccessRecords.Count(r => r.UserId == userId && r.PatientId == patientId && r.Section == PatientSection.AccessLog && r.What == what && r.Allowed == allowed);
    }

    [Fact]
    public async Task The_CSV_has_a_row_per_access_in_the_filter_in_Copenhagen_time_and_the_export_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = AccessLogTestData.StaffOfNewOrganisation("Mette \"Akut\"; Hansen");
        var now = AccessLogTestData.Now(factory);
        var records = Enumerable.Range(0, 2500).Select(i => AccessLogTestData.Record(doctor, jensId, now.AddMinutes(-i - 1))).ToList();
        records.Add(AccessLogTestData.Record(doctor, jensId, now.AddSeconds(-30), emergency: true, reason: "=Unconscious, allergies needed"));
        await AccessLogTestData.AddAsync(factory, records, Ct);
        var before = await ExportsAsync(factory, jens.UserId, jensId, "Access log export (CSV)", allowed: true);

        var (response, body) = await DownloadAsync("jens", AccessLogEndpoints.CsvPath(jensId, new AccessLogFilter(OrganisationId: doctor.OrganisationId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.True(body.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var lines = Encoding.UTF8.GetString(body.AsSpan(Encoding.UTF8.Preamble.Length)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("When (Copenhagen time);Who;Role;Organisation;Section;What;Action;Result;Reason recorded;Emergency access", lines[0]);
        Assert.Equal(2502, lines.Length);
        // Newest first: the emergency access, with the quoted name and a reason kept from running as a formula.
        Assert.Equal(
            $"{Copenhagen(now.AddSeconds(-30))};\"Mette \"\"Akut\"\"; Hansen\";Hospital clinician;{doctor.OrganisationName};Conditions;Conditions;Read;Allowed;'=Unconscious, allergies needed;Yes",
            lines[1]);
        Assert.StartsWith(Copenhagen(now.AddMinutes(-2500)), lines[^1], StringComparison.Ordinal);
        Assert.Equal(before + 1, await ExportsAsync(factory, jens.UserId, jensId, "Access log export (CSV)", allowed: true));
    }

    private static string Copenhagen(DateTimeOffset instant) =>
        CareWorkspace.Domain.Common.CopenhagenTime.ToCopenhagen(instant).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_PDF_lists_the_accesses_in_Danish_with_the_emergency_access_marked_and_the_export_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = AccessLogTestData.StaffOfNewOrganisation("Mette Testesen");
        var now = AccessLogTestData.Now(factory);
        await AccessLogTestData.AddAsync(factory, [
            AccessLogTestData.Record(doctor, jensId, now.AddMinutes(-3), AccessAction.Update, section: PatientSection.CarePlan, what: "Care plan"),
            AccessLogTestData.Record(doctor, jensId, now.AddMinutes(-2), emergency: true, section: PatientSection.Medication, what: "Medication", reason: "Bevidstløs ved ankomst"),
        ], Ct);
        var before = await ExportsAsync(factory, jens.UserId, jensId, "Access log export (PDF)", allowed: true);

        var (response, pdf) = await DownloadAsync("jens", AccessLogEndpoints.PdfPath(jensId, new AccessLogFilter(OrganisationId: doctor.OrganisationId)) + "&culture=da-DK");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var all = PdfFacts.Flat(string.Join("\n", PdfFacts.PageTexts(pdf)));
        Assert.Contains(PdfFacts.Flat("Hvem har set journalen"), all, StringComparison.Ordinal);
        Assert.Contains("MetteTestesen", all, StringComparison.Ordinal);
        Assert.Contains(PdfFacts.Flat("Værdispring (nødadgang): Bevidstløs ved ankomst"), all, StringComparison.Ordinal);
        Assert.Contains("Ændret", all, StringComparison.Ordinal);
        Assert.Contains("JensJensen", all, StringComparison.Ordinal);
        Assert.Equal(before + 1, await ExportsAsync(factory, jens.UserId, jensId, "Access log export (PDF)", allowed: true));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("pdf")]
    public async Task Staff_asking_for_the_patients_access_log_get_403_and_the_refusal_is_logged(string kind)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var what = kind == "csv" ? "Access log export (CSV)" : "Access log export (PDF)";
        var before = await ExportsAsync(factory, gp.UserId, jensId, what, allowed: false);

        var (response, body) = await DownloadAsync("gp.larsen", kind == "csv" ? AccessLogEndpoints.CsvPath(jensId, new()) : AccessLogEndpoints.PdfPath(jensId, new()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("When (Copenhagen time)", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(before + 1, await ExportsAsync(factory, gp.UserId, jensId, what, allowed: false));
    }

    [Fact]
    public async Task A_relative_without_the_access_log_in_the_consent_is_refused_the_export()
    {
        var (response, _) = await DownloadAsync("ulla", AccessLogEndpoints.CsvPath(await factory.JensIdAsync(Ct), new()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_patient_id_is_404_and_an_inverted_period_400()
    {
        var (forged, _) = await DownloadAsync("jens", AccessLogEndpoints.CsvPath(Guid.NewGuid(), new()));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        var jensId = await factory.JensIdAsync(Ct);
        var (inverted, body) = await DownloadAsync("jens", $"/my/access-log/{jensId}/access-log.pdf?from=2026-11-20&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
        Assert.Contains(AccessLogFilter.InvertedPeriod, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }
}

public sealed class AccessLogExportTests_Sqlite(SqliteAppFactory factory) : AccessLogExportTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessLogExportTests_PostgreSql(PostgreSqlAppFactory factory) : AccessLogExportTests(factory), IClassFixture<PostgreSqlAppFactory>;
