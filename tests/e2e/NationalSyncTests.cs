using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.Persistence;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The national sync end to end, over real HTTP to the app's own sandbox: a discharge notification placed in the sandbox
/// reaches the GP's open timeline of Jens without a reload once the coordinator presses Sync now.
/// </summary>
public sealed class NationalSyncTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public System.Threading.Tasks.Task A_new_discharge_notification_appears_on_Jens_open_timeline_after_Sync_now() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "timeline");
        await Expect(gp.GetByTestId("timeline")).ToBeVisibleAsync();
        await gp.EvaluateAsync("() => { window.__marker = 1; }");
        var discharge = gp.GetByTestId("timeline").GetByText("Discharged from " + SandboxSeed.HospitalName);
        var before = await discharge.CountAsync();

        var now = DateTimeOffset.UtcNow;
        App.Services.GetRequiredService<SandboxStore>().Place(NationalService.HospitalNotifications,
            SandboxMessages.HospitalNotification("e2e-" + Guid.NewGuid().ToString("N"), DemoDataSeeder.JensCpr, "Jensen", DemoOrganisations.HospitalSor,
                SandboxSeed.HospitalName, DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, now.AddDays(-3), now.AddMinutes(-5)),
            DemoDataSeeder.JensCpr);

        var coordinator = await OpenPageAsync("coordinator");
        await LogInAsync(coordinator, "coordinator.dahl");
        await coordinator.GotoAsync("sync");
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "National services sync" })).ToBeVisibleAsync();
        await WaitForBlazorAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Sync now: Hospital notifications" }).ClickAsync();
        await Expect(coordinator.GetByTestId("sync-outcome")).ToContainTextAsync("Hospital notifications synced:", new() { Timeout = 30_000 });

        await Expect(discharge).ToHaveCountAsync(before + 1, new() { Timeout = Live.Timeout });
        Assert.True(await gp.EvaluateAsync<bool>("() => window.__marker === 1"), "The GP's timeline was reloaded.");
        await ScreenshotAsync(coordinator, "national-sync");
    });

    [Fact]
    public System.Threading.Tasks.Task Opening_Jens_stale_medication_fetches_it_in_the_background_and_a_new_prescription_appears_without_a_reload() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var drugName = "Amlodipin " + Guid.NewGuid().ToString("N")[..6];
        // Nothing fetched lately, neither for Jens nor by a complete run: his medication is older than RefreshOnOpenAfter.
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync())
        {
            await db.PatientRefreshes.Where(r => r.PatientId == jens && r.Service == NationalService.Medication).ExecuteDeleteAsync();
            await db.SyncStates.Where(s => s.Service == NationalService.Medication).ExecuteDeleteAsync();
        }
        var today = Domain.Common.CopenhagenTime.Today(TimeProvider.System);
        App.Services.GetRequiredService<SandboxStore>().Place(NationalService.Medication,
            SandboxMedications.Statement("e2e-" + Guid.NewGuid().ToString("N"), new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) },
                SandboxMedications.Drug("C08CA01", drugName, "tabletter", 5m, "mg", null), "1 tablet dagligt", asNeeded: false, "Oral anvendelse",
                "forhøjet blodtryk", today.AddDays(-1), null, MedicationStatement.MedicationStatusCodes.Active, new ResourceReference { Display = "Test" }).ToJson(),
            DemoDataSeeder.JensCpr);

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "medication");
        await gp.EvaluateAsync("() => { window.__marker = 1; }");

        // Opening the pathway asked for the fetch; the job imports it and the open section shows it.
        var prescription = gp.GetByTestId("medication-item").Filter(new() { HasText = drugName });
        await Expect(prescription).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(prescription.GetByTestId("medication-provenance")).ToContainTextAsync("Shared Medication Record");
        await Expect(gp.GetByTestId("medication-source")).ToContainTextAsync("synced");
        Assert.True(await gp.EvaluateAsync<bool>("() => window.__marker === 1"), "The GP's page was reloaded.");
    });
}
