using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Home measurements end to end, over real HTTP to the app's own sandbox: the coordinator syncs the national home
/// measurements, and Jens' Measurements tab shows a chart and a table per kind with where they came from and when.
/// </summary>
public sealed class MeasurementsJourneyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Jens_Measurements_tab_shows_a_chart_and_a_table_per_kind_with_the_source_after_Sync_now() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var coordinator = await OpenPageAsync("coordinator");
        await LogInAsync(coordinator, "coordinator.dahl");
        await coordinator.GotoAsync("sync");
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "National services sync" })).ToBeVisibleAsync();
        await WaitForBlazorAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Sync now: Home measurements" }).ClickAsync();
        await Expect(coordinator.GetByTestId("sync-outcome")).ToContainTextAsync("Home measurements synced:", new() { Timeout = 30_000 });

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "measurements");

        await Expect(gp.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync("Measurements");
        await Expect(gp.GetByTestId("measurements-source")).ToContainTextAsync("From the national telemedicine infrastructure · synced");
        var spo2 = gp.GetByRole(AriaRole.Region, new() { Name = "Oxygen saturation (SpO2)" });
        await Expect(spo2.GetByTestId("measurement-chart").Locator("svg")).ToBeVisibleAsync();
        await Expect(spo2.GetByRole(AriaRole.Table, new() { Name = "Oxygen saturation (SpO2)" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        await Expect(spo2.GetByTestId("measurement-latest")).ToContainTextAsync("%");
        foreach (var kind in new[] { "Pulse", "Weight", "Lung function (FEV1)" })
            await Expect(gp.GetByRole(AriaRole.Heading, new() { Name = kind, Level = 3 })).ToBeVisibleAsync();
        await Expect(gp.GetByTestId("measurements-not-updated")).ToHaveCountAsync(0);

        await spo2.GetByRole(AriaRole.Button, new() { Name = "Show all" }).ClickAsync();
        // The rows arrive with the next render: wait for the button's new label before counting them.
        await Expect(spo2.GetByRole(AriaRole.Button, new() { Name = "Show the latest 7" })).ToBeVisibleAsync();
        Assert.True(await spo2.GetByTestId("measurement-row").CountAsync() > 7);
        await ScreenshotAsync(gp, "measurements");
    });

    [Fact]
    public Task The_open_Measurements_tab_says_not_updated_as_soon_as_a_sync_run_fails_and_clears_when_one_succeeds() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        await RunMeasurementSyncAsync();
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "measurements");
        await Expect(gp.GetByTestId("measurements-source")).ToContainTextAsync("synced");
        await Expect(gp.GetByTestId("measurements-not-updated")).ToHaveCountAsync(0);
        await gp.EvaluateAsync("() => { window.__marker = 1; }");

        // The recurring run fails while the tab is open: nothing about Jens changed, yet the tab must stop claiming to be current.
        var faults = App.Services.GetRequiredService<SandboxFaults>();
        faults.Set(NationalService.Measurements, SandboxFault.Down);
        try
        {
            await Assert.ThrowsAsync<NationalServiceException>(RunMeasurementSyncAsync);
        }
        finally
        {
            faults.ClearAll();
        }
        await Expect(gp.GetByTestId("measurements-not-updated")).ToContainTextAsync("Not updated since", new() { Timeout = 5_000 });

        await RunMeasurementSyncAsync();
        await Expect(gp.GetByTestId("measurements-not-updated")).ToHaveCountAsync(0, new() { Timeout = 5_000 });
        Assert.True(await gp.EvaluateAsync<bool>("() => window.__marker === 1"), "The GP's page was reloaded.");
    });

    private async Task RunMeasurementSyncAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MeasurementSyncJob>().RunAsync(CancellationToken.None);
    }
}
