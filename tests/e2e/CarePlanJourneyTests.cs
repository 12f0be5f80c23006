using CareWorkspace.Domain.Access;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The GP makes Jens' COPD care plan from the template and marks two goals agreed with him; a relative whose consent covers
/// the care plan has the care plans open meanwhile and sees the new plan and the agreements arrive without a reload; the
/// coordinator then downloads the care plan PDF.
/// </summary>
public sealed class CarePlanJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public Task The_GP_creates_a_COPD_plan_marks_two_goals_agreed_the_relatives_open_pathway_shows_it_without_a_reload_and_the_coordinator_prints_it() => RunAsync(async () =>
    {
        var jensId = await JensIdAsync();
        var (userName, displayName) = await NewRelativeOfJensAsync(jensId);
        await GrantAsync(jensId, await UserIdAsync(userName), [PatientSection.MasterData, PatientSection.CarePlan]);

        var relative = await OpenPageAsync("relative");
        await LogInAsAsync(relative, userName, displayName);
        await OpenCarePlansAsync(relative, jensId);
        // A relative reads the plans and changes nothing.
        await Expect(relative.GetByTestId("new-care-plan-button")).ToHaveCountAsync(0);
        await Expect(relative.GetByTestId("agree-goal")).ToHaveCountAsync(0);
        var plansBefore = await relative.GetByTestId("care-plan").CountAsync();
        await relative.EvaluateAsync("() => { window.__marker = 1; }");
        var relativeUrl = relative.Url;

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenCarePlansAsync(gp, jensId);
        await gp.GetByTestId("new-care-plan-button").ClickAsync();
        var dialog = gp.GetByRole(AriaRole.Dialog, new() { Name = "New care plan" });
        await Expect(dialog.GetByTestId("create-care-plan")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Template" }).ClickAsync();
        await gp.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = "COPD care plan (version 1.0.0)", Exact = true }).ClickAsync();
        await dialog.GetByTestId("create-care-plan").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // The newest plan comes first: a draft with the template's goals, none agreed yet.
        await Expect(gp.GetByTestId("care-plan")).ToHaveCountAsync(plansBefore + 1);
        var plan = gp.GetByTestId("care-plan").First;
        await Expect(plan.GetByTestId("care-plan-title")).ToHaveTextAsync("COPD care plan");
        await Expect(plan.GetByTestId("care-plan-status")).ToHaveTextAsync("Draft");
        await Expect(plan.GetByTestId("care-plan-goals")).ToContainTextAsync("6-minute walk distance at least 300 m");
        var planId = await plan.GetAttributeAsync("data-plan-id");
        Assert.False(string.IsNullOrEmpty(planId));
        var ours = gp.Locator($"[data-plan-id=\"{planId}\"]");
        var goals = await ours.GetByTestId("agree-goal").CountAsync();
        Assert.True(goals >= 2);

        await ours.GetByRole(AriaRole.Button, new() { Name = "Mark as agreed: Stop smoking" }).ClickAsync();
        await Expect(ours.GetByTestId("agree-goal")).ToHaveCountAsync(goals - 1);
        await ours.GetByTestId("agree-goal").First.ClickAsync();
        await Expect(ours.GetByTestId("agree-goal")).ToHaveCountAsync(goals - 2);
        await Expect(ours.GetByTestId("goal-agreement").Filter(new() { HasText = "Peter Larsen" })).ToHaveCountAsync(2);

        // The relative's care plans, open all along, show the new plan and both agreements.
        var onRelative = relative.Locator($"[data-plan-id=\"{planId}\"]");
        await Expect(onRelative).ToBeVisibleAsync(Live);
        await Expect(onRelative.GetByTestId("care-plan-title")).ToHaveTextAsync("COPD care plan");
        await Expect(onRelative.GetByTestId("goal-agreement").Filter(new() { HasText = "Peter Larsen" })).ToHaveCountAsync(2, new() { Timeout = Live.Timeout });
        await Expect(onRelative.GetByTestId("care-plan-goals")).ToContainTextAsync("Stop smoking");
        Assert.True(await relative.EvaluateAsync<bool>("() => window.__marker === 1"), "The relative's page was reloaded.");
        Assert.Equal(relativeUrl, relative.Url);
        await ScreenshotAsync(relative, "care-plan-live-relative");
        await ScreenshotAsync(gp, "care-plan-gp");

        // The coordinator prints the plans for the discharge conference: the PDF has the new plan and its agreed goals.
        var coordinator = await OpenPageAsync("coordinator");
        await LogInAsync(coordinator, "coordinator.dahl");
        await OpenCarePlansAsync(coordinator, jensId);
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByTestId("care-plan-download").ClickAsync());
        Assert.Null(await download.FailureAsync());
        var file = Path.Combine(Path.GetTempPath(), $"care-plan-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        try
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(file);
            var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Jens Jensen", text, StringComparison.Ordinal);
            Assert.Contains("COPD care plan", text, StringComparison.Ordinal);
            Assert.Contains("Stop smoking", text, StringComparison.Ordinal);
            Assert.Contains("Lise Dahl", text, StringComparison.Ordinal);
            Assert.Contains($"1 of {pdf.NumberOfPages}", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    });

    [Fact]
    public Task The_GP_starts_a_blank_plan_adds_an_activity_linked_to_an_appointment_and_the_link_opens_it_in_the_calendar() => RunAsync(async () =>
    {
        var jensId = await JensIdAsync();
        var title = "Blodtryk " + Guid.NewGuid().ToString("N")[..6];
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenCarePlansAsync(gp, jensId);

        await gp.GetByTestId("new-care-plan-button").ClickAsync();
        var dialog = gp.GetByRole(AriaRole.Dialog, new() { Name = "New care plan" });
        await Expect(dialog.GetByTestId("create-care-plan")).ToBeVisibleAsync();
        // A blank plan is the first choice; it has only what the GP writes.
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "Template" })).ToBeVisibleAsync();
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await dialog.GetByLabel("Conditions addressed").FillAsync("Hypertension (DI10)");
        await dialog.GetByTestId("create-care-plan").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        var plan = gp.GetByTestId("care-plan").Filter(new() { HasText = title });
        await Expect(plan.GetByTestId("care-plan-status")).ToHaveTextAsync("Draft");
        await Expect(plan.GetByTestId("agree-goal")).ToHaveCountAsync(0);
        await Expect(plan.GetByTestId("activity-appointment-link")).ToHaveCountAsync(0);

        await plan.GetByTestId("add-activity").ClickAsync();
        var editor = gp.GetByRole(AriaRole.Dialog, new() { Name = "Add activity" });
        await Expect(editor.GetByTestId("activity-save")).ToBeVisibleAsync();
        await editor.GetByLabel("Activity", new() { Exact = true }).FillAsync("Blodtrykskontrol hos egen læge");
        await editor.GetByRole(AriaRole.Combobox, new() { Name = "Appointment in the calendar" }).ClickAsync();
        // The first choice is "None"; the next is one of Jens' appointments.
        await gp.Locator(".mud-popover-open").GetByRole(AriaRole.Option).Nth(1).ClickAsync();
        await editor.GetByTestId("activity-save").ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);

        await Expect(plan.GetByTestId("care-plan-activities")).ToContainTextAsync("Blodtrykskontrol hos egen læge");
        var link = plan.GetByTestId("activity-appointment-link");
        await Expect(link).ToHaveCountAsync(1);
        await link.ClickAsync();
        await Expect(gp.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync("Calendar");
        var appointment = gp.GetByRole(AriaRole.Dialog, new() { Name = "Appointment" });
        await Expect(appointment).ToBeVisibleAsync();
        await Expect(appointment.GetByTestId("appointment-status")).ToContainTextAsync("Status:");
    });

    private static async Task OpenCarePlansAsync(IPage page, Guid jensId)
    {
        await page.GotoAsync($"patients/{jensId}/care-plan");
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(page);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync("Care plans");
        // Jens' demo COPD plan is there from the start.
        await Expect(page.GetByTestId("care-plan").Filter(new() { HasText = "Forløbsplan for KOL" })).ToBeVisibleAsync();
    }
}
