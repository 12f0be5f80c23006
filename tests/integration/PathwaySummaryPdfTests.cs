using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.UnitTests.Documents;
using CareWorkspace.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The pathway summary PDF through its endpoint: read back with PdfPig in the printing user's language, every section it
/// shows logged as a read, refused with 403 (and logged) for someone without access, 404 for an unknown patient.
/// </summary>
public abstract class PathwaySummaryPdfTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, byte[] Pdf)> DownloadAsync(string userName, Guid patientId, string culture)
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using (client)
        {
            var response = await client.GetAsync(DocumentEndpoints.PathwaySummaryPath(patientId) + "?culture=" + culture, Ct);
            return (response, await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task The_GP_downloads_a_Danish_summary_with_master_data_care_team_and_appointments_on_numbered_pages()
    {
        await ConsultationTestData.BookVideoAsync(factory, Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jens = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == jensId, Ct);

        var (response, pdf) = await DownloadAsync("gp.larsen", jensId, "da-DK");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var pages = PdfFacts.PageTexts(pdf);
        var all = string.Join("\n", pages);
        Assert.Contains("Forløbsoversigt til udskrivningskonference", all, StringComparison.Ordinal);
        Assert.Contains("Behandlingsteam", all, StringComparison.Ordinal);
        Assert.Contains("Egen læge", all, StringComparison.Ordinal);
        Assert.Contains("Kommende aftaler", all, StringComparison.Ordinal);
        Assert.Contains("Hvornår", all, StringComparison.Ordinal);
        Assert.Contains("Videokonsultation", all, StringComparison.Ordinal);
        Assert.Contains(jens.FullName, all, StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Side {i + 1} af {pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains($"CPR-nr. {jens.Cpr.Display}", pages[i], StringComparison.Ordinal);
            Assert.Contains("Udskrevet af", pages[i], StringComparison.Ordinal);
        }
        Assert.All(PdfFacts.Fonts(pdf), f => Assert.True(f.Embedded, f.Name));
        Assert.Empty(PdfFacts.LettersOutsideThePage(pdf));
    }

    [Fact]
    public async Task The_summary_is_in_English_for_an_English_reader()
    {
        var jensId = await factory.JensIdAsync(Ct);

        var (response, pdf) = await DownloadAsync("gp.larsen", jensId, "en-GB");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = PdfFacts.PageTexts(pdf)[0];
        Assert.Contains("Pathway summary for the discharge conference", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Forløbsoversigt", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_shows_the_latest_triage_colour_with_its_scores()
    {
        var jensId = await factory.JensIdAsync(Ct);

        var (response, pdf) = await DownloadAsync("gp.larsen", jensId, "en-GB");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = string.Join("\n", PdfFacts.PageTexts(pdf));
        Assert.Contains("Early detection", all, StringComparison.Ordinal);
        Assert.Matches(@"(Green|Yellow|Red), recorded", all);
        Assert.Contains("NEWS2 ", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_section_the_summary_shows_is_logged_as_a_read()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        PatientSection[] shown = [PatientSection.MasterData, PatientSection.CareTeam, PatientSection.Conditions, PatientSection.Calendar,
            PatientSection.CarePlan, PatientSection.Rehabilitation, PatientSection.Triage];
        var before = new Dictionary<PatientSection, int>();
        foreach (var section in shown)
            before[section] = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, section, Ct);

        var (response, _) = await DownloadAsync("gp.larsen", jensId, "en-GB");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var section in shown)
            Assert.Equal(before[section] + 1, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, section, Ct));
    }

    [Fact]
    public async Task A_nurse_without_a_care_relationship_gets_403_no_pdf_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.MasterData, Ct);

        var (response, body) = await DownloadAsync("nurse.roskilde", jensId, "en-GB");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.False(body.AsSpan().StartsWith("%PDF"u8), "a refusal must not carry a PDF");
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.MasterData, Ct));
    }

    [Fact]
    public async Task An_unknown_patient_is_404()
    {
        var (response, _) = await DownloadAsync("gp.larsen", Guid.NewGuid(), "en-GB");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class PathwaySummaryPdfTests_Sqlite(SqliteAppFactory factory) : PathwaySummaryPdfTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PathwaySummaryPdfTests_PostgreSql(PostgreSqlAppFactory factory) : PathwaySummaryPdfTests(factory), IClassFixture<PostgreSqlAppFactory>;
