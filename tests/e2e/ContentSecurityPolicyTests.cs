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
        var consoleViolations = await RecordViolationsAsync(page);

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

    /// <summary>Hangfire's dashboard at /jobs runs its own scripts and styles under the app's CSP, for an administrator.</summary>
    [Fact]
    public Task The_jobs_dashboard_renders_with_its_scripts_and_styles_without_CSP_violations() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("admin");
        var consoleViolations = await RecordViolationsAsync(page);
        await LogInAsync(page, "admin");

        var dashboard = await page.GotoAsync("jobs");
        Assert.Equal(200, dashboard!.Status);
        Assert.Contains("script-src 'self' 'nonce-", await dashboard.HeaderValueAsync("content-security-policy"));
        await Expect(page.GetByText("CareWorkspace jobs").First).ToBeVisibleAsync();
        // Its stylesheet applied (Bootstrap's navbar is fixed at the top) and its scripts ran (Chart.js has drawn the realtime graph).
        Assert.Equal("fixed", await page.Locator(".navbar").First.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        await Expect(page.Locator("#realtimeGraph.chartjs-render-monitor")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("jobs/recurring"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(await Violations(page, consoleViolations));
    });

    /// <summary>Records every violation the browser reports, from the console and from an init script that runs before any page script, outside the page's CSP.</summary>
    private static async Task<List<string>> RecordViolationsAsync(IPage page)
    {
        var consoleViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                consoleViolations.Add(message.Text);
        };
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
            """);
        return consoleViolations;
    }

    private static async Task<List<string>> Violations(IPage page, List<string> consoleViolations)
    {
        var reported = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        var all = reported.Concat(consoleViolations).ToList();
        Assert.True(all.Count == 0, "CSP violations:\n" + string.Join("\n", all));
        return all;
    }
}
