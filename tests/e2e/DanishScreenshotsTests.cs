using CareWorkspace.Infrastructure.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>The Danish user guide's screenshots: the main screens, signed in in Danish, each showing a Danish text.</summary>
public sealed class DanishScreenshotsTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task The_GP_sees_the_patient_list_pathway_and_care_team_in_Danish() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var gp = await OpenDanishPageAsync("gp.larsen");

        await gp.GotoAsync("patients");
        await Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Patienter" })).ToBeVisibleAsync();
        await Expect(PatientRows(gp).First).ToBeVisibleAsync();
        await PublishAsync(gp, "patient-overview");

        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "overview");
        await Expect(gp.GetByRole(AriaRole.Tab, new() { Name = "Overblik", Selected = true })).ToBeVisibleAsync();
        await PublishAsync(gp, "pathway-overview");

        await gp.GetByRole(AriaRole.Tab, new() { Name = "Behandlingsteam og kontakter" }).ClickAsync();
        await Expect(gp.GetByTestId("care-team-table")).ToBeVisibleAsync();
        await Expect(gp.GetByRole(AriaRole.Button, new() { Name = "Tilføj medlem af behandlingsteamet" })).ToBeVisibleAsync();
        await PublishAsync(gp, "care-team");
        // Signing in in Danish stored Danish as gp.larsen's choice; later tests expect the English of their browsers.
        await ForgetStoredLanguageAsync("gp.larsen");
    });

    [Fact]
    public Task Jens_sees_his_inbox_in_Danish() => RunAsync(async () =>
    {
        var jens = await OpenDanishPageAsync("jens");

        await jens.GotoAsync("inbox");
        await Expect(jens.GetByTestId("inbox")).ToBeVisibleAsync();
        await WaitForBlazorAsync(jens);
        await Expect(jens.GetByText("Kræver handling").First).ToBeVisibleAsync();
        await PublishAsync(jens, "inbox");
        await ForgetStoredLanguageAsync("jens");
    });

    /// <summary>A Danish browser with the Danish language cookie, signed in through the Danish login form.</summary>
    private async Task<IPage> OpenDanishPageAsync(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        // Earlier tests sign the same demo users in from English browsers, which stores English as their choice,
        // and a stored choice wins over the browser's cookie at sign-in (SignInLanguage).
        await ForgetStoredLanguageAsync(userName);
        var page = await OpenPageAsync(userName, locale: "da-DK", languageCookie: "da-DK");
        await page.GotoAsync("account/login");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await page.GetByLabel("Brugernavn").FillAsync(userName);
        await page.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(account.DisplayName);
        await WaitForBlazorAsync(page);
        return page;
    }

    private static async Task PublishAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        DocsScreenshots.Publish(await ScreenshotAsync(page, "danish-" + name), Path.Combine("da", name + ".png"));
    }
}
