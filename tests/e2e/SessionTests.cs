using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// An account's life as the administrator and the person see it: created by an administrator, its own password
/// chosen at first sign-in, and deactivated while its pathway page is open in another browser.
/// </summary>
public sealed partial class SessionTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>A deactivation must reach the person's open page within this, without a reload.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public Task A_deactivated_users_open_pathway_shows_signed_out_and_loses_the_patient_data_without_reload() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var userName = $"gp.e2e{Guid.NewGuid().ToString("N")[..6]}";
        const string displayName = "Eva Testlæge";
        const string initialPassword = "Initial2026pw";
        const string ownPassword = "MyOwnChoice2026";
        const string laterPassword = "MyLaterChoice2026";

        // The administrator creates the account with an initial password.
        var admin = await OpenPageAsync("admin");
        await LogInAsync(admin, "admin");
        await admin.GotoAsync("admin/users");
        await Expect(admin.GetByTestId("user-table")).ToContainTextAsync("hospital.doctor");
        await admin.GetByLabel("User name").FillAsync(userName);
        await admin.GetByLabel("Display name").FillAsync(displayName);
        await ChooseAsync(admin, admin.GetByRole(AriaRole.Combobox, new() { Name = "Role" }), "General practitioner");
        await ChooseAsync(admin, admin.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" }), "Lægerne Strandvejen");
        await admin.GetByLabel("Initial password").FillAsync(initialPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        var row = admin.GetByTestId("user-table").Locator("tr").Filter(new() { HasText = userName });
        await Expect(row).ToContainTextAsync("Must choose password");

        // The GP signs in with it and must choose her own password before anything else.
        var gp = await OpenPageAsync("new-gp");
        await gp.GotoAsync("account/login");
        await gp.GetByLabel("User name").FillAsync(userName);
        await gp.GetByLabel("Password").FillAsync(initialPassword);
        await gp.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(gp).ToHaveURLAsync(ChangePasswordUrl());
        await Expect(gp.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await gp.GotoAsync($"patients/{jens}");
        await Expect(gp).ToHaveURLAsync(ChangePasswordUrl());
        await ScreenshotAsync(gp, "choose-your-password");
        await gp.GetByLabel("Current password").FillAsync(initialPassword);
        await gp.GetByLabel("New password", new() { Exact = true }).FillAsync(ownPassword);
        await gp.GetByLabel("Repeat new password").FillAsync(ownPassword);
        await gp.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(gp.GetByTestId("signed-in-user")).ToContainTextAsync(displayName);

        // Later she changes it again herself from the menu: not forced this time, so she could also go back.
        // The password page is a full page load: fill it in only once it has arrived, or the load would clear it.
        await gp.RunAndWaitForResponseAsync(
            () => gp.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync(),
            response => response.Request.IsNavigationRequest && ChangePasswordUrl().IsMatch(response.Url));
        await gp.WaitForLoadStateAsync(LoadState.Load);
        await Expect(gp.GetByTestId("keep-password")).ToBeVisibleAsync();
        await gp.GetByLabel("Current password").FillAsync(ownPassword);
        await gp.GetByLabel("New password", new() { Exact = true }).FillAsync(laterPassword);
        await gp.GetByLabel("Repeat new password").FillAsync(laterPassword);
        await gp.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Expect(gp).Not.ToHaveURLAsync(ChangePasswordUrl());
        await Expect(gp.GetByTestId("signed-in-user")).ToContainTextAsync(displayName);

        // With her own password she opens Jens' pathway.
        await gp.GotoAsync($"patients/{jens}");
        await Expect(gp.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(gp);
        await gp.EvaluateAsync("() => { window.__marker = 1; }");
        var gpUrl = gp.Url;
        // Her interaction is reported (and keeps the sign-in cookie alive); live updates alone would not be.
        var keepAlive = await gp.RunAndWaitForRequestAsync(
            () => gp.GetByTestId("pathway-header").ClickAsync(), request => request.Url.Contains("/account/keep-alive", StringComparison.Ordinal));
        Assert.Equal(204, (await keepAlive.ResponseAsync())?.Status);

        // The administrator deactivates the account: her open page signs out within seconds, without a reload.
        await admin.GotoAsync("admin/users");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Edit {userName}" }).ClickAsync();
        await admin.GetByTestId("user-editor").GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Deactivated");

        var notice = gp.GetByTestId("signed-out-notice");
        await Expect(notice).ToBeVisibleAsync(Live);
        await Expect(notice).ToContainTextAsync("Signed out");
        await Expect(notice).ToContainTextAsync("deactivated by an administrator");
        await Expect(gp.GetByTestId("pathway-header")).ToHaveCountAsync(0);
        await Expect(gp.GetByText("Jens Jensen")).ToHaveCountAsync(0);
        await Expect(gp.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        Assert.True(await gp.EvaluateAsync<bool>("() => window.__marker === 1"), "The page was reloaded.");
        Assert.Equal(gpUrl, gp.Url);
        DocsScreenshots.Publish(await ScreenshotAsync(gp, "signed-out"), "signed-out.png");

        // Her cookie no longer works, and the administration log tells other administrators what happened.
        await gp.GetByRole(AriaRole.Button, new() { Name = "Log in again" }).ClickAsync();
        await Expect(gp).ToHaveURLAsync(new Regex("/account/login"));
        await gp.GetByLabel("User name").FillAsync(userName);
        await gp.GetByLabel("Password").FillAsync(laterPassword);
        await gp.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // Refused with the same message as a wrong password, which does not reveal that the account exists.
        await Expect(gp.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(gp).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(gp.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        await gp.GotoAsync($"patients/{jens}");
        await Expect(gp).ToHaveURLAsync(new Regex("/account/login"));

        await admin.GotoAsync("admin/log");
        var entries = admin.GetByTestId("administration-log").Locator("tbody tr").Filter(new() { HasText = userName });
        await Expect(entries.Filter(new() { HasText = "Deactivated" })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { HasText = "Created account" })).ToHaveCountAsync(1);
        DocsScreenshots.Publish(await ScreenshotAsync(admin, "administration-log"), "administration-log.png");

        // The administrator cannot deactivate herself: the reason is shown and the page keeps working.
        await admin.GotoAsync("admin/users");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Edit admin", Exact = true }).ClickAsync();
        var editor = admin.GetByTestId("user-editor");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(editor.GetByTestId("user-editor-error")).ToContainTextAsync("cannot deactivate themselves");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);
        await Expect(admin.GetByTestId("signed-in-user")).ToContainTextAsync("Admin Andersen");
    });

    /// <summary>Opens a MudSelect and clicks the option with exactly this text in its popover.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open").GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/account/change-password")]
    private static partial Regex ChangePasswordUrl();
}
