using CareWorkspace.Infrastructure.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>Danish by default, English one click away, remembered per browser and per person (ADR-005).</summary>
public sealed class LanguageTests(AppFixture app) : BrowserTest(app)
{
    // Not used by other browser tests: this test changes the person's stored language (and leaves it English).
    private const string UserName = "gp.secretary";

    [Fact]
    public Task Danish_by_default_the_switch_to_English_follows_the_person_to_a_new_browser() => RunAsync(async () =>
    {
        var display = DemoAccounts.All.Single(a => a.UserName == UserName).DisplayName;
        // Never chose: another test's English sign-in may have stored English for this person.
        await ForgetStoredLanguageAsync(UserName);

        // A Danish browser that never chose: the sign-in page is Danish.
        var first = await OpenPageAsync("first-browser", locale: "da-DK", languageCookie: null);
        await first.GotoAsync("account/login");
        await Expect(first.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "Log ind" })).ToBeVisibleAsync();
        await ScreenshotAsync(first, "language-login-danish");

        await LogInWithFormAsync(first, "Brugernavn", "Adgangskode", "Log ind", display);
        await first.GotoAsync("patients");
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Patienter" })).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "Log ud", Exact = true })).ToBeVisibleAsync();

        // One click: the page reloads in English, on the same page.
        await first.GetByTestId("language-en").ClickAsync();
        await Expect(first.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/patients$"));
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Patients" })).ToBeVisibleAsync();
        await Expect(first.GetByTestId("language-en")).ToHaveAttributeAsync("aria-pressed", "true");
        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(first).ToHaveURLAsync(LoginUrl());
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeVisibleAsync();

        // Another browser, also Danish and without a choice: Danish until the person signs in, then their English.
        var second = await OpenPageAsync("second-browser", locale: "da-DK", languageCookie: null);
        await second.GotoAsync("account/login");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Log ind" })).ToBeVisibleAsync();
        await LogInWithFormAsync(second, "Brugernavn", "Adgangskode", "Log ind", display);
        await second.GotoAsync("patients");
        await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Patients" })).ToBeVisibleAsync();

        // And back: Danish texts and Danish-named buttons with their own lang attribute.
        await second.GetByTestId("language-da").ClickAsync();
        await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Patienter" })).ToBeVisibleAsync();
        await Expect(second.GetByTestId("language-en")).ToHaveAttributeAsync("lang", "en");
        await ScreenshotAsync(second, "language-patients-danish");
        await second.GetByTestId("language-en").ClickAsync();
        await Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "en");
    });

    [Theory]
    [InlineData("xx-YY", "account/login")]
    [InlineData(null, "account/login?culture=xx-YY")]
    [InlineData("garbage|||", "account/login?culture=%3Cb%3E")]
    public Task An_unknown_culture_falls_back_to_Danish(string? cookie, string path) => RunAsync(async () =>
    {
        // A browser whose own language we do not offer either, so nothing else decides.
        var page = await OpenPageAsync("unknown-culture", locale: "fr-FR", languageCookie: cookie);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log ind" })).ToBeVisibleAsync();
    });

    private static async Task LogInWithFormAsync(IPage page, string userLabel, string passwordLabel, string button, string displayName)
    {
        await page.GetByLabel(userLabel).FillAsync(UserName);
        await page.GetByLabel(passwordLabel, new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(displayName);
        await WaitForBlazorAsync(page);
    }
}
