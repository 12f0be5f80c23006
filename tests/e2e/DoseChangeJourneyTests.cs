using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The GP raises Jens' paracetamol to 5 g a day: the maximum-dose check (4 g) alerts, overriding needs a reason, and the
/// new dose with its history shows on the GP's list and live on the nurse's open tab. The dose is put back at the end.
/// </summary>
public sealed class DoseChangeJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public Task The_GP_changes_Jens_paracetamol_dose_overrides_the_maximum_dose_alert_with_a_reason_and_the_nurse_sees_it_live() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var unique = Guid.NewGuid().ToString("N")[..6];
        var higher = "2 tabletter 5 gange dagligt " + unique;
        var reason = "Knee pain flare, three days only " + unique;

        var nurse = await OpenPageAsync("nurse");
        await LogInAsync(nurse, "nurse.holm");
        await AccessibilityJourneyTests.OpenPathwayAsync(nurse, jens, "medication");
        await Expect(nurse.GetByTestId("medication-change-dose")).ToHaveCountAsync(0);

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "medication");
        var paracetamol = gp.Locator("[data-testid=medication-group][data-status=Active] [data-testid=medication-item][data-atc=N02BE01]").First;
        await Expect(paracetamol).ToBeVisibleAsync(Live);
        await paracetamol.GetByTestId("medication-change-dose").ClickAsync();
        var dialog = gp.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("change-dose-dialog")).ToBeVisibleAsync();
        await dialog.Locator("#change-dose-text").FillAsync(higher);
        await dialog.Locator("#change-dose-daily-amount").FillAsync("5000");
        await dialog.Locator("#change-dose-daily-unit").FillAsync("mg");
        await dialog.Locator("#change-dose-reason").FillAsync("Knee pain flare");
        await dialog.GetByTestId("change-dose-save").ClickAsync();

        var alert = dialog.Locator("[data-testid=medication-alert][data-rule=paracetamol]");
        await Expect(alert).ToBeVisibleAsync(Live);
        await Expect(alert).ToContainTextAsync("above the maximum");
        await dialog.GetByTestId("change-dose-save").ClickAsync();
        await Expect(dialog.GetByTestId("change-dose-error")).ToContainTextAsync("needs a reason");
        await Expect(dialog.Locator("#change-dose-text")).ToHaveValueAsync(higher);

        await dialog.Locator("#change-dose-override").FillAsync(reason);
        await dialog.GetByTestId("change-dose-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var changed = gp.Locator("[data-testid=medication-item][data-atc=N02BE01]").Filter(new() { HasText = higher });
        await Expect(changed).ToBeVisibleAsync(Live);
        await Expect(changed.Locator("[data-testid=medication-override][data-rule=paracetamol]").Filter(new() { HasText = reason })).ToBeVisibleAsync();
        await Expect(changed.GetByTestId("medication-dose-history")).ToContainTextAsync("Knee pain flare");
        await ScreenshotAsync(gp, "dose-change");

        // The nurse's tab, open all along, shows the new dose and its history.
        var onNurse = nurse.Locator("[data-testid=medication-item][data-atc=N02BE01]").Filter(new() { HasText = higher });
        await Expect(onNurse).ToBeVisibleAsync(Live);
        await Expect(onNurse.GetByTestId("medication-dose-history")).ToContainTextAsync("Peter Larsen");

        // Back to 4 g, so a rerun starts from a dose within the maximum.
        await changed.GetByTestId("medication-change-dose").ClickAsync();
        await Expect(dialog.GetByTestId("change-dose-dialog")).ToBeVisibleAsync();
        await dialog.Locator("#change-dose-text").FillAsync("2 tabletter 4 gange dagligt");
        await dialog.Locator("#change-dose-daily-amount").FillAsync("4000");
        await dialog.Locator("#change-dose-reason").FillAsync("Flare over " + unique);
        await dialog.GetByTestId("change-dose-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(gp.Locator("[data-testid=medication-item][data-atc=N02BE01] [data-testid=medication-dose-history]").Filter(new() { HasText = "Flare over " + unique }))
            .ToBeVisibleAsync(Live);
    });
}
