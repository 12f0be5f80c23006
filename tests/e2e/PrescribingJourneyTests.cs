using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The GP prescribes ibuprofen for Jens, who takes ramipril (an ACE inhibitor, from the Shared Medication Record): the
/// checks show the interaction with why, the rule and its source; an override without a reason is refused with the input
/// kept; with a reason it is prescribed, and the nurse's open medication tab shows the new entry and its override live.
/// </summary>
public sealed class PrescribingJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public Task The_GP_prescribes_ibuprofen_sees_the_interaction_with_ramipril_overrides_it_with_a_reason_and_the_nurse_sees_it_live() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        await MedicationTests.SyncMedicationAsync(App);
        var reason = "Short course for gout, blood pressure and creatinine checked in a week " + Guid.NewGuid().ToString("N")[..6];

        var nurse = await OpenPageAsync("nurse");
        await LogInAsync(nurse, "nurse.holm");
        await AccessibilityJourneyTests.OpenPathwayAsync(nurse, jens, "medication");
        await Expect(nurse.Locator("[data-testid=medication-item][data-atc=C09AA05]")).ToBeVisibleAsync(Live);
        // The nurse reads the list and prescribes nothing.
        await Expect(nurse.GetByTestId("prescribe-button")).ToHaveCountAsync(0);
        await nurse.EvaluateAsync("() => { window.__marker = 1; }");

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "medication");
        await gp.GetByTestId("prescribe-button").ClickAsync();
        var dialog = gp.GetByRole(AriaRole.Dialog, new() { Name = "Prescribe" });
        await Expect(dialog.GetByTestId("prescribe-dialog")).ToBeVisibleAsync();
        await dialog.Locator("#prescribe-drug").FillAsync("Ibuprofen \"Orifarm\"");
        await dialog.Locator("#prescribe-atc").FillAsync("M01AE01");
        await dialog.Locator("#prescribe-strength").FillAsync("400 mg");
        await dialog.Locator("#prescribe-form").FillAsync("filmovertrukne tabletter");
        await dialog.Locator("#prescribe-dose").FillAsync("1 tablet 3 gange dagligt");
        await dialog.Locator("#prescribe-daily-amount").FillAsync("1200");
        await dialog.Locator("#prescribe-daily-unit").FillAsync("mg");
        await dialog.Locator("#prescribe-indication").FillAsync("urinsyregigt");
        await dialog.GetByTestId("prescribe-save").ClickAsync();

        // The interaction with ramipril: why, the rule, the advice and the literature.
        var alert = dialog.Locator("[data-testid=medication-alert][data-rule=nsaid-acei]");
        await Expect(alert).ToBeVisibleAsync(Live);
        await Expect(alert).ToContainTextAsync("Moderate · Interaction:");
        await Expect(alert).ToContainTextAsync("Ramipril");
        await Expect(alert).ToContainTextAsync("Rule: nsaid-acei");
        await Expect(alert).ToContainTextAsync("interaktionsdatabasen.dk");
        await ScreenshotAsync(gp, "prescribing-alert");

        // Overriding without a reason is refused, and what the GP typed stays.
        await dialog.GetByTestId("prescribe-save").ClickAsync();
        await Expect(dialog.GetByTestId("prescribe-error")).ToContainTextAsync("needs a reason");
        await Expect(dialog.Locator("#prescribe-drug")).ToHaveValueAsync("Ibuprofen \"Orifarm\"");

        await dialog.Locator("#prescribe-reason").FillAsync(reason);
        await dialog.GetByTestId("prescribe-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var overrideOnGp = gp.Locator("[data-testid=medication-override][data-rule=nsaid-acei]").Filter(new() { HasText = reason });
        await Expect(overrideOnGp).ToBeVisibleAsync(Live);
        await Expect(overrideOnGp).ToContainTextAsync("Peter Larsen");

        // The nurse's tab, open all along: the new entry with its override, and the alert next to ramipril.
        var entryOnNurse = nurse.Locator("[data-testid=medication-item][data-atc=M01AE01]").Filter(new() { HasText = reason });
        await Expect(entryOnNurse).ToBeVisibleAsync(Live);
        await Expect(entryOnNurse).ToContainTextAsync("Source: Recorded in CareWorkspace");
        await Expect(nurse.Locator("[data-testid=medication-item][data-atc=C09AA05] [data-testid=medication-alert][data-rule=nsaid-acei]").First)
            .ToBeVisibleAsync(Live);
        Assert.True(await nurse.EvaluateAsync<bool>("() => window.__marker === 1"), "The nurse's page was reloaded.");
        await ScreenshotAsync(nurse, "prescribing-live-nurse");

        // Stopped again, so a rerun starts from the same list.
        await gp.Locator("[data-testid=medication-item][data-atc=M01AE01]").Filter(new() { HasText = reason })
            .GetByTestId("medication-stop").ClickAsync();
        await Expect(gp.Locator("[data-testid=medication-group][data-status=Stopped] [data-testid=medication-item]").Filter(new() { HasText = reason }))
            .ToBeVisibleAsync(Live);
    });
}
