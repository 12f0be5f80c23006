using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.UnitTests.Documents;
using CareWorkspace.Web.Features.Documents;

namespace CareWorkspace.IntegrationTests;

/// <summary>The exercise sheet through its endpoint, read back with PdfPig: exercises, dose, a tick box per planned time each week; refusal.</summary>
public abstract class RehabilitationPlanPdfTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, byte[] Body)> DownloadAsync(string userName, string path)
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using (client)
        {
            var response = await client.GetAsync(path + "?culture=da-DK", Ct);
            return (response, await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task Jens_prints_his_exercise_sheet_with_instructions_dose_and_a_tick_table_and_the_read_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await RehabilitationTestData.MakePlanAsync(factory, jensId, Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct);

        var (response, pdf) = await DownloadAsync("jens", DocumentEndpoints.RehabilitationPlanPath(jensId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pages = PdfFacts.PageTexts(pdf);
        var flat = PdfFacts.Flat(string.Join("\n", pages));
        Assert.Contains("Træningsprogram", flat, StringComparison.Ordinal);
        Assert.Contains("Rejse-sætte-sig", flat, StringComparison.Ordinal);
        Assert.Contains("Langsomtopogned.", flat, StringComparison.Ordinal);
        Assert.Contains("3sætá10gentagelser", flat, StringComparison.Ordinal);
        Assert.Contains("20minutter", flat, StringComparison.Ordinal);
        Assert.Contains("Sætkryds,nårduhartrænet", flat, StringComparison.Ordinal);
        // Four weeks or more, one box per planned time: 3 a week for the first exercise, 5 for the walk.
        Assert.Contains("☐☐☐☐☐☐☐☐☐☐☐☐", flat, StringComparison.Ordinal);
        Assert.Contains("Uge", flat, StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"Side {i + 1} af {pages.Count}", pages[i], StringComparison.Ordinal);
        Assert.All(PdfFacts.Fonts(pdf), f => Assert.True(f.Embedded, f.Name));
        Assert.Empty(PdfFacts.LettersOutsideThePage(pdf));
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.Rehabilitation, Ct));
    }

    [Fact]
    public async Task The_pathway_summary_lists_the_rehabilitation_exercises()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await RehabilitationTestData.MakePlanAsync(factory, jensId, Ct);

        var (response, pdf) = await DownloadAsync("gp.larsen", DocumentEndpoints.PathwaySummaryPath(jensId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var flat = PdfFacts.Flat(string.Join("\n", PdfFacts.PageTexts(pdf)));
        Assert.Contains("Genoptræningsplan", flat, StringComparison.Ordinal);
        Assert.Contains("Rejse-sætte-sig", flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nurse_without_a_care_relationship_gets_403_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.Rehabilitation, Ct);

        var (response, body) = await DownloadAsync("nurse.roskilde", DocumentEndpoints.RehabilitationPlanPath(jensId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(body.AsSpan().StartsWith("%PDF"u8));
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.Rehabilitation, Ct));
    }
}

public sealed class RehabilitationPlanPdfTests_Sqlite(SqliteAppFactory factory) : RehabilitationPlanPdfTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class RehabilitationPlanPdfTests_PostgreSql(PostgreSqlAppFactory factory) : RehabilitationPlanPdfTests(factory), IClassFixture<PostgreSqlAppFactory>;
