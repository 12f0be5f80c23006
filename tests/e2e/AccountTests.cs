using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>Signing in and out, and addresses that do not exist.</summary>
public sealed class AccountTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Wrong_password_unknown_page_and_sign_out() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("nurse-holm");

        // A wrong password keeps the visitor on the login page with a plain message.
        await page.GotoAsync("account/login");
        await page.GetByLabel("User name").FillAsync("nurse.holm");
        await page.GetByLabel("Password").FillAsync("NotThePassword1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // The same words for a wrong password, an unknown name and a locked account, so they tell nothing about the accounts.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong user name or password.");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("an account is locked for 15 minutes");
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "login-wrong-password");

        // An unknown address answers 404 with the app's own page, before and after signing in.
        var response = await page.GotoAsync("no/such/page");
        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();

        await LogInAsync(page, "nurse.holm");
        response = await page.GotoAsync("patients/not-a-patient/at-all");
        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "page-not-found");

        // Sign out returns to the login page, and the patient list then asks for a login again.
        await page.GotoAsync("patients");
        await WaitForPatientTableAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);

        await page.GotoAsync("patients");
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
    });
}
