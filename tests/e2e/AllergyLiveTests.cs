using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>The allergy (CAVE) register end to end: a GP records an allergy and another open pathway of Jens shows it in the banner live.</summary>
public sealed class AllergyLiveTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public Task A_GP_records_an_allergy_and_the_hospital_doctors_open_pathway_shows_it_in_the_CAVE_banner_live() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var doctor = await OpenPageAsync("hospital-doctor");
        await LogInAsync(doctor, "hospital.doctor");
        await AccessibilityJourneyTests.OpenPathwayAsync(doctor, jens, "care-team");
        // The demo's penicillin allergy is in the banner from the start.
        await Expect(doctor.GetByTestId("cave-banner")).ToContainTextAsync("Penicilliner (J01C)");
        // A named region a screen reader finds; the live region beside it says nothing on opening the page.
        await Expect(doctor.GetByRole(AriaRole.Region, new() { Name = "Penicilliner (J01C) (confirmed, moderate)" })).ToBeVisibleAsync();
        await Expect(doctor.GetByTestId("cave-announcement")).ToHaveTextAsync("");
        await doctor.EvaluateAsync("() => window.__marker = 1");

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "medication");
        await gp.GetByTestId("allergy-add").ClickAsync();
        var editor = gp.GetByTestId("allergy-editor");
        await Expect(editor).ToBeVisibleAsync();
        await gp.Locator("#allergy-substance").FillAsync("Ibuprofen");
        await gp.Locator("#allergy-atc").FillAsync("M01AE01");
        await gp.Locator("#allergy-reaction").FillAsync("Bronchospasm");
        await gp.GetByTestId("allergy-save").ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);
        await Expect(gp.GetByTestId("allergy-name").Filter(new() { HasText = "Ibuprofen (M01AE01)" })).ToBeVisibleAsync();

        await Expect(doctor.GetByTestId("cave-entry").Filter(new() { HasText = "Ibuprofen (M01AE01) — suspected, moderate: Bronchospasm" }))
            .ToBeVisibleAsync(Live);
        Assert.True(await doctor.EvaluateAsync<bool>("() => window.__marker === 1"), "The doctor's page was reloaded.");
        await Expect(doctor.GetByTestId("cave-announcement")).ToHaveTextAsync("Allergy added: Ibuprofen (M01AE01) (suspected, moderate)");
    });
}
