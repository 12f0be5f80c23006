using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The care home's worker has Gudrun Holm's schedule open on a tablet; her GP prescribes a new drug with a fixed time, and
/// the worker's open screen shows the new dose without a reload; the worker records it given with her initials. (Axe on a tablet: AccessibilityAxeTests.)
/// </summary>
public sealed class MedicationAdministrationTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    internal static Task<Guid> ResidentIdAsync(AppFixture app) => PatientIdAsync(app, "Gudrun", "Holm");

    [Fact]
    public Task The_GP_prescribes_a_drug_and_the_care_home_workers_open_schedule_shows_the_new_dose_live_and_the_worker_records_it_given() => RunAsync(async () =>
    {
        var gudrun = await ResidentIdAsync(App);
        var drug = "Amlodipin " + Guid.NewGuid().ToString("N")[..6];

        var tablet = await OpenPageAsync("care home");
        await tablet.SetViewportSizeAsync(768, 1024);
        await LogInAsync(tablet, "carehome.worker");
        await tablet.GotoAsync("care-home/administration");
        await Expect(tablet.GetByTestId("administration-residents")).ToBeVisibleAsync(Live);
        await tablet.GetByTestId("administration-resident").Filter(new() { HasText = "Gudrun Holm" }).ClickAsync();
        await Expect(tablet.GetByTestId("administration-doses")).ToBeVisibleAsync(Live);
        await WaitForBlazorAsync(tablet);
        await tablet.EvaluateAsync("() => { window.__marker = 1; }");

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await gp.GotoAsync($"patients/{gudrun}/medication");
        await WaitForBlazorAsync(gp);
        await gp.GetByTestId("prescribe-button").ClickAsync();
        var dialog = gp.GetByRole(AriaRole.Dialog, new() { Name = "Prescribe" });
        await Expect(dialog.GetByTestId("prescribe-dialog")).ToBeVisibleAsync();
        await dialog.Locator("#prescribe-drug").FillAsync(drug);
        await dialog.Locator("#prescribe-atc").FillAsync("C08CA01");
        await dialog.Locator("#prescribe-strength").FillAsync("5 mg");
        await dialog.Locator("#prescribe-form").FillAsync("tabletter");
        await dialog.Locator("#prescribe-dose").FillAsync("1 tablet kl. 0.00");
        await dialog.GetByTestId("prescribe-save").ClickAsync();
        var reason = dialog.Locator("#prescribe-reason");
        if (await reason.IsVisibleAsync())
        {
            await reason.FillAsync("Checked with the care home");
            await dialog.GetByTestId("prescribe-save").ClickAsync();
        }
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        // The worker's open schedule: the new dose, due since midnight, without a reload.
        var dose = tablet.Locator($"[data-testid=administration-dose][data-drug='{drug}']");
        await Expect(dose).ToBeVisibleAsync(Live);
        await Expect(dose.GetByTestId("administration-dose-text")).ToContainTextAsync("1 tablet kl. 0.00");
        Assert.True(await tablet.EvaluateAsync<bool>("() => window.__marker === 1"), "The worker's page was reloaded.");
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(tablet, "administration schedule");

        await Expect(tablet.Locator("#administration-initials")).ToHaveValueAsync("MF");
        await dose.GetByTestId("administration-given").ClickAsync();
        await Expect(dose).ToHaveAttributeAsync("data-state", "Given", new() { Timeout = 15_000 });
        await Expect(dose.GetByTestId("administration-dose-record")).ToContainTextAsync("MF");
        await ScreenshotAsync(tablet, "administration-schedule");
    });
}
