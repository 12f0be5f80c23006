using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.FollowUp;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// WCAG 2.1 AA, checked by axe-core: every page each kind of user can reach, signed in as that user, has no
/// serious or critical violation. A failure lists every violation by page, rule and element.
/// </summary>
public sealed class AccessibilityAxeTests(AppFixture app) : BrowserTest(app)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public Task Sign_in_and_not_found_pages_pass_axe_for_an_anonymous_visitor() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("anonymous");
        var report = new AxeReport();

        await page.GotoAsync("account/login");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeVisibleAsync();
        await report.CheckAsync(page, "sign-in");

        // The login form's own error message (an alert) must pass as well.
        await page.GetByLabel("User name").FillAsync("nobody");
        await page.GetByLabel("Password").FillAsync("wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await report.CheckAsync(page, "sign-in with error");

        await page.GotoAsync("no/such/page");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await report.CheckAsync(page, "not found");

        report.AssertNone();
    });

    [Theory]
    [InlineData("gp.larsen")]
    [InlineData("nurse.holm")]
    [InlineData("careworker.berg")]
    [InlineData("coordinator.dahl")]
    [InlineData("jens")]
    [InlineData("ulla")]
    public Task Every_page_passes_axe_for(string userName) => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        // The Medication tab is checked with Jens' list in it, not empty.
        await MedicationTests.SyncMedicationAsync(App);
        await SyncMeasurementsAsync();
        var page = await OpenPageAsync(userName);
        await LogInAsync(page, userName);
        var report = new AxeReport();

        await page.GotoAsync("patients");
        await WaitForPatientTableAsync(page);
        await report.CheckAsync(page, "patients");
        await SearchPatientsAsync(page, "Jens", () => Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jens Jensen", Exact = true })).ToBeVisibleAsync(new() { Timeout = 8_000 }));
        await report.CheckAsync(page, "patients, searched");

        await page.GotoAsync($"patients/{jens}");
        await Expect(page.GetByTestId("pathway-header")).ToBeVisibleAsync();
        await WaitForBlazorAsync(page);
        var tabs = await page.GetByRole(AriaRole.Tab).AllTextContentsAsync();
        Assert.NotEmpty(tabs);
        foreach (var tab in tabs)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab.Trim(), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync(tab.Trim());
            await WaitForSectionAsync(page);
            if (tab.Trim() == "Medication")
                await Expect(page.Locator("[data-testid=medication-item][data-atc=R03BB04]")).ToBeVisibleAsync();
            if (tab.Trim() == "Care team & contacts")
                await Expect(page.GetByTestId("sor-contact").First).ToBeVisibleAsync();
            await report.CheckAsync(page, $"pathway: {tab.Trim()}");
            var add = page.GetByRole(AriaRole.Button, new() { Name = "Add care team member" });
            if (tab.Trim() == "Care team & contacts" && await add.CountAsync() > 0)
            {
                await add.ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add care team member" });
                await Expect(dialog.GetByLabel("Person")).ToBeVisibleAsync();
                await dialog.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
                await report.CheckAsync(page, "pathway: add care team member dialog");
                await page.Keyboard.PressAsync("Escape");
                await Expect(dialog).ToHaveCountAsync(0);
            }
            var prescribe = page.GetByTestId("prescribe-button");
            if (tab.Trim() == "Medication" && await prescribe.CountAsync() > 0)
            {
                await prescribe.ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Prescribe" });
                await Expect(dialog.GetByTestId("prescribe-save")).ToBeVisibleAsync();
                await dialog.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
                await report.CheckAsync(page, "pathway: prescribe dialog");
                await page.Keyboard.PressAsync("Escape");
                await Expect(dialog).ToHaveCountAsync(0);
            }
            var changeDose = page.Locator("[data-testid=medication-group][data-status=Active] [data-testid=medication-change-dose]");
            if (tab.Trim() == "Medication" && await changeDose.CountAsync() > 0)
            {
                await changeDose.First.ClickAsync();
                var doseDialog = page.GetByRole(AriaRole.Dialog);
                await Expect(doseDialog.GetByTestId("change-dose-dialog")).ToBeVisibleAsync();
                await doseDialog.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
                await report.CheckAsync(page, "pathway: change dose dialog");
                await page.Keyboard.PressAsync("Escape");
                await Expect(doseDialog).ToHaveCountAsync(0);
            }
            var reconcile = page.GetByTestId("reconciliation-open");
            if (tab.Trim() == "Medication" && await reconcile.CountAsync() > 0)
            {
                await reconcile.ClickAsync();
                var reconciliation = page.GetByRole(AriaRole.Dialog, new() { Name = "Reconcile discharge medication" });
                await Expect(reconciliation.GetByTestId("reconciliation-finish")).ToBeVisibleAsync();
                await reconciliation.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
                await report.CheckAsync(page, "pathway: medication reconciliation dialog");
                await page.Keyboard.PressAsync("Escape");
                await Expect(reconciliation).ToHaveCountAsync(0);
            }
            var recordAllergy = page.GetByTestId("allergy-add");
            if (tab.Trim() == "Medication" && await recordAllergy.CountAsync() > 0)
            {
                await recordAllergy.ClickAsync();
                var allergyDialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Record allergy" });
                await Expect(allergyDialog.GetByLabel("Substance")).ToBeVisibleAsync();
                await allergyDialog.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
                await report.CheckAsync(page, "pathway: record allergy dialog");
                await page.Keyboard.PressAsync("Escape");
                await Expect(allergyDialog).ToHaveCountAsync(0);
            }
            if (tab.Trim() == "Calendar")
                await CheckCalendarSectionAsync(page, report);
            if (tab.Trim() == "Care plans")
                await CheckCarePlanSectionAsync(page, report);
            if (tab.Trim() == "Measurements")
                await CheckMeasurementsSectionAsync(page, report);
        }

        await page.GotoAsync("inbox");
        await Expect(page.GetByTestId("inbox")).ToBeVisibleAsync();
        await WaitForBlazorAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await report.CheckAsync(page, "inbox");

        await page.GotoAsync("calendar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My calendar" })).ToBeVisibleAsync();
        await WaitForBlazorAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await report.CheckAsync(page, "calendar");

        // The triage board: the unit's board for home care, a clear refusal for everyone else.
        await page.GotoAsync("triage");
        await Expect(page.GetByTestId("triage-board").Or(page.GetByTestId("triage-board-refused"))).ToBeVisibleAsync();
        await WaitForBlazorAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await report.CheckAsync(page, "triage board");
        var meetingToggle = page.GetByTestId("triage-meeting-toggle");
        if (await meetingToggle.CountAsync() > 0)
        {
            await meetingToggle.ClickAsync();
            await Expect(page.GetByTestId("triage-meeting")).ToBeVisibleAsync();
            await report.CheckAsync(page, "triage meeting");
        }

        await CheckAccountPagesAsync(page, report);
        report.AssertNone();
    });

    /// <summary>The care plans: the history of Jens' COPD plan with an earlier version opened, and the goal and measurement editors for those who edit.</summary>
    private static async Task CheckCarePlanSectionAsync(IPage page, AxeReport report)
    {
        var plan = page.GetByTestId("care-plan").First;
        await Expect(plan).ToBeVisibleAsync();
        await plan.GetByTestId("care-plan-history-button").ClickAsync();
        var history = page.GetByTestId("care-plan-history");
        await Expect(history.GetByTestId("care-plan-version").First).ToBeVisibleAsync();
        await history.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
        await report.CheckAsync(page, "pathway: care plan history");
        await history.GetByTestId("care-plan-version").Last.ClickAsync();
        await Expect(history.GetByTestId("opened-version")).ToBeVisibleAsync();
        await report.CheckAsync(page, "pathway: care plan, earlier version");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Expect(history).ToHaveCountAsync(0);
        var addGoal = plan.GetByTestId("add-goal");
        if (await addGoal.CountAsync() == 0)
            return;
        await addGoal.ClickAsync();
        var editor = page.GetByTestId("goal-editor");
        await Expect(editor.GetByLabel("Measure")).ToBeVisibleAsync();
        var unitField = editor.GetByLabel("Unit (UCUM)");
        await unitField.ClickAsync();
        await unitField.PressSequentiallyAsync("mmHg");
        await unitField.PressAsync("Tab");
        await Expect(editor).ToContainTextAsync("is not a UCUM unit");
        await editor.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
        await report.CheckAsync(page, "pathway: goal editor dialog");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(editor).ToHaveCountAsync(0);

        var measurement = plan.GetByTestId("care-plan-measurement").Locator("a");
        if (await measurement.CountAsync() > 0)
            await measurement.First.ClickAsync();
        else
            await plan.GetByTestId("add-measurement").ClickAsync();
        var measurementEditor = page.GetByTestId("measurement-editor");
        await Expect(measurementEditor.GetByLabel("Unit (UCUM)")).ToBeVisibleAsync();
        var removeMeasurement = measurementEditor.GetByTestId("remove-button");
        if (await removeMeasurement.CountAsync() > 0)
        {
            await removeMeasurement.ClickAsync();
            await Expect(measurementEditor.GetByTestId("remove-question")).ToBeVisibleAsync();
        }
        await measurementEditor.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
        await report.CheckAsync(page, "pathway: measurement to follow dialog, asking before removing");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(measurementEditor).ToHaveCountAsync(0);
    }

    /// <summary>The calendar section in its week and month views, and the New appointment dialog for those who book.</summary>
    /// <summary>Jens' home measurements are in the database, so the section shows its charts and tables (the sync is idempotent).</summary>
    private async Task SyncMeasurementsAsync()
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CareWorkspace.Infrastructure.NationalServices.Sync.MeasurementSyncJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The measurements section with its charts and tables, and one table opened to all its rows.</summary>
    private static async Task CheckMeasurementsSectionAsync(IPage page, AxeReport report)
    {
        await Expect(page.GetByTestId("measurement-series").First).ToBeVisibleAsync();
        await page.GetByTestId("measurement-show-all").First.ClickAsync();
        await Expect(page.GetByTestId("measurement-show-all").First).ToHaveAttributeAsync("aria-expanded", "true");
        await report.CheckAsync(page, "pathway: measurements, one table in full");
    }

    private static async Task CheckCalendarSectionAsync(IPage page, AxeReport report)
    {
        foreach (var layout in new[] { "Week", "Month" })
        {
            await page.GetByTestId("calendar-layout").GetByText(layout, new() { Exact = true }).ClickAsync();
            await Expect(page.GetByTestId($"calendar-{layout.ToLowerInvariant()}")).ToBeVisibleAsync();
            await WaitForSectionAsync(page);
            // The toggle's colours fade from one layout to the other: judge them once settled.
            await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
            await report.CheckAsync(page, $"pathway: calendar, {layout.ToLowerInvariant()}");
        }
        var book = page.GetByRole(AriaRole.Button, new() { Name = "New appointment", Exact = true });
        if (await book.CountAsync() == 0)
            return;
        await book.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New appointment" });
        await Expect(dialog.GetByLabel("Reason")).ToBeVisibleAsync();
        await dialog.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
        await report.CheckAsync(page, "pathway: new appointment dialog");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The triage recording pages on a tablet (768 × 1024): the unit's citizens, and the change form with a changed item,
    /// a refused value beside its field and an unusual value asking for confirmation.
    /// </summary>
    [Fact]
    public Task The_triage_recording_pages_pass_axe_on_a_tablet() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var report = new AxeReport();
        var tablet = await OpenPageAsync("careworker.berg");
        await tablet.SetViewportSizeAsync(768, 1024);
        await LogInAsync(tablet, "careworker.berg");

        await tablet.GotoAsync("triage/record");
        await Expect(tablet.GetByTestId("triage-citizens")).ToBeVisibleAsync();
        await WaitForBlazorAsync(tablet);
        await report.CheckAsync(tablet, "triage: the unit's citizens");

        await tablet.GotoAsync($"triage/record/{jens}");
        var form = tablet.GetByTestId("change-form");
        await Expect(form).ToBeVisibleAsync();
        await WaitForBlazorAsync(tablet);
        await report.CheckAsync(tablet, "triage: change form");
        await form.GetByTestId("changed-bowels").ClickAsync();
        await form.GetByLabel("Pulse", new() { Exact = true }).FillAsync("400");
        await form.GetByLabel("Temperature", new() { Exact = true }).FillAsync("33,5");
        await Expect(form.GetByTestId("vital-temperature-unusual")).ToBeVisibleAsync();
        await form.GetByTestId("choose-red").ClickAsync();
        await form.GetByTestId("save-change-form").ClickAsync();
        await Expect(form.GetByTestId("change-form-error")).ToBeVisibleAsync();
        await tablet.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        await report.CheckAsync(tablet, "triage: change form with refused and unusual values");
        report.AssertNone();
    });

    /// <summary>Medication administration on a tablet (768 × 1024): the care home's overview, and a resident's schedule with a refused "not given".</summary>
    [Fact]
    public Task The_overview_and_the_schedule_pass_axe_on_a_tablet() => RunAsync(async () =>
    {
        var gudrun = await MedicationAdministrationTests.ResidentIdAsync(App);
        var report = new AxeReport();
        var tablet = await OpenPageAsync("care home");
        await tablet.SetViewportSizeAsync(768, 1024);
        await LogInAsync(tablet, "carehome.worker");

        await tablet.GotoAsync("care-home/administration");
        await Expect(tablet.GetByTestId("administration-residents")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await WaitForBlazorAsync(tablet);
        await report.CheckAsync(tablet, "administration: the unit's overview");
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(tablet, "administration overview");

        await tablet.GotoAsync($"care-home/administration/{gudrun}");
        await Expect(tablet.GetByTestId("administration-doses")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await WaitForBlazorAsync(tablet);
        var open = tablet.GetByTestId("administration-not-given").First;
        if (await open.IsVisibleAsync())
        {
            await open.ClickAsync();
            await Expect(tablet.GetByTestId("administration-reason")).ToBeVisibleAsync();
            await tablet.GetByTestId("administration-save-not-given").ClickAsync();
            // Which refusal shows depends on the time of day: a dose due more than two hours from now is refused for its
            // time before its missing reason. Either way the form is in its error state, which is what axe checks here.
            await Expect(tablet.GetByTestId("administration-dose-error")).ToContainTextAsync(
                new System.Text.RegularExpressions.Regex("Write why the dose was not given\\.|more than two hours before the dose is due"));
        }
        await report.CheckAsync(tablet, "administration: a resident's schedule");
        await AccessibilityJourneyTests.AssertNoSidewaysScrollAsync(tablet, "administration schedule");
        report.AssertNone();
    });

    /// <summary>
    /// The rehabilitation section as the physiotherapist reviews it (with the message form open) and as the hospital edits
    /// the plan, and the training log on a phone for Jens and Ulla.
    /// </summary>
    [Fact]
    public Task The_rehabilitation_section_and_the_training_log_pass_axe() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var report = new AxeReport();

        var physio = await OpenPageAsync("physio.mikkelsen");
        await LogInAsync(physio, "physio.mikkelsen");
        await RehabilitationJourneyTests.OpenRehabilitationAsync(physio, jens);
        await Expect(physio.GetByTestId("adherence-table")).ToBeVisibleAsync();
        await report.CheckAsync(physio, "rehabilitation: physiotherapist's review");
        await physio.GetByTestId("message-patient").ClickAsync();
        await Expect(physio.GetByTestId("message-patient-form")).ToBeVisibleAsync();
        await report.CheckAsync(physio, "rehabilitation: message the patient");
        await physio.GetByTestId("correct-session").First.ClickAsync();
        await Expect(physio.GetByTestId("session-correction-form")).ToBeVisibleAsync();
        await report.CheckAsync(physio, "rehabilitation: correct a logged session");

        var doctor = await OpenPageAsync("hospital.doctor");
        await LogInAsync(doctor, "hospital.doctor");
        await RehabilitationJourneyTests.OpenRehabilitationAsync(doctor, jens);
        await doctor.GetByTestId("change-rehabilitation-plan").ClickAsync();
        await Expect(doctor.GetByTestId("rehabilitation-editor")).ToBeVisibleAsync();
        await report.CheckAsync(doctor, "rehabilitation: plan editor");

        // The hospital's discharge medication list form, with a line and a refusal beside its field.
        await AccessibilityJourneyTests.OpenPathwayAsync(doctor, jens, "medication");
        await doctor.GetByTestId("discharge-list-button").ClickAsync();
        var discharge = doctor.GetByRole(AriaRole.Dialog, new() { Name = "Discharge medication list" });
        await discharge.GetByTestId("discharge-add").ClickAsync();
        await discharge.Locator("#discharge-1-atc").FillAsync("X01");
        await discharge.GetByTestId("discharge-save").ClickAsync();
        await Expect(discharge.GetByTestId("discharge-line")).ToContainTextAsync("'X01' is not a known ATC code");
        await discharge.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished.catch(() => null)))");
        await report.CheckAsync(doctor, "medication: discharge medication list form");
        await doctor.Keyboard.PressAsync("Escape");
        await Expect(discharge).ToHaveCountAsync(0);

        foreach (var userName in new[] { "jens", "ulla" })
        {
            var phone = await OpenPageAsync(userName);
            await phone.SetViewportSizeAsync(375, 812);
            await LogInAsync(phone, userName);
            await phone.GotoAsync($"patients/{jens}/rehabilitation/log");
            await Expect(phone.GetByTestId("rehabilitation-log-form")).ToBeVisibleAsync();
            await WaitForBlazorAsync(phone);
            await phone.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
            await report.CheckAsync(phone, $"rehabilitation log on a phone: {userName}");
        }

        report.AssertNone();
    });

    [Fact]
    public Task The_patients_access_log_passes_axe_in_English_and_Danish_with_an_emergency_access_and_a_refused_period() => RunAsync(async () =>
    {
        await AccessLogJourneyTests.AddEmergencyAccessAsync(App.Services, await JensIdAsync());
        var report = new AxeReport();
        var page = await OpenPageAsync("jens");
        await LogInAsync(page, "jens");
        foreach (var (locale, heading, show, emergencyOnly) in new[]
                 { ("en", "Who looked at the record", "Show", "Only emergency access"), ("da", "Hvem har set journalen", "Vis", "Kun værdispring (nødadgang)") })
        {
            await page.GotoAsync("my/access-log");
            if (locale == "da")
            {
                await WaitForBlazorAsync(page);
                await page.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
            }
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("access-log-entry").First).ToBeVisibleAsync();
            await WaitForBlazorAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await report.CheckAsync(page, $"access log ({locale})");

            await page.GetByLabel(emergencyOnly).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = show, Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("access-log-emergency").First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await report.CheckAsync(page, $"access log, emergency access only ({locale})");

            await page.Locator("#access-log-from").FillAsync("2026-11-30");
            await page.Locator("#access-log-to").FillAsync("2026-11-01");
            await page.GetByRole(AriaRole.Button, new() { Name = show, Exact = true }).ClickAsync();
            await Expect(page.Locator("#access-log-period-error")).ToBeVisibleAsync();
            await report.CheckAsync(page, $"access log with a refused period ({locale})");
        }
        // Jens' stored language back to English, which the other tests expect at his sign-in.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        report.AssertNone();
    });

    [Fact]
    public Task Every_page_passes_axe_for_the_administrator() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("admin");
        await LogInAsync(page, "admin");
        var report = new AxeReport();

        foreach (var (address, heading) in new[] { ("admin/users", "Users"), ("admin/organisations", "Organisations"), ("admin/log", "Administration log"), ("sync", "National services sync"), ("sync/not-imported", "Not imported from the national services") })
        {
            await page.GotoAsync(address);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await WaitForBlazorAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await report.CheckAsync(page, address);
        }

        // The administrator takes part in no patient's care: an empty patient list.
        await page.GotoAsync("patients");
        await WaitForPatientTableAsync(page);
        await report.CheckAsync(page, "patients (empty)");

        await CheckAccountPagesAsync(page, report);
        report.AssertNone();
    });

    [Fact]
    public Task The_discharge_conference_page_passes_axe() => RunAsync(async () =>
    {
        var conference = await VideoConferenceTests.BookConferenceAsync(App.Services, await JensIdAsync());
        var page = await OpenPageAsync("gp.larsen");
        await LogInAsync(page, "gp.larsen");
        var report = new AxeReport();

        await page.GotoAsync($"conferences/{conference}");
        await Expect(page.GetByTestId("conference-minutes")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("patient-overview").Or(page.GetByTestId("section-error")).First).ToBeVisibleAsync();
        await report.CheckAsync(page, "conference");

        // With the GP's own part saved, the finish panel open and the video started.
        await page.GetByLabel("Your part of the minutes").FillAsync("Follow-up consultation within 7 days.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my part" }).ClickAsync();
        await Expect(page.GetByTestId("minutes-saved")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start video consultation" }).ClickAsync();
        await Expect(page.GetByTestId("video-started")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish conference" }).ClickAsync();
        await Expect(page.GetByTestId("conference-finish-panel")).ToBeVisibleAsync();
        await report.CheckAsync(page, "conference, minutes and finish panel");

        report.AssertNone();
    });

    /// <summary>
    /// With unread notifications the bell carries its badge in the app bar on every page: /tasks, the open bell menu and
    /// the discharge conference page are checked that way (the badge's colours had passed only while it was hidden).
    /// </summary>
    [Fact]
    public Task Tasks_the_open_bell_and_the_conference_pass_axe_with_unread_notifications() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        var services = App.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var doctor = await ActorAsync(services, "hospital.doctor");
            await scope.ServiceProvider.GetRequiredService<DischargeService>().RecordAsync(doctor, jens, new DischargeInput(7, "Axe check"), TestContext.Current.CancellationToken);
        }
        await NotifyAsync(services, "gp.larsen");
        var conference = await VideoConferenceTests.BookConferenceAsync(services, jens);
        var page = await OpenPageAsync("gp.larsen");
        await LogInAsync(page, "gp.larsen");
        var report = new AxeReport();

        await page.GotoAsync("tasks");
        await Expect(page.GetByTestId("tasks")).ToBeVisibleAsync();
        await WaitForBlazorAsync(page);
        await Expect(page.Locator(".notification-bell .mud-badge")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await report.CheckAsync(page, "tasks, with unread notifications");

        // By keyboard, as a screen-reader user would open it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("notification").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        await report.CheckAsync(page, "notification menu open");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync($"conferences/{conference}");
        await Expect(page.GetByTestId("conference-minutes")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("patient-overview").Or(page.GetByTestId("section-error")).First).ToBeVisibleAsync();
        await Expect(page.Locator(".notification-bell .mud-badge")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await report.CheckAsync(page, "conference, with unread notifications");

        report.AssertNone();
    });

    private static async Task<CareWorkspace.Domain.Access.Actor> ActorAsync(IServiceProvider services, string userName)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
        return new CareWorkspace.Domain.Access.Actor(user.Id, user.DisplayName, user.Role, user.OrganisationId, organisation);
    }

    private static async Task NotifyAsync(IServiceProvider services, string userName)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(ct);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
        db.Notifications.Add(new Notification(userId, new NotificationMessage(NotificationKind.FollowUpEscalated,
            new Dictionary<string, string> { [NotificationMessage.Patient] = "Jens Jensen", [NotificationMessage.Due] = "2026-12-10" }, null, "/tasks"),
            DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(ct);
    }

    [Theory]
    [InlineData("jens")]
    [InlineData("ulla")]
    public Task The_calendar_subscriptions_page_passes_axe_for(string userName) => RunAsync(async () =>
    {
        var page = await OpenPageAsync(userName);
        await LogInAsync(page, userName);
        var report = new AxeReport();

        await page.GotoAsync("account/calendar");
        await Expect(page.GetByTestId("calendar-feeds")).ToBeVisibleAsync();
        await report.CheckAsync(page, "calendar subscriptions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar subscription" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-feed-address")).ToBeVisibleAsync();
        await report.CheckAsync(page, "calendar subscriptions, address shown");
        // Newest first: the one just made.
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop this subscription" }).First.ClickAsync();
        await Expect(page.GetByTestId("calendar-feed-address")).ToHaveCountAsync(0);

        report.AssertNone();
    });

    [Fact]
    public Task The_patients_sharing_page_passes_axe() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("jens");
        await LogInAsync(page, "jens");
        var report = new AxeReport();

        await page.GotoAsync("my/sharing");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Block information" })).ToBeVisibleAsync();
        await report.CheckAsync(page, "what I share");
        // The other audience choices show the organisations instead of the sectors.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Organisations" }).CheckAsync();
        await Expect(page.GetByTestId("sharing-organisations")).ToBeVisibleAsync();
        await report.CheckAsync(page, "what I share, organisations");

        report.AssertNone();
    });

    [Fact]
    public Task The_api_tokens_page_passes_axe_and_a_token_is_shown_once_then_revoked() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("gp.larsen");
        await LogInAsync(page, "gp.larsen");
        var report = new AxeReport();
        var name = "Axe script " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("account/api-tokens");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens" })).ToBeVisibleAsync();
        await report.CheckAsync(page, "api tokens");
        await page.GetByLabel("Name of the token").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(page.GetByTestId("api-token-secret")).ToContainTextAsync("cwk_");
        await report.CheckAsync(page, "api tokens, new token shown");

        // Shown once: after a reload the token is listed, its secret is not.
        await page.ReloadAsync();
        var listed = page.GetByTestId("api-token").Filter(new() { HasText = name });
        await Expect(listed).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("api-token-secret")).ToHaveCountAsync(0);
        await listed.GetByRole(AriaRole.Button, new() { Name = "Revoke the token " + name }).ClickAsync();
        await Expect(page.GetByTestId("api-token").Filter(new() { HasText = name })).ToHaveCountAsync(0);

        report.AssertNone();
    });

    private static async Task CheckAccountPagesAsync(IPage page, AxeReport report)
    {
        await page.GotoAsync("account/change-password");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await report.CheckAsync(page, "change password");

        await page.GotoAsync("access-denied");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await report.CheckAsync(page, "access denied");

        await page.GotoAsync("no/such/page");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await report.CheckAsync(page, "not found");
    }

    /// <summary>The selected tab's section has loaded its data (no progress bar left).</summary>
    private static async Task WaitForSectionAsync(IPage page)
    {
        await Expect(page.Locator(".mud-tabs-panels .mud-progress-linear")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Collects serious and critical violations across pages, so one run names them all.</summary>
    internal sealed class AxeReport
    {
        private readonly List<string> lines = [];

        public async Task CheckAsync(IPage page, string where)
        {
            await SettleAsync(page);
            var result = await page.RunAxe(WcagAA);
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                lines.Add($"[{where}] {violation.Id} ({violation.Impact}): {violation.Help}");
                foreach (var node in violation.Nodes.Take(5))
                {
                    lines.Add($"    {node.Target}: {Shorten(node.Html)}");
                    foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                        lines.Add($"      {check.Message}");
                }
            }
        }

        public void AssertNone() =>
            Assert.True(lines.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", lines));

        /// <summary>
        /// Axe judges the page as a user finds it at rest: the pointer off the content (a hover colour is not the
        /// resting colour) and no colour transition half-way (MudBlazor buttons fade their background for 250 ms when
        /// their variant changes, and axe would read white text on a half-faded background).
        /// </summary>
        private static async Task SettleAsync(IPage page)
        {
            await page.Mouse.MoveAsync(0, 0);
            await page.WaitForFunctionAsync(
                "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
        }

        private static string Shorten(string html) => html.Length <= 200 ? html : html[..200] + "…";
    }
}
