using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The live pathway page with several people at once, each in their own browser context: who else is viewing,
/// care team changes and messages arriving without reload, what a relative may not see, concurrent edits,
/// and message text that must stay text.
/// </summary>
public sealed class LivePathwayTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>A change by one user must reach the others' open pages within this, without a reload.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    private const string Rehabilitation = "Havby Kommune, Genoptræningscenter";

    [Fact]
    public Task Presence_shows_who_else_is_viewing_and_drops_those_who_leave() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenPathwayAsync(gp, jens);
        // Earlier tests in this app may have left circuits on Jens' pathway (Anne's, Sofie's …): presence lets them fade (30 s).
        await Expect(gp.GetByTestId("presence-viewer")).ToHaveCountAsync(0, new() { Timeout = 45_000 });
        var gpUrl = await MarkPageAsync(gp);

        var nurse = await OpenPageAsync("nurse-holm");
        await LogInAsync(nurse, "nurse.holm");
        await OpenPathwayAsync(nurse, jens);

        // Each sees the other, with name, role and organisation.
        var anneOnGp = gp.GetByTestId("presence-viewer").Filter(new() { HasText = "Anne Holm" });
        await Expect(anneOnGp).ToBeVisibleAsync(Live);
        await Expect(anneOnGp).ToContainTextAsync("Municipal nurse");
        await Expect(anneOnGp).ToContainTextAsync("Havby Kommune, Hjemmeplejen");
        var peterOnNurse = nurse.GetByTestId("presence-viewer").Filter(new() { HasText = "Peter Larsen" });
        await Expect(peterOnNurse).ToBeVisibleAsync(Live);
        await Expect(peterOnNurse).ToContainTextAsync("General practitioner");
        await Expect(peterOnNurse).ToContainTextAsync("Lægerne Strandvejen");
        // Nobody is listed as viewing their own page.
        await Expect(gp.GetByTestId("presence-viewer").Filter(new() { HasText = "Peter Larsen" })).ToHaveCountAsync(0);
        await Expect(nurse.GetByTestId("presence-viewer").Filter(new() { HasText = "Anne Holm" })).ToHaveCountAsync(0);

        await gp.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CopyToDocsAsync(await ScreenshotAsync(gp, "pathway-live-gp"), "pathway-live.png");
        await ScreenshotAsync(nurse, "pathway-live-nurse");

        // The nurse moves on to her inbox inside the app: she disappears from the GP's list.
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(anneOnGp).ToHaveCountAsync(0, new() { Timeout = Live.Timeout });
        await Expect(gp.GetByTestId("presence-list")).ToContainTextAsync("No one else is viewing this pathway.");

        // She comes back, and then closes the tab: she is gone again.
        await nurse.GoBackAsync();
        await Expect(nurse.GetByTestId("pathway-header")).ToBeVisibleAsync();
        await Expect(anneOnGp).ToBeVisibleAsync(Live);
        await nurse.CloseAsync(new() { RunBeforeUnload = true });
        await Expect(anneOnGp).ToHaveCountAsync(0, new() { Timeout = Live.Timeout });

        await AssertNotReloadedAsync(gp, gpUrl);
    });

    [Fact]
    public Task Care_team_member_added_by_the_nurse_appears_live_for_the_gp() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var person = $"Test Person {Unique()}";

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenPathwayAsync(gp, jens, "care-team");
        await Expect(CareTeamRows(gp).First).ToBeVisibleAsync();
        var gpUrl = await MarkPageAsync(gp);

        var nurse = await OpenPageAsync("nurse-holm");
        await LogInAsync(nurse, "nurse.holm");
        await OpenPathwayAsync(nurse, jens);
        await nurse.GetByRole(AriaRole.Tab, new() { Name = "Care team & contacts" }).ClickAsync();
        await Expect(nurse).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/patients/{jens}/care-team$"));
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Add care team member" }).ClickAsync();

        var dialog = nurse.GetByRole(AriaRole.Dialog, new() { Name = "Add care team member" });
        await Expect(dialog).ToBeVisibleAsync();
        // Skovlund Kommune (the municipality itself) is not on Jens' team, and no demo user belongs to it,
        // so adding it changes no one's access (Birgit Sørensen is in Skovlund's home care, a different organisation).
        await ChooseAsync(nurse, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Organisation" }), "Skovlund Kommune");
        await ChooseAsync(nurse, dialog.GetByRole(AriaRole.Combobox, new() { Name = "Role on the care team" }), "Coordinator");
        await dialog.GetByLabel("Person").FillAsync(person);
        await dialog.GetByLabel("Phone").FillAsync("+45 70 10 20 30");
        await dialog.GetByLabel("Reason for joining the care team").FillAsync("Coordinates the move to Skovlund");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(nurse.GetByText("Care team saved.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(CareTeamRows(nurse).Filter(new() { HasText = person })).ToBeVisibleAsync();

        // The GP, with the same section open, gets the new row without reloading.
        var row = CareTeamRows(gp).Filter(new() { HasText = person });
        await Expect(row).ToBeVisibleAsync(Live);
        await Expect(row).ToContainTextAsync("Skovlund Kommune");
        await Expect(row).ToContainTextAsync("Coordinator");
        await Expect(row).ToContainTextAsync("+45 70 10 20 30");
        await Expect(row).ToContainTextAsync("ongoing");
        await AssertNotReloadedAsync(gp, gpUrl);
        await ScreenshotAsync(gp, "care-team-added-live-gp");
    });

    [Fact]
    public Task Gp_message_reaches_the_nurse_inbox_live_but_not_the_relative() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var subject = $"Oxygen saturation at home {Unique()}";

        var nurse = await OpenPageAsync("nurse-holm");
        await LogInAsync(nurse, "nurse.holm");
        await nurse.GotoAsync("inbox");
        await Expect(nurse.GetByTestId("thread-item").First).ToBeVisibleAsync();
        var nurseUrl = await MarkPageAsync(nurse);

        var ulla = await OpenPageAsync("ulla");
        await LogInAsync(ulla, "ulla");
        await OpenPathwayAsync(ulla, jens);

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenPathwayAsync(gp, jens);
        await gp.GetByRole(AriaRole.Tab, new() { Name = "Messages" }).ClickAsync();
        await gp.GetByRole(AriaRole.Button, new() { Name = "New message" }).ClickAsync();
        var form = gp.GetByTestId("new-thread-form");
        await form.GetByLabel("Subject").FillAsync(subject);
        await form.GetByLabel("Message", new() { Exact = true }).FillAsync("Please measure his saturation twice daily this week and call us below 90 %.");
        await Expect(form.GetByLabel("Share with relatives (if the patient consents)")).Not.ToBeCheckedAsync();
        await Expect(form.GetByLabel("Share with the patient")).Not.ToBeCheckedAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(gp.GetByTestId("thread-panel")).ToContainTextAsync(subject);
        await Expect(gp.GetByTestId("thread-panel").GetByTestId("read-by")).ToHaveTextAsync("Not read yet");

        // The nurse's open inbox shows it at once, marked unread.
        var item = nurse.GetByTestId("thread-item").Filter(new() { HasText = subject });
        await Expect(item).ToBeVisibleAsync(Live);
        await Expect(item).ToContainTextAsync("Jens Jensen");
        await Expect(item).ToContainTextAsync("Peter Larsen");
        await Expect(item.GetByRole(AriaRole.Img, new() { Name = "Unread" })).ToBeVisibleAsync();
        await AssertNotReloadedAsync(nurse, nurseUrl);
        await ScreenshotAsync(nurse, "inbox-unread");

        // Opening it shows the text, clears the marker, and tells the GP it was read.
        await item.ClickAsync();
        var thread = nurse.GetByTestId("thread-panel");
        await Expect(thread).ToContainTextAsync(subject);
        await Expect(thread.GetByTestId("message-text")).ToHaveTextAsync("Please measure his saturation twice daily this week and call us below 90 %.");
        await Expect(item.GetByRole(AriaRole.Img, new() { Name = "Unread" })).ToHaveCountAsync(0, new() { Timeout = Live.Timeout });
        await Expect(gp.GetByTestId("thread-panel").GetByTestId("read-by")).ToHaveTextAsync("Read by Anne Holm", new() { Timeout = Live.Timeout });
        await nurse.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CopyToDocsAsync(await ScreenshotAsync(nurse, "inbox"), "inbox.png");

        // Ulla follows the pathway with Jens' consent, which covers the care team, the calendar and his rehabilitation but not messages.
        var tabs = ulla.GetByRole(AriaRole.Tab);
        await Expect(tabs).ToHaveTextAsync(["Overview", "Care team & contacts", "Timeline", "Calendar", "Rehabilitation"]);
        await Expect(ulla.GetByRole(AriaRole.Tab, new() { Name = "Messages" })).ToHaveCountAsync(0);
        await Expect(ulla.Locator("body")).Not.ToContainTextAsync(subject);
        await ulla.GetByRole(AriaRole.Tab, new() { Name = "Care team & contacts" }).ClickAsync();
        await Expect(CareTeamRows(ulla).Filter(new() { HasText = Rehabilitation })).ToBeVisibleAsync();
        await Expect(CareTeamRows(ulla).Filter(new() { HasText = "Havby Kommune, Hjemmeplejen" })).ToBeVisibleAsync();
        await Expect(ulla.GetByTestId("relatives-table")).ToContainTextAsync("Ulla Jensen");
        await Expect(ulla.GetByRole(AriaRole.Button, new() { Name = "Add care team member" })).ToHaveCountAsync(0);
        await Expect(ulla.Locator("body")).Not.ToContainTextAsync(subject);
        await ulla.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        await Expect(ulla.GetByTestId("timeline-entry").First).ToBeVisibleAsync();
        await Expect(ulla.Locator("body")).Not.ToContainTextAsync(subject);
        // Typing the messages address directly does not reveal them either.
        await ulla.GotoAsync($"patients/{jens}/messages");
        await Expect(ulla.GetByTestId("pathway-header")).ToBeVisibleAsync();
        await Expect(ulla.GetByRole(AriaRole.Tab, new() { Name = "Messages" })).ToHaveCountAsync(0);
        await Expect(ulla.Locator("body")).Not.ToContainTextAsync(subject);
        // Her inbox holds nothing from this pathway.
        await ulla.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await Expect(ulla.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Expect(ulla.GetByTestId("inbox")).ToContainTextAsync("Nothing here.");
        await Expect(ulla.GetByTestId("thread-item")).ToHaveCountAsync(0);
        await Expect(ulla.Locator("body")).Not.ToContainTextAsync(subject);
        await ScreenshotAsync(ulla, "inbox-relative");
    });

    [Fact]
    public Task Concurrent_edit_of_a_care_team_member_shows_the_conflict_and_applies_the_gp_change_again() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var unique = Unique();
        var coordinatorValue = $"Coordinator edit {unique}";
        var gpValue = $"GP edit {unique}";

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenPathwayAsync(gp, jens, "care-team");
        var coordinator = await OpenPageAsync("coordinator-dahl");
        await LogInAsync(coordinator, "coordinator.dahl");
        await OpenPathwayAsync(coordinator, jens, "care-team");
        var coordinatorUrl = await MarkPageAsync(coordinator);

        // Both open the same member's edit dialog.
        var gpDialog = await OpenMemberDialogAsync(gp, Rehabilitation);
        var coordinatorDialog = await OpenMemberDialogAsync(coordinator, Rehabilitation);

        // The coordinator saves first; the GP's table follows (the GP's dialog still holds the old version).
        await coordinatorDialog.GetByLabel("Person").FillAsync(coordinatorValue);
        await coordinatorDialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(coordinatorDialog).ToHaveCountAsync(0);
        await Expect(CareTeamRows(gp).Filter(new() { HasText = Rehabilitation })).ToContainTextAsync(coordinatorValue, new() { Timeout = Live.Timeout });

        // The GP saves on top: the conflict dialog names the coordinator and shows both values.
        await gpDialog.GetByLabel("Person").FillAsync(gpValue);
        await gpDialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var conflict = gp.GetByTestId("conflict-dialog");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.GetByTestId("conflict-message")).ToContainTextAsync("Lise Dahl");
        var personRow = conflict.Locator("tr").Filter(new() { HasText = "Person" });
        await Expect(personRow.GetByTestId("conflict-theirs")).ToHaveTextAsync(coordinatorValue);
        await Expect(personRow.GetByTestId("conflict-yours")).ToHaveTextAsync(gpValue);
        await CopyToDocsAsync(await ScreenshotAsync(gp, "conflict-dialog"), "conflict-dialog.png");

        var conflictWindow = gp.GetByRole(AriaRole.Dialog).Filter(new() { Has = conflict });
        await conflictWindow.GetByRole(AriaRole.Button, new() { Name = "Apply my change again" }).ClickAsync();
        await Expect(conflict).ToHaveCountAsync(0);
        await Expect(gpDialog).ToHaveCountAsync(0);
        var gpRow = CareTeamRows(gp).Filter(new() { HasText = Rehabilitation });
        await Expect(gpRow).ToContainTextAsync(gpValue);
        await Expect(gpRow).Not.ToContainTextAsync(coordinatorValue);

        // The coordinator's open page shows the GP's value without reload.
        var coordinatorRow = CareTeamRows(coordinator).Filter(new() { HasText = Rehabilitation });
        await Expect(coordinatorRow).ToContainTextAsync(gpValue, new() { Timeout = Live.Timeout });
        await AssertNotReloadedAsync(coordinator, coordinatorUrl);
    });

    [Fact]
    public Task Script_in_a_message_is_shown_as_text_to_the_recipient() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var subject = $"<b>Bold?</b> {Unique()}";
        const string Text = "See <img src=x onerror=\"window.__xss=1\"> and <script>window.__xss=1</script> done";

        var nurse = await OpenPageAsync("nurse-holm");
        await LogInAsync(nurse, "nurse.holm");
        await OpenPathwayAsync(nurse, jens, "messages");
        await Expect(nurse.GetByTestId("thread-item").First).ToBeVisibleAsync();

        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await OpenPathwayAsync(gp, jens, "messages");
        await gp.GetByRole(AriaRole.Button, new() { Name = "New message" }).ClickAsync();
        var form = gp.GetByTestId("new-thread-form");
        await form.GetByLabel("Subject").FillAsync(subject);
        await form.GetByLabel("Message", new() { Exact = true }).FillAsync(Text);
        await form.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(gp.GetByTestId("thread-panel").GetByTestId("message-text")).ToHaveTextAsync(Text);

        // The thread arrives in the nurse's open list; she reads it.
        var item = nurse.GetByTestId("thread-item").Filter(new() { HasText = subject });
        await Expect(item).ToBeVisibleAsync(Live);
        await item.ClickAsync();
        var thread = nurse.GetByTestId("thread-panel");
        await Expect(thread.GetByTestId("message-text")).ToHaveTextAsync(Text);
        await Expect(thread).ToContainTextAsync(subject);
        await Expect(thread.Locator("img, script, b")).ToHaveCountAsync(0);
        await Expect(nurse.Locator("img[src='x']")).ToHaveCountAsync(0);
        await ScreenshotAsync(nurse, "message-script-as-text");

        foreach (var page in new[] { nurse, gp })
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    });

    // ---- helpers ----

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Opens Jens' pathway (optionally on a section) and waits until the live circuit has rendered it.</summary>
    private static async Task OpenPathwayAsync(IPage page, Guid patientId, string? section = null)
    {
        await page.GotoAsync(section is null ? $"patients/{patientId}" : $"patients/{patientId}/{section}");
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(page);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveCountAsync(1);
    }

    private static ILocator CareTeamRows(IPage page) => page.GetByTestId("care-team-table").GetByTestId("care-team-row");

    private static async Task<ILocator> OpenMemberDialogAsync(IPage page, string organisation)
    {
        await CareTeamRows(page).Filter(new() { HasText = organisation })
            .GetByRole(AriaRole.Button, new() { Name = $"Change {organisation}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Change {organisation}" });
        await Expect(dialog.GetByLabel("Person")).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>Opens a MudSelect and clicks the option with exactly this text in its popover.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        var item = page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open").GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    private static Task CopyToDocsAsync(string screenshot, string name)
    {
        DocsScreenshots.Publish(screenshot, name);
        return Task.CompletedTask;
    }
}
