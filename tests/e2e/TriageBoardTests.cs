using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The triage board with two devices of the home care unit: a care worker records a worrying change for Jens on a
/// tablet, and the board open on the nurse's screen moves his card to red without a reload; at the triage meeting the
/// nurse escalates to the GP, and the GP's inbox shows the request.
/// </summary>
public sealed class TriageBoardTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public Task A_worrying_change_recorded_on_a_tablet_moves_the_card_on_the_open_board_and_the_nurse_escalates_to_the_GP() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var nurse = await OpenPageAsync("nurse.holm");
        await LogInAsync(nurse, "nurse.holm");
        await nurse.GotoAsync("triage");
        await Expect(nurse.GetByTestId("triage-board")).ToBeVisibleAsync();
        var card = nurse.Locator($"[data-testid=triage-card][data-patient=\"{jens}\"]");
        await Expect(card).ToBeVisibleAsync();
        await nurse.EvaluateAsync("() => { window.__marker = 1; }");
        var boardUrl = nurse.Url;

        // The care worker, on a tablet: Jens breathes fast and has had no stool for four days.
        var careWorker = await OpenPageAsync("careworker.berg");
        await careWorker.SetViewportSizeAsync(768, 1024);
        await LogInAsync(careWorker, "careworker.berg");
        await careWorker.GotoAsync($"triage/record/{jens}");
        await Expect(careWorker.GetByTestId("change-form")).ToBeVisibleAsync();
        await careWorker.GetByTestId("changed-bowels").ClickAsync();
        await careWorker.GetByLabel("What has changed? (Bowels)").FillAsync("No stool for four days");
        await careWorker.GetByLabel("Respiratory rate", new() { Exact = true }).FillAsync("26");
        await careWorker.Keyboard.PressAsync("Tab");
        await Expect(careWorker.GetByTestId("suggested-colour")).ToHaveAttributeAsync("data-colour", "Red");
        await careWorker.GetByTestId("save-change-form").ClickAsync();

        // The nurse's board, without a reload: Jens is in the red column, with the change.
        var redCard = nurse.GetByTestId("triage-column-red").Locator($"[data-testid=triage-card][data-patient=\"{jens}\"]");
        await Expect(redCard).ToBeVisibleAsync(Live);
        await Expect(redCard.GetByTestId("triage-card-change")).ToContainTextAsync("Bowels (No stool for four days)");
        Assert.True(await nurse.EvaluateAsync<bool>("() => window.__marker === 1"), "The board was reloaded.");
        Assert.Equal(boardUrl, nurse.Url);

        // The triage meeting: a plan for Jens (refused without a due time), then the GP is asked to act.
        await redCard.GetByTestId("triage-card-discuss").ClickAsync();
        var meeting = nurse.GetByTestId("triage-meeting");
        await Expect(meeting.GetByTestId("triage-card-name")).ToHaveTextAsync("Jens Jensen");
        if (await meeting.GetByTestId("plan-save").CountAsync() > 0)
        {
            await meeting.GetByLabel("Decision", new() { Exact = true }).FillAsync("Ask the GP about constipation and breathing");
            await meeting.GetByLabel("Action plan", new() { Exact = true }).FillAsync("Fluids and a laxative today; count breaths at every visit");
            await meeting.GetByLabel("Due (start at the latest)").FillAsync("");
            await meeting.GetByTestId("plan-save").ClickAsync();
            await Expect(meeting.GetByTestId("triage-meeting-error")).ToContainTextAsync("An action plan needs a due time.");
            var due = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
            await meeting.GetByLabel("Due (start at the latest)").FillAsync(due.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await meeting.GetByTestId("plan-save").ClickAsync();
        }
        await Expect(meeting.GetByTestId("triage-meeting-plan")).ToBeVisibleAsync();
        var request = "Please assess Jens today: breathing 26/min, no stool for four days " + Guid.NewGuid().ToString("N")[..6];
        await meeting.GetByLabel("What is the GP asked to do?").FillAsync(request);
        await meeting.GetByTestId("plan-escalate").ClickAsync();
        await Expect(meeting.GetByTestId("triage-meeting-done")).ToContainTextAsync("the message is in the GP's inbox");
        await Expect(meeting.GetByTestId("triage-meeting-entries")).ToContainTextAsync("Escalated to the GP");

        // The GP's inbox: the request, marked as needing action.
        var gp = await OpenPageAsync("gp.larsen");
        await LogInAsync(gp, "gp.larsen");
        await gp.GotoAsync("inbox");
        var thread = gp.GetByTestId("thread-item").Filter(new() { HasText = "Early detection: Jens Jensen is red, please act" }).First;
        await Expect(thread).ToBeVisibleAsync();
        await Expect(thread).ToContainTextAsync("Needs action");
        await thread.ClickAsync();
        await Expect(gp.GetByText(request)).ToBeVisibleAsync();
    });
}
