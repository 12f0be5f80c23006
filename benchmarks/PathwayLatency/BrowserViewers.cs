using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// Viewers in Debian Chromium: one isolated browser context per viewer, signed in as a demo user with access
/// to Jens, on his "Care team &amp; contacts" tab. A MutationObserver in each page stamps <c>Date.now()</c>
/// the first time a text "bench-N" appears in the DOM (same machine clock as the server).
/// </summary>
internal sealed class BrowserViewers : IViewerGroup
{
    /// <summary>
    /// Installed once per page. Scans only what a mutation touched (changed text nodes, added subtrees), so the
    /// stamp is taken in the microtask right after Blazor applied the render batch, before the next paint.
    /// </summary>
    private const string ObserverScript = """
        () => {
          if (window.__bench) return true;
          const seen = new Map();
          const waiters = new Map();
          const note = (text, now) => {
            if (!text || text.indexOf('bench-') < 0) return;
            for (const m of text.match(/bench-\d+/g) ?? []) {
              if (seen.has(m)) continue;
              seen.set(m, now);
              const ws = waiters.get(m);
              if (ws) { waiters.delete(m); for (const w of ws) w(now); }
            }
          };
          new MutationObserver(records => {
            const now = Date.now();
            for (const r of records) {
              if (r.type === 'characterData') note(r.target.data, now);
              else for (const n of r.addedNodes) note(n.textContent, now);
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
          note(document.body.textContent, Date.now());
          window.__bench = {
            waitFor: (m, timeoutMs) => seen.has(m) ? seen.get(m) : new Promise(resolve => {
              const ws = waiters.get(m) ?? [];
              ws.push(resolve);
              waiters.set(m, ws);
              setTimeout(() => resolve(seen.has(m) ? seen.get(m) : null), timeoutMs);
            }),
          };
          return true;
        }
        """;

    private readonly List<IBrowserContext> contexts;
    private readonly List<IPage> pages;

    private BrowserViewers(List<IBrowserContext> contexts, List<IPage> pages)
    {
        this.contexts = contexts;
        this.pages = pages;
    }

    public string Kind => "Chromium";

    public int Count => pages.Count;

    public static async Task<BrowserViewers> OpenAsync(IBrowser browser, Uri baseAddress, Guid patientId, int count, LoginStates logins)
    {
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var user = Users.Viewers[i % Users.Viewers.Count];
            var context = await browser.NewContextAsync(new()
            {
                BaseURL = baseAddress.ToString(),
                ViewportSize = new() { Width = 1366, Height = 900 },
                Locale = "en-GB",
                StorageState = await logins.BrowserStateAsync(user),
            });
            context.SetDefaultTimeout(30_000);
            context.SetDefaultNavigationTimeout(30_000);
            contexts.Add(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"patients/{patientId}/care-team");
            // No prerendering: the table exists only once the circuit has rendered the tab with live data.
            await page.Locator("[data-testid=care-team-table] [data-testid=care-team-row]").First.WaitForAsync();
            await page.EvaluateAsync<bool>(ObserverScript);
            pages.Add(page);
        }
        return new BrowserViewers(contexts, pages);
    }

    public async Task<long?[]> WaitForAsync(string marker, int timeoutMs)
    {
        var waits = pages.Select(async page =>
        {
            var seen = await page.EvaluateAsync<double?>("([m, t]) => window.__bench.waitFor(m, t)", new object[] { marker, timeoutMs });
            return seen is { } ms ? (long?)ms : null;
        });
        return await Task.WhenAll(waits);
    }

    /// <summary>
    /// Leaves each page first: on "pagehide" blazor.web.js tells the server to end the circuit at once, where a
    /// merely disconnected circuit would stay alive (and keep re-loading on every change) for minutes.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var page in pages)
            await page.GotoAsync("about:blank");
        foreach (var context in contexts)
            await context.CloseAsync();
    }
}
