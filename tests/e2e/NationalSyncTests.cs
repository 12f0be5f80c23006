using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
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
    public Task A_new_discharge_notification_appears_on_Jens_open_timeline_after_Sync_now() => RunAsync(async () =>
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
}
