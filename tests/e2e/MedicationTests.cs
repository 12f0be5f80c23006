using CareWorkspace.Infrastructure.NationalServices.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The medication section end to end: Jens' pathway open on the Medication tab at /patients/{id}/medication; the sync
/// with the Shared Medication Record (the app's own sandbox, over HTTP) brings his inhalers in without a reload, each
/// with its source, and the section says where the list comes from and when it was synced.
/// </summary>
public sealed class MedicationTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public Task Jens_medication_tab_shows_his_inhalers_from_the_shared_medication_record() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var nurse = await OpenPageAsync("nurse");
        await LogInAsync(nurse, "nurse.holm");
        await AccessibilityJourneyTests.OpenPathwayAsync(nurse, jens, "medication");
        await Expect(nurse.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync("Medication");
        await Expect(nurse.GetByTestId("medication-section")).ToBeVisibleAsync();
        await nurse.EvaluateAsync("() => { window.__marker = 1; }");

        await SyncMedicationAsync(App);

        var active = nurse.Locator("[data-testid=medication-group][data-status=Active]");
        var tiotropium = active.Locator("[data-testid=medication-item][data-atc=R03BB04]");
        var salbutamol = active.Locator("[data-testid=medication-item][data-atc=R03AC02]");
        await Expect(tiotropium).ToBeVisibleAsync(Live);
        await Expect(tiotropium).ToContainTextAsync("Spiriva Respimat");
        await Expect(tiotropium).ToContainTextAsync("Source: Shared Medication Record");
        await Expect(salbutamol).ToContainTextAsync("Airomir");
        await Expect(salbutamol).ToContainTextAsync("As needed");
        await Expect(nurse.Locator("[data-testid=medication-group][data-status=Stopped]")).ToContainTextAsync("Prednisolon");
        await Expect(nurse.GetByTestId("medication-source")).ToContainTextAsync("From the Shared Medication Record · synced ");
        Assert.True(await nurse.EvaluateAsync<bool>("() => window.__marker === 1"), "The medication section was reloaded.");
        await ScreenshotAsync(nurse, "medication");
    });

    /// <summary>Runs the medication sync as its Hangfire job would (the recurring one may already have run: the import is idempotent).</summary>
    internal static async Task SyncMedicationAsync(AppFixture app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MedicationSyncJob>().RunAsync(CancellationToken.None);
    }
}
