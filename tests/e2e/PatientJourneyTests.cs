using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>A GP finds Jens and reads his overview on the pathway page; a nurse from another municipality cannot.</summary>
public sealed class PatientJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string JensCpr = "120352-1235";

    [Fact]
    public Task Gp_finds_Jens_and_sees_his_overview() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("gp");
        await LogInAsync(page, "gp.larsen");

        var appBar = page.GetByTestId("signed-in-user");
        await Expect(appBar).ToContainTextAsync("Peter Larsen");
        await Expect(appBar).ToContainTextAsync("General practitioner");

        await page.GotoAsync("patients");
        await WaitForPatientTableAsync(page);
        var jensLink = page.GetByRole(AriaRole.Link, new() { Name = "Jens Jensen", Exact = true });
        await SearchPatientsAsync(page, "Jens", async () =>
        {
            await Expect(PatientRows(page)).ToHaveCountAsync(1, new() { Timeout = 8_000 });
            await Expect(jensLink).ToBeVisibleAsync();
        });
        await Expect(PatientRows(page).First).ToContainTextAsync(JensCpr);

        await jensLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/patients/[0-9a-f-]{36}$"));
        // The address opens the live pathway page: header on top, the overview on its default tab.
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync("Overview");
        await Expect(page.GetByRole(AriaRole.Tab)).ToHaveTextAsync(["Overview", "Care team & contacts", "Messages", "Timeline", "Calendar", "Medication", "Measurements", "Care plans", "Rehabilitation", "Early detection", "Consent"]);
        var overview = page.GetByTestId("patient-overview");
        await Expect(overview.GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await Expect(overview).ToContainTextAsync($"CPR {JensCpr}");
        await Expect(overview.GetByTestId("patient-gp")).ToHaveTextAsync("Lægerne Strandvejen");

        var relatives = page.GetByTestId("relatives");
        await Expect(relatives.GetByText("Contact relatives")).ToBeVisibleAsync();
        var ulla = relatives.Locator(".mud-list-item").Filter(new() { HasText = "Ulla Jensen" });
        await Expect(ulla).ToHaveCountAsync(1);
        await Expect(ulla).ToContainTextAsync("+45 20 65 43 21");
        await Expect(ulla.Locator(".mud-chip")).ToHaveTextAsync("Contact relative");
        // Mads is a relative but not the contact relative: no marker.
        var mads = relatives.Locator(".mud-list-item").Filter(new() { HasText = "Mads Jensen" });
        await Expect(mads).ToHaveCountAsync(1);
        await Expect(mads.Locator(".mud-chip")).ToHaveCountAsync(0);

        // MudBlazor's stylesheet is applied (the app bar is a styled, fixed bar), so the screenshot shows the real look.
        await Expect(page.Locator(".mud-appbar")).ToHaveCSSAsync("position", "fixed");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var shot = await ScreenshotAsync(page, "patient-overview");
        DocsScreenshots.Publish(shot, "patient-overview.png");
    });

    [Fact]
    public Task Nurse_without_care_relationship_cannot_find_or_open_Jens() => RunAsync(async () =>
    {
        // Jens' address, as his GP's patient list links to it.
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await gp.GotoAsync("patients");
        await WaitForPatientTableAsync(gp);
        var jensLink = gp.GetByRole(AriaRole.Link, new() { Name = "Jens Jensen", Exact = true });
        await SearchPatientsAsync(gp, "Jens", () => Expect(jensLink).ToBeVisibleAsync(new() { Timeout = 8_000 }));
        var jensHref = await jensLink.GetAttributeAsync("href");
        Assert.NotNull(jensHref);
        Assert.Matches("^/?patients/[0-9a-f-]{36}$", jensHref);

        var nurse = await OpenPageAsync("nurse-roskilde");
        await LogInAsync(nurse, "nurse.roskilde");
        var appBar = nurse.GetByTestId("signed-in-user");
        await Expect(appBar).ToContainTextAsync("Birgit Sørensen");
        await Expect(appBar).ToContainTextAsync("Municipal nurse");

        await nurse.GotoAsync("patients");
        await WaitForPatientTableAsync(nurse);
        // She sees her own municipality's citizens, but not Jens: by name nor by CPR.
        await Expect(PatientRows(nurse).First).ToBeVisibleAsync();
        var noMatch = nurse.GetByTestId("patient-table").GetByText("No patients match.");
        await SearchPatientsAsync(nurse, "Jens", () => Expect(noMatch).ToBeVisibleAsync(new() { Timeout = 8_000 }));
        await Expect(PatientRows(nurse)).ToHaveCountAsync(0);
        await SearchPatientsAsync(nurse, JensCpr, () => Expect(noMatch).ToBeVisibleAsync(new() { Timeout = 8_000 }));
        await Expect(nurse.GetByText("Jens Jensen")).ToHaveCountAsync(0);

        // Opening his record directly is refused, and nothing of his record is shown.
        await nurse.GotoAsync(jensHref.TrimStart('/'));
        var denied = nurse.GetByTestId("access-denied");
        await Expect(denied.GetByText("Access denied", new() { Exact = true })).ToBeVisibleAsync();
        await WaitForBlazorAsync(nurse);
        await Expect(nurse.GetByTestId("patient-overview")).ToHaveCountAsync(0);
        await Expect(nurse.GetByTestId("pathway-header")).ToHaveCountAsync(0);
        await Expect(nurse.GetByTestId("presence-list")).ToHaveCountAsync(0);
        await Expect(nurse.GetByRole(AriaRole.Tab)).ToHaveCountAsync(0);
        await Expect(nurse.Locator("body")).Not.ToContainTextAsync(JensCpr);
        await Expect(nurse.Locator("body")).Not.ToContainTextAsync("Ulla Jensen");
        await ScreenshotAsync(nurse, "access-denied");
    });
}
