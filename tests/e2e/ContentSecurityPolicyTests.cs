using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The app works under its Content-Security-Policy in a real browser: the login page, the live circuit and the
/// pathway page with MudBlazor's tabs and dialogs run without a single CSP violation.
/// </summary>
public sealed class ContentSecurityPolicyTests(AppFixture app) : BrowserTest(app)
{
    [Fact]
    public Task Login_and_the_pathway_page_run_without_CSP_violations() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("coordinator");
        var consoleViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                consoleViolations.Add(message.Text);
        };
        // Runs before any page script, outside the page's CSP, and records every violation the browser reports.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
            """);

        var login = await page.GotoAsync("account/login");
        Assert.Contains("script-src 'self' 'nonce-", await login!.HeaderValueAsync("content-security-policy"));
        await LogInAsync(page, "coordinator.dahl");
        await Violations(page, consoleViolations);

        await page.GotoAsync($"patients/{await JensIdAsync()}");
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(page);
        // Interactive parts: switching tabs and opening a MudBlazor dialog go over the circuit's WebSocket and MudBlazor's JS.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Care team & contacts" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add care team member" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add care team member" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Timeline", Selected = true })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(await Violations(page, consoleViolations));
    });

    private static async Task<List<string>> Violations(IPage page, List<string> consoleViolations)
    {
        var reported = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        var all = reported.Concat(consoleViolations).ToList();
        Assert.True(all.Count == 0, "CSP violations:\n" + string.Join("\n", all));
        return all;
    }
}
