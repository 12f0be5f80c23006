using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Early detection on a tablet: a care worker records a worrying change for Jens at 768 × 1024, and the GP's open
/// pathway shows the red colour in the header and the triage section without a reload.
/// </summary>
public sealed class TriageJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public Task A_care_worker_records_a_worrying_change_for_Jens_on_a_tablet_and_the_GPs_open_pathway_turns_red() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var note = "Drikker næsten ingenting " + Guid.NewGuid().ToString("N")[..6];

        var gp = await OpenPageAsync("gp.larsen");
        await LogInAsync(gp, "gp.larsen");
        await gp.GotoAsync($"patients/{jens}/triage");
        await Expect(gp.GetByTestId("triage-section")).ToBeVisibleAsync();
        await WaitForBlazorAsync(gp);
        await gp.EvaluateAsync("() => { window.__marker = 1; }");

        var tablet = await OpenPageAsync("careworker.berg");
        await tablet.SetViewportSizeAsync(768, 1024);
        await LogInAsync(tablet, "careworker.berg");
        await tablet.GotoAsync("triage/record");
        await Expect(tablet.GetByRole(AriaRole.Heading, new() { Name = "Record changes", Level = 1 })).ToBeVisibleAsync();
        await WaitForBlazorAsync(tablet);
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(tablet, "the unit's citizens on a tablet");
        await tablet.GetByTestId("triage-citizen").Filter(new() { HasText = "Jens Jensen" }).ClickAsync();
        await Expect(tablet.GetByTestId("triage-citizen-name")).ToHaveTextAsync("Jens Jensen");
        var form = tablet.GetByTestId("change-form");
        await Expect(form).ToBeVisibleAsync();
        await WaitForBlazorAsync(tablet);

        await form.GetByTestId("changed-thirst").ClickAsync();
        await form.GetByLabel("What has changed? (Thirst)").FillAsync(note);
        await form.GetByTestId("changed-urination").ClickAsync();
        await Expect(form.GetByTestId("changed-urination")).ToHaveAttributeAsync("aria-pressed", "true");
        // A slip of the finger is refused beside the field, and the rest of the form stays as typed.
        await form.GetByLabel("Pulse", new() { Exact = true }).FillAsync("400");
        await Expect(form.GetByTestId("vital-pulse-field")).ToContainTextAsync("is not possible");
        await form.GetByLabel("Pulse", new() { Exact = true }).FillAsync("118");
        await Expect(form.GetByTestId("vital-pulse-field")).Not.ToContainTextAsync("is not possible");
        await form.GetByLabel("Respiratory rate", new() { Exact = true }).FillAsync("23");
        await form.GetByLabel("Systolic blood pressure", new() { Exact = true }).FillAsync("102");
        await form.GetByLabel("Temperature", new() { Exact = true }).FillAsync("38,8");
        await form.GetByLabel("Oxygen saturation", new() { Exact = true }).FillAsync("93");
        await form.GetByLabel("Consciousness", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Alert" });
        await Expect(form.GetByLabel("On oxygen", new() { Exact = true })).Not.ToBeCheckedAsync();

        // NEWS2: pulse 2 + respiration 2 + systolic 1 + temperature 1 + saturation 2 = 8.
        await Expect(form.GetByTestId("suggested-colour")).ToHaveAttributeAsync("data-colour", "Red");
        await Expect(form.GetByTestId("suggestion-reasons")).ToContainTextAsync("NEWS2 is 8 (5 or more)");
        await Expect(form.GetByTestId("suggestion-reasons")).ToContainTextAsync("Changed: Thirst");
        await Expect(form.GetByTestId("choose-red")).ToHaveAttributeAsync("aria-pressed", "true");
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(tablet, "the change form on a tablet");
        await form.GetByTestId("save-change-form").ClickAsync();
        await Expect(tablet.GetByTestId("triage-saved")).ToContainTextAsync("Colour: Red");

        // The GP's pathway, open all along, shows it without a reload: the header chip and the section.
        await Expect(gp.GetByTestId("header-triage-colour")).ToHaveAttributeAsync("data-colour", "Red", Live);
        await Expect(gp.GetByTestId("triage-current-colour")).ToHaveAttributeAsync("data-colour", "Red", Live);
        await Expect(gp.GetByTestId("triage-changes")).ToContainTextAsync(note);
        await Expect(gp.GetByTestId("triage-scores")).ToContainTextAsync("NEWS2 8");
        Assert.True(await gp.EvaluateAsync<bool>("() => window.__marker === 1"), "The GP's page was reloaded.");
        await ScreenshotAsync(tablet, "triage-record-tablet");
        await ScreenshotAsync(gp, "triage-pathway-gp");
    });
}
