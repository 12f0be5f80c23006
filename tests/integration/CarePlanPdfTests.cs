using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.UnitTests.Documents;
using CareWorkspace.Web.Features.CarePlans;
using CareWorkspace.Web.Features.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The printed care plan through its endpoint, read back with PdfPig: goals, activities (a long table repeats its header
/// row), notes with Danish letters, the plan's version in the footer; the active plan in the pathway summary; refusal.
/// </summary>
public abstract class CarePlanPdfTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string DanishNote = "Jens går en tur på 20 minutter hver dag. ÆBLER, ØL OG ÅL: æøå.";

    private async Task<T> Plans<T>(Func<CarePlanService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CarePlanService>());
    }

    private async Task<CarePlanView> PlanAsync(Actor actor, Guid patientId, Guid planId) =>
        (await Plans(s => s.GetAsync(actor, patientId, Ct))).Plans.Single(p => p.Id == planId);

    private async Task<CarePlanView> EditAsync(Actor actor, Guid patientId, Guid planId, CarePlanEdit edit)
    {
        var plan = await PlanAsync(actor, patientId, planId);
        await Plans(async s => { await s.ChangeAsync(actor, patientId, planId, plan.Version, edit, Ct); return 0; });
        return await PlanAsync(actor, patientId, planId);
    }

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
    public async Task The_printed_care_plan_has_goals_many_activities_across_pages_with_the_header_row_repeated_and_the_plan_version()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Plans(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        await EditAsync(gp, jensId, id, new ChangePlanStatus(CarePlanStatus.Active));
        await EditAsync(gp, jensId, id, new AddNote(DanishNote));
        for (var i = 1; i <= 40; i++)
            await EditAsync(gp, jensId, id, new AddActivity(new ActivityInput($"Træningsaktivitet nummer {i}", null, "Havby Genoptræning", Sector.Municipality, "Tirsdag og torsdag", ActivityStatus.Scheduled, null)));
        var plan = await PlanAsync(gp, jensId, id);

        var (response, pdf) = await DownloadAsync("gp.larsen", DocumentEndpoints.CarePlanPath(jensId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pages = PdfFacts.PageTexts(pdf);
        var all = string.Join("\n", pages);
        Assert.True(pages.Count >= 2, $"40 activities and the goals should need two pages or more, got {pages.Count}");
        var flat = PdfFacts.Flat(all);
        Assert.Contains(plan.Title, all, StringComparison.Ordinal);
        Assert.Contains("Stopsmoking", flat, StringComparison.Ordinal);
        Assert.Contains("Annualcheck-upwithspirometry", flat, StringComparison.Ordinal);
        Assert.Contains(PdfFacts.Flat(DanishNote), flat, StringComparison.Ordinal);
        // The template's measurements to follow, under their Danish heading.
        Assert.Contains("Målinger,derfølges", flat, StringComparison.Ordinal);
        Assert.Contains("Oxygensaturation%Threetimesaweek", flat, StringComparison.Ordinal);
        Assert.Contains($"{plan.Revision}, ændret", all, StringComparison.Ordinal);
        // The activities table continues on a later page, which starts again with its header row.
        var continued = pages.Skip(1).Where(p => PdfFacts.Flat(p).Contains("Træningsaktivitetnummer40", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(continued);
        Assert.All(continued, p => Assert.Contains("AktivitetAnsvarligHvornårStatus", PdfFacts.Flat(p), StringComparison.Ordinal));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Side {i + 1} af {pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains("Planversion", pages[i], StringComparison.Ordinal);
            Assert.Contains("Forløbsplan", pages[i], StringComparison.Ordinal);
        }
        Assert.All(PdfFacts.Fonts(pdf), f => Assert.True(f.Embedded, f.Name));
        Assert.Empty(PdfFacts.LettersOutsideThePage(pdf));
    }

    [Fact]
    public async Task The_pathway_summary_shows_the_active_care_plan_and_logs_the_care_plan_read()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Plans(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        var plan = await EditAsync(gp, jensId, id, new ChangePlanStatus(CarePlanStatus.Active));
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.CarePlan, Ct);

        var (response, pdf) = await DownloadAsync("gp.larsen", DocumentEndpoints.PathwaySummaryPath(jensId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = string.Join("\n", PdfFacts.PageTexts(pdf));
        Assert.Contains("Aktive forløbsplaner", all, StringComparison.Ordinal);
        Assert.Contains($"{plan.Title} (version {plan.Revision}", all, StringComparison.Ordinal);
        Assert.Contains("Stopsmoking", PdfFacts.Flat(all), StringComparison.Ordinal);
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.CarePlan, Ct));
    }

    [Fact]
    public async Task A_nurse_without_a_care_relationship_gets_403_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.CarePlan, Ct);

        var (response, body) = await DownloadAsync("nurse.roskilde", DocumentEndpoints.CarePlanPath(jensId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(body.AsSpan().StartsWith("%PDF"u8));
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.CarePlan, Ct));
    }
}

public sealed class CarePlanPdfTests_Sqlite(SqliteAppFactory factory) : CarePlanPdfTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class CarePlanPdfTests_PostgreSql(PostgreSqlAppFactory factory) : CarePlanPdfTests(factory), IClassFixture<PostgreSqlAppFactory>;
