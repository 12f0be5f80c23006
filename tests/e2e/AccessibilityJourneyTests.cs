using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Keyboard only, screen reader announcements and large text: the pathway must work for someone who cannot use a
/// mouse, cannot see a change appear, or reads at 200 %.
/// </summary>
public sealed partial class AccessibilityJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Rehabilitation = "Havby Kommune, Genoptræningscenter";

    [Fact]
    public Task Keyboard_only_sign_in_find_Jens_and_add_a_care_team_member() => RunAsync(async () =>
    {
        var person = $"Keyboard Person {Guid.NewGuid():N}"[..24];
        var page = await OpenPageAsync("gp-keyboard");
        var keyboard = page.Keyboard;

        await page.GotoAsync("account/login");
        await TabToAsync(page, page.GetByLabel("User name"));
        await keyboard.TypeAsync("gp.larsen");
        await TabToAsync(page, page.GetByLabel("Password"));
        await keyboard.TypeAsync(CareWorkspace.Infrastructure.Demo.DemoAccounts.Password);
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Peter Larsen");
        await WaitForBlazorAsync(page);

        var patientsLink = page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true });
        await Expect(patientsLink).ToBeVisibleAsync();
        await TabToAsync(page, patientsLink);
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Enter");
        await WaitForPatientTableAsync(page);

        var search = page.GetByLabel("Search by name or CPR");
        await TabToAsync(page, search);
        await AssertFocusVisibleAsync(page);
        await keyboard.TypeAsync("Jens");
        var jensLink = page.GetByRole(AriaRole.Link, new() { Name = "Jens Jensen", Exact = true });
        await Expect(PatientRows(page)).ToHaveCountAsync(1);
        await TabToAsync(page, jensLink);
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveCountAsync(1);

        // Tab reaches the selected tab; the arrow keys move between tabs, and Enter opens one (the ARIA tabs pattern).
        await TabToAsync(page, page.GetByRole(AriaRole.Tab, new() { Selected = true }));
        var careTeamTab = page.GetByRole(AriaRole.Tab, new() { Name = "Care team & contacts" });
        await PressUntilAsync(page, "ArrowRight", careTeamTab, IsFocused);
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Enter");
        await Expect(careTeamTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByTestId("care-team-table")).ToBeVisibleAsync();

        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add care team member" });
        await TabToAsync(page, add);
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add care team member" });
        await Expect(dialog).ToBeVisibleAsync();
        // Opening the dialog moves the focus into it (MudBlazor does so once the dialog has rendered).
        await page.WaitForFunctionAsync("() => document.querySelector('[role=dialog]')?.contains(document.activeElement) === true");

        // Inside the dialog, Tab stays inside it (the focus is trapped), however often it is pressed.
        for (var i = 0; i < 15; i++)
        {
            await keyboard.PressAsync("Tab");
            Assert.True(await dialog.EvaluateAsync<bool>("e => e.contains(document.activeElement)"),
                $"Tab number {i + 1} left the dialog for {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120)")}");
        }
        await TabToAsync(page, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" }));
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Enter");
        var open = page.Locator(".mud-popover-open");
        await Expect(open.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        // Skovlund Kommune itself is on no one's team and holds no demo user: adding it changes no one's access.
        await PressUntilAsync(page, "ArrowDown", open.GetByRole(AriaRole.Option, new() { Name = "Skovlund Kommune", Exact = true }), HasHighlight);
        await keyboard.PressAsync("Enter");
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" })).ToContainTextAsync("Skovlund Kommune");

        await TabToAsync(page, dialog.GetByLabel("Person"));
        await keyboard.TypeAsync(person);
        await TabToAsync(page, dialog.GetByLabel("Reason for joining the care team"));
        await keyboard.TypeAsync("Joins by keyboard");
        var save = dialog.GetByRole(AriaRole.Button, new() { Name = "Save" });
        await TabToAsync(page, save);
        await AssertFocusVisibleAsync(page);
        await keyboard.PressAsync("Enter");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("care-team-table").GetByTestId("care-team-row").Filter(new() { HasText = person })).ToBeVisibleAsync();
        // The focus is back where the keyboard user started.
        await Expect(add).ToBeFocusedAsync();
        await ScreenshotAsync(page, "keyboard-care-team-added");
    });

    [Fact]
    public Task A_care_team_change_by_someone_else_is_announced_politely_without_moving_focus() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenPathwayAsync(gp, jens, "care-team");
        var region = gp.GetByTestId("live-announcement");
        await Expect(region).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(region).ToHaveTextAsync("");

        // The GP is reading the care team, with the focus on the first member's change button.
        var focused = gp.GetByTestId("care-team-row").Filter(new() { HasText = Rehabilitation }).GetByRole(AriaRole.Button, new() { Name = $"Change {Rehabilitation}" });
        await focused.FocusAsync();
        await Expect(focused).ToBeFocusedAsync();

        var coordinator = await OpenPageAsync("coordinator-dahl");
        await LogInAsync(coordinator, "coordinator.dahl");
        await OpenPathwayAsync(coordinator, jens, "care-team");
        await coordinator.GetByTestId("care-team-row").Filter(new() { HasText = Rehabilitation })
            .GetByRole(AriaRole.Button, new() { Name = $"Change {Rehabilitation}" }).ClickAsync();
        var dialog = coordinator.GetByRole(AriaRole.Dialog, new() { Name = $"Change {Rehabilitation}" });
        var person = $"Announced {Guid.NewGuid():N}"[..18];
        await dialog.GetByLabel("Person").FillAsync(person);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(region).ToHaveTextAsync(AnnouncedCareTeamChange(), new() { Timeout = 5_000 });
        // By now the change has reached every open page: the coordinator's own does not announce her own change.
        await Expect(coordinator.GetByTestId("care-team-row").Filter(new() { HasText = person })).ToBeVisibleAsync();
        await Expect(coordinator.GetByTestId("live-announcement")).ToHaveTextAsync("");
        await Expect(gp.GetByTestId("care-team-row").Filter(new() { HasText = person })).ToBeVisibleAsync();
        await Expect(focused).ToBeFocusedAsync();
        await Expect(gp.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Text_at_200_percent_fits_the_pathway_without_sideways_scrolling() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var page = await OpenPageAsync("gp-large-text");
        await LogInAsync(page, "gp.larsen");
        await OpenPathwayAsync(page, jens, "overview");
        await page.AddStyleTagAsync(new() { Content = "html { font-size: 200% !important; }" });
        foreach (var (key, tab) in new[] { ("overview", "Overview"), ("care-team", "Care team & contacts"), ("messages", "Messages"), ("timeline", "Timeline"), ("consents", "Consent") })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/{key}$"));
            await Expect(page.Locator(".mud-tabs-panels .mud-progress-linear")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 32,
                "The root font size did not grow to 200 %.");
            await AssertNoSidewaysScrollAsync(page, $"{tab} at 200 %");
            await AssertNotClippedAsync(page.GetByTestId("pathway-header").GetByTestId("patient-name"));
            await AssertNotClippedAsync(page.GetByTestId("signed-in-user"));
            await AssertInsideAsync(page.GetByTestId("signed-in-user"), page.Locator(".mud-appbar"));
            await AssertNotClippedAsync(page.GetByRole(AriaRole.Tab, new() { Name = tab }));
            // Small print grows too: a condition chip in the header reads at 200 % (12 px → 24 px).
            var chip = page.GetByTestId("pathway-header").Locator(".mud-chip").First;
            await AssertNotClippedAsync(chip);
            Assert.True(await chip.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 24, "The header's chips did not grow with the text.");
        }
        await ScreenshotAsync(page, "pathway-text-200");
    });

    [GeneratedRegex("^Lise Dahl changed the care team\\s*$")]
    private static partial Regex AnnouncedCareTeamChange();

    internal static async Task OpenPathwayAsync(IPage page, Guid patientId, string? section = null, string patientName = "Jens Jensen")
    {
        await page.GotoAsync(section is null ? $"patients/{patientId}" : $"patients/{patientId}/{section}");
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync(patientName);
        await WaitForBlazorAsync(page);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveCountAsync(1);
    }

    /// <summary>The page is no wider than the window: nothing needs scrolling sideways.</summary>
    internal static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        if (scroll > client)
        {
            var wide = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 8).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' right=' + Math.round(e.getBoundingClientRect().right))
                """);
            Assert.Fail($"{where}: the page is {scroll}px wide in a {client}px window. Too wide: {string.Join(", ", wide)}");
        }
    }

    /// <summary>
    /// The element's text is not cut off by a fixed height or width: every piece of its text lies inside its box
    /// (text only, so a click's ripple circle, which its box does clip on purpose, does not count).
    /// </summary>
    private static async Task AssertNotClippedAsync(ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        var outside = await element.EvaluateAsync<string?>(
            """
            e => {
                const box = e.getBoundingClientRect();
                const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (!node.textContent.trim()) continue;
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    for (const r of range.getClientRects()) {
                        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
                            return `"${node.textContent.trim()}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} outside ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`;
                    }
                }
                return null;
            }
            """);
        Assert.True(outside is null, $"{element} is clipped: {outside}");
    }

    /// <summary>The element lies wholly inside the container (e.g. the app bar grew with the text).</summary>
    private static async Task AssertInsideAsync(ILocator element, ILocator container)
    {
        var inner = await element.BoundingBoxAsync();
        var outer = await container.BoundingBoxAsync();
        Assert.NotNull(inner);
        Assert.NotNull(outer);
        Assert.True(inner.Y >= outer.Y - 1 && inner.Y + inner.Height <= outer.Y + outer.Height + 1,
            $"{element} ({inner.Y}+{inner.Height}) sticks out of {container} ({outer.Y}+{outer.Height}).");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 80)
    {
        for (var i = 0; i <= maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        var active = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{maxPresses} presses of Tab did not reach {target}; the focus is on {active}");
    }

    /// <summary>
    /// Presses <paramref name="key"/> until <paramref name="reached"/> holds for <paramref name="target"/>. Each press
    /// waits for the page to react (the focus or the highlighted option changes), because the list's keyboard handling
    /// runs on the server and presses sent faster than it answers would skip past the target.
    /// </summary>
    private static async Task PressUntilAsync(IPage page, string key, ILocator target, Func<ILocator, Task<bool>> reached, int maxPresses = 40)
    {
        const string State = """
            () => (document.activeElement?.outerHTML.slice(0, 200) ?? '') + '|' +
                  Array.from(document.querySelectorAll('.mud-popover-open .mud-selected-item, .mud-popover-open .mud-list-item-active, .mud-popover-open [aria-selected=true]'))
                       .map(e => e.textContent).join('/')
            """;
        for (var i = 0; i <= maxPresses; i++)
        {
            if (await reached(target))
                return;
            var before = await page.EvaluateAsync<string>(State);
            await page.Keyboard.PressAsync(key);
            try
            {
                await page.WaitForFunctionAsync($"before => ({State})() !== before", before, new() { Timeout = 3_000, PollingInterval = 25 });
            }
            catch (TimeoutException)
            {
                break; // Nothing moves any more: the end of the list, or the key does nothing here.
            }
        }
        Assert.Fail($"Presses of {key} did not reach {target}.");
    }

    private static Task<bool> IsFocused(ILocator element) => element.EvaluateAsync<bool>("e => e === document.activeElement");

    private static Task<bool> HasHighlight(ILocator option) =>
        option.EvaluateAsync<bool>("e => e.classList.contains('mud-selected-item') || e.matches('.mud-list-item-active, [aria-selected=true], :focus, :focus-within') || e.closest('.mud-list-item')?.classList.contains('mud-list-item-active') === true");

    /// <summary>The focused element shows a focus indicator (an outline or a ring).</summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string>(
            """
            () => {
                const e = document.activeElement;
                const s = getComputedStyle(e);
                return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'outline' : (s.boxShadow !== 'none' ? 'shadow' : 'none: ' + e.outerHTML.slice(0, 160));
            }
            """);
        Assert.False(style.StartsWith("none", StringComparison.Ordinal), $"The focused element shows no focus indicator ({style}).");
    }
}
