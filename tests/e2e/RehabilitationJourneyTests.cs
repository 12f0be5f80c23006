using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The rehabilitation plan with two people at once: Jens logs his training on a phone, and the physiotherapist's open
/// weekly review shows it without a reload.
/// </summary>
public sealed class RehabilitationJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public Task Jens_logs_training_on_his_phone_and_the_physiotherapists_open_review_shows_it_without_a_reload() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var note = "Knæet gjorde ondt på trappen " + Guid.NewGuid().ToString("N")[..6];

        var physio = await OpenPageAsync("physio.mikkelsen");
        await LogInAsync(physio, "physio.mikkelsen");
        await OpenRehabilitationAsync(physio, jens);
        var review = physio.GetByTestId("adherence-review");
        await Expect(review.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        // The demo's three weeks of training, newest week first, each with its share of the plan.
        Assert.True(await review.GetByTestId("adherence-week").CountAsync() >= 3);
        await physio.EvaluateAsync("() => { window.__marker = 1; }");
        var physioUrl = physio.Url;

        var phone = await OpenPageAsync("jens");
        await phone.SetViewportSizeAsync(375, 812);
        await LogInAsync(phone, "jens");
        await phone.GotoAsync($"patients/{jens}/rehabilitation/log");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Log training" })).ToBeVisibleAsync();
        await WaitForBlazorAsync(phone);
        var form = phone.GetByTestId("rehabilitation-log-form");
        await Expect(form).ToBeVisibleAsync();
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(phone, "the training log on a phone");

        await form.GetByRole(AriaRole.Button, new() { Name = "Gåtur", Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Partly done", Exact = true }).ClickAsync();
        await form.GetByTestId("log-pain-4").ClickAsync();
        await Expect(form.GetByTestId("log-pain-4")).ToHaveAttributeAsync("aria-pressed", "true");
        await form.GetByLabel("Note for the physiotherapist (optional)").FillAsync(note);
        // Saved from the keyboard: the large buttons are ordinary buttons.
        await form.GetByTestId("save-training").FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.GetByTestId("log-saved")).ToContainTextAsync("Gåtur");
        await Expect(form.GetByLabel("Note for the physiotherapist (optional)")).ToHaveValueAsync("");
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(phone, "the training log on a phone, saved");

        // The physiotherapist's review, open all along, shows the session without reloading.
        var session = physio.GetByTestId("rehabilitation-session").Filter(new() { HasText = note });
        await Expect(session).ToBeVisibleAsync(Live);
        await Expect(session).ToContainTextAsync("Partly done");
        await Expect(session).ToContainTextAsync("Pain 4/10");
        await Expect(session).ToContainTextAsync("Logged by Jens Jensen");
        Assert.True(await physio.EvaluateAsync<bool>("() => window.__marker === 1"), "The physiotherapist's page was reloaded.");
        Assert.Equal(physioUrl, physio.Url);
        await ScreenshotAsync(phone, "rehabilitation-log-phone");
        await ScreenshotAsync(physio, "rehabilitation-review-live");
    });

    [Fact]
    public Task Jens_corrects_a_session_he_logged_and_the_physiotherapists_open_review_shows_the_correction_without_a_reload() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var note = "Gik kun halvdelen " + Guid.NewGuid().ToString("N")[..6];

        var physio = await OpenPageAsync("physio.mikkelsen");
        await LogInAsync(physio, "physio.mikkelsen");
        await OpenRehabilitationAsync(physio, jens);
        await physio.EvaluateAsync("() => { window.__marker = 1; }");

        var patient = await OpenPageAsync("jens");
        await LogInAsync(patient, "jens");
        await patient.GotoAsync($"patients/{jens}/rehabilitation/log");
        await WaitForBlazorAsync(patient);
        var form = patient.GetByTestId("rehabilitation-log-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gåtur", Exact = true }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Not done", Exact = true }).ClickAsync();
        await form.GetByTestId("log-pain-6").ClickAsync();
        await form.GetByLabel("Note for the physiotherapist (optional)").FillAsync(note);
        await form.GetByTestId("save-training").ClickAsync();
        await Expect(patient.GetByTestId("log-saved")).ToContainTextAsync("Gåtur");

        // He meant "partly done" and less pain: he corrects it from his rehabilitation plan.
        await OpenRehabilitationAsync(patient, jens);
        var own = patient.GetByTestId("rehabilitation-session").Filter(new() { HasText = note });
        await Expect(own).ToContainTextAsync("Not done");
        await own.GetByTestId("correct-session").ClickAsync();
        var correction = own.GetByTestId("session-correction-form");
        await correction.GetByTestId("correction-outcome-Partly").ClickAsync();
        await Expect(correction.GetByTestId("correction-outcome-Partly")).ToHaveAttributeAsync("aria-pressed", "true");
        await correction.GetByLabel("Pain (0–10, empty for none)").FillAsync("3");
        await correction.GetByTestId("save-correction").ClickAsync();
        await Expect(own.GetByTestId("session-correction-form")).ToHaveCountAsync(0);
        await Expect(own.GetByTestId("session-correction")).ToContainTextAsync("Corrected by Jens Jensen");

        // The physiotherapist's review, open all along, shows the corrected session and what was changed.
        var session = physio.GetByTestId("rehabilitation-session").Filter(new() { HasText = note });
        await Expect(session.GetByTestId("session-correction")).ToContainTextAsync("Corrected by Jens Jensen", new() { Timeout = Live.Timeout });
        await Expect(session).ToContainTextAsync("Partly done");
        await Expect(session).ToContainTextAsync("Pain 3/10");
        await Expect(session.GetByTestId("session-correction")).ToContainTextAsync("6");
        Assert.True(await physio.EvaluateAsync<bool>("() => window.__marker === 1"), "The physiotherapist's page was reloaded.");
    });

    [Fact]
    public Task The_physiotherapist_messages_Jens_from_the_review_and_Jens_reads_it_in_his_messages() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var text = "Flot træning – prøv at gå lidt længere i næste uge " + Guid.NewGuid().ToString("N")[..6];

        var physio = await OpenPageAsync("physio.mikkelsen");
        await LogInAsync(physio, "physio.mikkelsen");
        await OpenRehabilitationAsync(physio, jens);
        await physio.GetByTestId("message-patient").ClickAsync();
        await physio.GetByLabel("Message", new() { Exact = true }).FillAsync(text);
        await physio.GetByTestId("send-patient-message").ClickAsync();
        await Expect(physio.GetByTestId("message-patient")).ToBeVisibleAsync();

        var patient = await OpenPageAsync("jens");
        await LogInAsync(patient, "jens");
        await patient.GotoAsync($"patients/{jens}/messages");
        await Expect(patient.GetByText("Your rehabilitation training").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_stale_change_of_the_plan_gets_the_conflict_dialog_and_keeps_nothing_silently() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var first = await OpenPageAsync("hospital.doctor");
        await LogInAsync(first, "hospital.doctor");
        await OpenRehabilitationAsync(first, jens);
        var second = await OpenPageAsync("physio.mikkelsen");
        await LogInAsync(second, "physio.mikkelsen");
        await OpenRehabilitationAsync(second, jens);
        await first.GetByTestId("change-rehabilitation-plan").ClickAsync();
        await second.GetByTestId("change-rehabilitation-plan").ClickAsync();
        await Expect(second.GetByTestId("rehabilitation-editor")).ToBeVisibleAsync();

        await first.GetByTestId("save-rehabilitation-plan").ClickAsync();
        await Expect(first.GetByTestId("rehabilitation-editor")).ToHaveCountAsync(0);
        await second.GetByTestId("save-rehabilitation-plan").ClickAsync();

        var dialog = second.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Someone else changed this first");
        await Expect(dialog).ToContainTextAsync("Mette Hansen");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reload their version" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(second.GetByTestId("rehabilitation-plan")).ToContainTextAsync("Last changed");
    });

    internal static async Task OpenRehabilitationAsync(IPage page, Guid patientId)
    {
        await page.GotoAsync($"patients/{patientId}/rehabilitation");
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(page);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync("Rehabilitation");
        await Expect(page.GetByTestId("rehabilitation-plan")).ToBeVisibleAsync();
    }
}
