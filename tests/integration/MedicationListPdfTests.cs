using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.UnitTests.Documents;
using CareWorkspace.Web.Features.Documents;
using CareWorkspace.Web.Features.Medicines.Review;

namespace CareWorkspace.IntegrationTests;

/// <summary>The printed medication list through its endpoint, read back with PdfPig: review, CAVE register, medications with source; refusal.</summary>
public abstract class MedicationListPdfTests(CareAppFactory factory)
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
    public async Task The_GP_prints_Jens_medication_list_with_the_review_the_penicillin_allergy_and_each_drug_with_its_source()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var now = DateTimeOffset.UtcNow;
            db.MedicationEntries.Add(MedicationEntry.Imported(jensId, new MedicationDetails("Spiriva Respimat", "2,5 mikrogram/dosis", "inhalationsvæske",
                "R03BB04", "2 pust 1 gang dagligt", false, "Inhalation", "mod KOL", new DateOnly(2025, 10, 25), null, MedicationStatus.Active, "Peter Larsen", null),
                "MedicationStatement/pdf-" + Guid.NewGuid().ToString("N"), "1", now, now));
            await db.SaveChangesAsync(Ct);
        }
        await factory.CallAsync<MedicationReviewService, Guid>(s => s.MarkReviewedAsync(gp, jensId, Ct));
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Medication, Ct);

        var (response, pdf) = await DownloadAsync("gp.larsen", DocumentEndpoints.MedicationListPath(jensId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pages = PdfFacts.PageTexts(pdf);
        var flat = PdfFacts.Flat(string.Join("\n", pages));
        Assert.Contains("Medicinliste", flat, StringComparison.Ordinal);
        Assert.Contains("Sidstgennemgået", flat, StringComparison.Ordinal);
        Assert.Contains("PeterLarsen", flat, StringComparison.Ordinal);
        Assert.Contains("Allergierogintolerancer(CAVE)", flat, StringComparison.Ordinal);
        Assert.Contains("Penicilliner(J01C)", flat, StringComparison.Ordinal);
        Assert.Contains("Bekræftet", flat, StringComparison.Ordinal);
        Assert.Contains("Aktuellelægemidler", flat, StringComparison.Ordinal);
        Assert.Contains("SpirivaRespimat", flat, StringComparison.Ordinal);
        Assert.Contains("R03BB04", flat, StringComparison.Ordinal);
        Assert.Contains("FællesMedicinkort", flat, StringComparison.Ordinal);
        Assert.Contains("Pauseredelægemidler", flat, StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains($"Side {i + 1} af {pages.Count}", pages[i], StringComparison.Ordinal);
        Assert.All(PdfFacts.Fonts(pdf), f => Assert.True(f.Embedded, f.Name));
        Assert.Empty(PdfFacts.LettersOutsideThePage(pdf));
        Assert.True(await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Medication, Ct) > before);
    }

    [Fact]
    public async Task A_nurse_without_a_care_relationship_gets_403_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.Medication, Ct);

        var (response, body) = await DownloadAsync("nurse.roskilde", DocumentEndpoints.MedicationListPath(jensId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(body.AsSpan().StartsWith("%PDF"u8));
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.Medication, Ct));
    }
}

public sealed class MedicationListPdfTests_Sqlite(SqliteAppFactory factory) : MedicationListPdfTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MedicationListPdfTests_PostgreSql(PostgreSqlAppFactory factory) : MedicationListPdfTests(factory), IClassFixture<PostgreSqlAppFactory>;
