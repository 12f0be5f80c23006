using CareWorkspace.Domain.Access;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Authorisation changes take effect on screens that are already open: the patient withdraws a relative's consent
/// in one browser, and the relative's open pathway loses the data within seconds, without a reload.
/// </summary>
public sealed class LiveAccessTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinSeconds = new() { Timeout = 5_000 };

    [Fact]
    public Task Withdrawing_consent_closes_the_relatives_open_pathway_without_a_reload() => RunAsync(async () =>
    {
        var jensId = await JensIdAsync();
        var (userName, displayName) = await NewRelativeOfJensAsync(jensId);

        // Jens gives his relative access to the default sections on his own Consent tab.
        var jens = await OpenPageAsync("jens");
        await LogInAsync(jens, "jens");
        await jens.GotoAsync($"patients/{jensId}/consents");
        await WaitForBlazorAsync(jens);
        var grant = jens.GetByTestId("grant-form");
        await Expect(grant).ToBeVisibleAsync();
        await grant.GetByRole(AriaRole.Combobox, new() { Name = "Relative" }).ClickAsync();
        await jens.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = displayName, Exact = true }).ClickAsync();
        await Expect(jens.Locator(".mud-popover-open").GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await grant.GetByRole(AriaRole.Button, new() { Name = "Give access" }).ClickAsync();
        var row = jens.GetByTestId("consent-row").Filter(new() { HasText = displayName });
        await Expect(row).ToContainTextAsync("Active");
        await jens.WaitForLoadStateAsync(LoadState.NetworkIdle);
        DocsScreenshots.Publish(await ScreenshotAsync(jens, "consent-given"), "consent.png");

        // The relative follows the care team.
        var relative = await OpenPageAsync("relative");
        await LogInAsAsync(relative, userName, displayName);
        await relative.GotoAsync($"patients/{jensId}/care-team");
        await Expect(relative.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(relative);
        await Expect(relative.GetByTestId("care-team-table")).ToBeVisibleAsync();
        await relative.EvaluateAsync("() => { window.__marker = 1; }");

        // Jens withdraws the consent.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Withdraw consent for {displayName}" }).ClickAsync();
        await jens.GetByTestId("confirm-withdraw").ClickAsync();
        await Expect(row).ToContainTextAsync("Withdrawn");

        // Within seconds the relative's open page shows access denied and no patient data, without a reload.
        await Expect(relative.GetByTestId("access-denied")).ToBeVisibleAsync(WithinSeconds);
        await Expect(relative.GetByTestId("care-team-table")).ToHaveCountAsync(0);
        await Expect(relative.GetByTestId("pathway-header")).ToHaveCountAsync(0);
        await Expect(relative.Locator("body")).Not.ToContainTextAsync("120352-1235");
        Assert.True(await relative.EvaluateAsync<bool>("() => window.__marker === 1"), "The relative's page was reloaded.");
        DocsScreenshots.Publish(await ScreenshotAsync(relative, "consent-withdrawn-relative"), "consent-withdrawn.png");
    });

    [Fact]
    public Task Narrowing_the_consent_removes_the_section_from_the_relatives_open_pathway() => RunAsync(async () =>
    {
        var jensId = await JensIdAsync();
        var (userName, displayName) = await NewRelativeOfJensAsync(jensId);
        var relativeUserId = await UserIdAsync(userName);
        await GrantAsync(jensId, relativeUserId, [PatientSection.MasterData, PatientSection.CareTeam, PatientSection.Timeline]);

        var relative = await OpenPageAsync("relative");
        await LogInAsAsync(relative, userName, displayName);
        await relative.GotoAsync($"patients/{jensId}/timeline");
        await WaitForBlazorAsync(relative);
        await Expect(relative.GetByRole(AriaRole.Tab, new() { Name = "Timeline" })).ToBeVisibleAsync();
        await Expect(relative.GetByTestId("timeline-entry").First).ToBeVisibleAsync();

        await GrantAsync(jensId, relativeUserId, [PatientSection.MasterData, PatientSection.CareTeam]);

        await Expect(relative.GetByRole(AriaRole.Tab, new() { Name = "Timeline" })).ToHaveCountAsync(0, new() { Timeout = WithinSeconds.Timeout });
        await Expect(relative.GetByTestId("timeline-entry")).ToHaveCountAsync(0);
        await Expect(relative.GetByRole(AriaRole.Tab, new() { Name = "Care team & contacts" })).ToBeVisibleAsync();
    });
}
