using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>Phone (390 × 844) and tablet (768 × 1024): every page fits the width, so nothing scrolls sideways.</summary>
public sealed class AccessibilityLayoutTests(AppFixture app) : BrowserTest(app)
{
    public static TheoryData<int, int, string> Screens => new() { { 390, 844, "phone" }, { 768, 1024, "tablet" } };

    private static readonly (string Key, string Tab)[] Sections =
        [("overview", "Overview"), ("care-team", "Care team & contacts"), ("messages", "Messages"), ("timeline", "Timeline"), ("consents", "Consent")];

    [Theory]
    [MemberData(nameof(Screens))]
    public Task Jens_pathway_and_the_patient_list_fit_the_screen(int width, int height, string screen) => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var page = await OpenPageAsync($"gp-{screen}");
        await page.SetViewportSizeAsync(width, height);
        await LogInAsync(page, "gp.larsen");

        await page.GotoAsync("patients");
        await WaitForPatientTableAsync(page);
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(page, $"patients on a {screen}");
        if (screen == "phone")
        {
            // The table becomes a list: one card per patient, each value labelled.
            await Expect(page.GetByTestId("patient-table").Locator("thead")).ToBeHiddenAsync();
        }

        var axe = new AccessibilityAxeTests.AxeReport();
        await AccessibilityJourneyTests.OpenPathwayAsync(page, jens, "overview");
        foreach (var (key, tab) in Sections)
        {
            var tabButton = page.GetByRole(AriaRole.Tab, new() { Name = tab });
            // Every tab is within the screen's width without scrolling the tab bar sideways: the tabs wrap. (On a phone the
            // last row may sit below the fold, under the patient's header and CAVE banner; the page scrolls down to it.)
            await Expect(tabButton).ToBeVisibleAsync();
            var tabBox = await tabButton.BoundingBoxAsync();
            Assert.NotNull(tabBox);
            Assert.True(tabBox.X >= 0 && tabBox.X + tabBox.Width <= width + 1,
                $"The {tab} tab is at x {tabBox.X}–{tabBox.X + tabBox.Width}, outside the {width} px screen on a {screen}.");
            await tabButton.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/{key}$"));
            await Expect(tabButton).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(page.Locator(".mud-tabs-panels .mud-progress-linear")).ToHaveCountAsync(0);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(page, $"{tab} on a {screen}");
            // The reflowed layout (lists instead of tables, wrapped tabs) passes axe as the wide one does.
            await axe.CheckAsync(page, $"{tab} on a {screen}");
            if (key == "care-team")
                await ScreenshotAsync(page, $"pathway-care-team-{screen}");
        }

        // A dialog fills a phone's screen and fits a tablet's.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Care team & contacts" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add care team member" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add care team member" });
        await Expect(dialog).ToBeVisibleAsync();
        // Measured once its opening animation has finished.
        await dialog.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
        var box = await dialog.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 1, $"The dialog ({box.X}+{box.Width}) does not fit a {width}px {screen}.");
        if (screen == "phone")
            Assert.True(box.Width >= width - 1, $"On a phone the dialog should fill the width; it is {box.Width}px of {width}px.");
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(page, $"the care team dialog on a {screen}");
        await axe.CheckAsync(page, $"the care team dialog on a {screen}");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        axe.AssertNone();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Overview" }).ClickAsync();
        await Expect(page.GetByTestId("patient-overview")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var shot = await ScreenshotAsync(page, $"pathway-{screen}");
        if (screen == "phone")
            DocsScreenshots.Publish(shot, "pathway-phone.png");
    });

    [Theory]
    [MemberData(nameof(Screens))]
    public Task The_other_pages_fit_the_screen(int width, int height, string screen) => RunAsync(async () =>
    {
        var page = await OpenPageAsync($"pages-{screen}");
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("account/login");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeVisibleAsync();
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(page, $"sign-in on a {screen}");

        await LogInAsync(page, "nurse.holm");
        await page.GotoAsync("inbox");
        await Expect(page.GetByTestId("thread-item").First).ToBeVisibleAsync();
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(page, $"inbox on a {screen}");
        await page.GotoAsync("account/change-password");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(page, $"change password on a {screen}");

        var admin = await OpenPageAsync($"admin-{screen}");
        await admin.SetViewportSizeAsync(width, height);
        await LogInAsync(admin, "admin");
        foreach (var (address, heading) in new[] { ("admin/users", "Users"), ("admin/organisations", "Organisations"), ("admin/log", "Administration log") })
        {
            await admin.GotoAsync(address);
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(admin, $"{address} on a {screen}");
        }
    });
}
