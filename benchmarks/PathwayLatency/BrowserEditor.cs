using System.Diagnostics;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// The editor as a person: gp.larsen in his own Chromium page on Jens' care team tab opens the member's
/// "Change" dialog, types the marker as the person name and clicks Save. The latency counts from the browser's
/// <c>Date.now()</c> at the pointer-down on Save (same machine clock as the viewers), so it includes the input's
/// change event, the click's round trip, the save and the fan-out: what the person next to him feels.
/// </summary>
internal sealed class BrowserEditor(IBrowserContext context, IPage page, string organisationName) : IEditor
{
    private const string ClickStamp = """
        () => {
          if (window.__benchClick !== undefined) return true;
          window.__benchClick = null;
          document.addEventListener('pointerdown', () => { window.__benchClick = Date.now(); }, true);
          return true;
        }
        """;

    private const int SaveTimeoutMs = 30_000;

    public string Kind => "browser";

    public static async Task<BrowserEditor> OpenAsync(IBrowser browser, Uri baseAddress, Guid patientId, string organisationName, LoginStates logins)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = "en-GB",
            StorageState = await logins.BrowserStateAsync(Users.Editor),
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"patients/{patientId}/care-team");
        await page.Locator("[data-testid=care-team-table] [data-testid=care-team-row]").First.WaitForAsync();
        await page.EvaluateAsync<bool>(ClickStamp);
        return new BrowserEditor(context, page, organisationName);
    }

    public async Task<Commit?> EditAsync()
    {
        var marker = Markers.Next();
        await page.GetByTestId("care-team-table").GetByTestId("care-team-row").Filter(new() { HasText = organisationName })
            .GetByRole(AriaRole.Button, new() { Name = $"Change {organisationName}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Change {organisationName}" });
        await dialog.GetByLabel("Person").FillAsync(marker);
        await page.EvaluateAsync("() => { window.__benchClick = null; }");
        var started = Stopwatch.GetTimestamp();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var clickedAt = await page.EvaluateAsync<double?>("() => window.__benchClick")
            ?? throw new InvalidOperationException("The click on Save left no pointer-down stamp.");
        // The dialog closes once the save is committed; an error (or a save slower than the timeout) keeps it open.
        try
        {
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = SaveTimeoutMs });
        }
        catch (TimeoutException)
        {
            var shown = await dialog.GetByTestId("member-error").AllInnerTextsAsync();
            Console.WriteLine($"   browser edit {marker} not saved within {SaveTimeoutMs / 1000} s: {(shown.Count == 0 ? "no error shown" : string.Join(" ", shown))}");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            return null;
        }
        return new Commit(marker, (long)clickedAt, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public async ValueTask DisposeAsync()
    {
        await page.GotoAsync("about:blank");
        await context.CloseAsync();
    }
}
