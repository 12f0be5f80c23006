using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Reconciliation at discharge end to end: the GP opens Jens' medication section, where the hospital's discharge list
/// waits; the dialog shows the three differences of the demo (Granon new, Furix stopped, paracetamol's dose changed),
/// the GP accepts them and finishes, and the medication list shows the result. And the hospital doctor enters a discharge
/// list in the form, which the GP's open reconciliation panel shows live and the GP reconciles.
/// </summary>
public sealed class MedicationReconciliationTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public Task The_GP_accepts_the_discharge_differences_and_the_medication_list_shows_them() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        // The national entries are on the list before the GP opens the reconciliation (a sync meanwhile would make it stale).
        await MedicationTests.SyncMedicationAsync(App);
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "medication");
        await Expect(gp.GetByTestId("reconciliation-panel")).ToBeVisibleAsync(Live);

        await gp.GetByTestId("reconciliation-open").ClickAsync();
        var dialog = gp.GetByRole(AriaRole.Dialog, new() { Name = "Reconcile discharge medication" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("[data-testid=reconciliation-row][data-drug=Granon]")).ToHaveAttributeAsync("data-kind", "New");
        await Expect(dialog.Locator("[data-testid=reconciliation-row][data-drug=Furix]")).ToHaveAttributeAsync("data-kind", "Stopped");
        await Expect(dialog.Locator("[data-testid=reconciliation-row][data-kind=DoseChanged]")).ToContainTextAsync("Paracetamol");
        await Expect(dialog.Locator("[data-testid=reconciliation-row][data-drug='Spiriva Respimat']")).ToHaveAttributeAsync("data-kind", "Unchanged");
        await ScreenshotAsync(gp, "medication-reconciliation");

        var rows = dialog.Locator("[data-testid=reconciliation-row]");
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            if (await row.GetAttributeAsync("data-kind") == "Unchanged")
                continue;
            var demo = await row.GetAttributeAsync("data-drug") is "Granon" or "Furix" || await row.GetAttributeAsync("data-kind") == "DoseChanged";
            // Other tests' prescriptions may be on Jens' list too: they stay (rejected).
            await row.GetByTestId(demo ? "reconciliation-accept" : "reconciliation-reject").ClickAsync();
        }
        await dialog.GetByTestId("reconciliation-finish").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        var active = gp.Locator("[data-testid=medication-group][data-status=Active]");
        await Expect(active.Locator("[data-testid=medication-item][data-atc=R05CB01]")).ToContainTextAsync("Granon", new() { Timeout = 15_000 });
        await Expect(active.Locator("[data-testid=medication-item][data-atc=N02BE01]")).ToContainTextAsync("2 tabletter 3 gange dagligt");
        await Expect(active.Locator("[data-testid=medication-item][data-atc=C03CA01]")).ToHaveCountAsync(0);
        await Expect(gp.Locator("[data-testid=medication-group][data-status=Stopped]")).ToContainTextAsync("Furix");
        await Expect(gp.GetByTestId("reconciliation-panel")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task The_hospital_doctor_enters_the_discharge_list_and_the_GP_reconciles_it_live() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        await MedicationTests.SyncMedicationAsync(App);
        var drug = "Vitamin D " + Guid.NewGuid().ToString("N")[..6];
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, jens, "medication");
        await Expect(gp.Locator("[data-testid=medication-item][data-atc=R03BB04]")).ToBeVisibleAsync(Live);
        await Expect(gp.GetByTestId("discharge-list-button")).ToHaveCountAsync(0);

        var doctor = await OpenPageAsync("hospital.doctor");
        await LogInAsync(doctor, "hospital.doctor");
        await AccessibilityJourneyTests.OpenPathwayAsync(doctor, jens, "medication");
        await doctor.GetByTestId("discharge-list-button").ClickAsync();
        var form = doctor.GetByRole(AriaRole.Dialog, new() { Name = "Discharge medication list" });
        await Expect(form).ToBeVisibleAsync();
        await form.GetByTestId("discharge-save").ClickAsync();
        await Expect(form.GetByTestId("discharge-list-problem")).ToHaveTextAsync("Add at least one drug: a discharge list cannot be empty.");

        // The current list unchanged, and one drug added: a bad ATC code is refused beside its field, the input stays.
        await form.GetByTestId("discharge-from-current").ClickAsync();
        var lines = form.GetByTestId("discharge-line");
        await Expect(lines.First).ToBeVisibleAsync();
        var n = await lines.CountAsync() + 1;
        await form.GetByTestId("discharge-add").ClickAsync();
        await form.Locator($"#discharge-{n}-drug").FillAsync(drug);
        await form.Locator($"#discharge-{n}-atc").FillAsync("X11CC05");
        await form.Locator($"#discharge-{n}-dose").FillAsync("1 tablet dagligt");
        await form.GetByTestId("discharge-save").ClickAsync();
        await Expect(lines.Nth(n - 1)).ToContainTextAsync("'X11CC05' is not a known ATC code");
        await Expect(form.Locator($"#discharge-{n}-drug")).ToHaveValueAsync(drug);
        await form.Locator($"#discharge-{n}-atc").FillAsync("A11CC05");
        await form.GetByTestId("discharge-save").ClickAsync();
        await Expect(form).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        // The GP's panel follows without a reload: one difference, the new drug.
        var panel = gp.GetByTestId("reconciliation-panel");
        await Expect(panel).ToContainTextAsync("1 difference(s)", new() { Timeout = 15_000 });
        await gp.GetByTestId("reconciliation-open").ClickAsync();
        var dialog = gp.GetByRole(AriaRole.Dialog, new() { Name = "Reconcile discharge medication" });
        var row = dialog.Locator($"[data-testid=reconciliation-row][data-drug='{drug}']");
        await Expect(row).ToHaveAttributeAsync("data-kind", "New");
        await row.GetByTestId("reconciliation-accept").ClickAsync();
        await dialog.GetByTestId("reconciliation-finish").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        var active = gp.Locator("[data-testid=medication-group][data-status=Active]");
        await Expect(active.Locator("[data-testid=medication-item][data-atc=A11CC05]").Filter(new() { HasText = drug })).ToBeVisibleAsync(Live);
        await Expect(doctor.Locator("[data-testid=medication-item][data-atc=A11CC05]").Filter(new() { HasText = drug })).ToBeVisibleAsync(Live);
    });
}
