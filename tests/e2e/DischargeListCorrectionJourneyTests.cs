using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The hospital doctor corrects, then withdraws, a discharge medication list the GP has not reconciled yet. The GP's open
/// medication section shows the correction with its reason, then the withdrawal with who and why, without a reload.
/// A citizen of the demo (Hanne Petersen) is used, so that Jens' own demo discharge list stays for the other tests.
/// </summary>
public sealed class DischargeListCorrectionJourneyTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public Task The_hospital_corrects_then_withdraws_a_discharge_list_and_the_GP_sees_each_live() => RunAsync(async () =>
    {
        var hanne = await PatientIdAsync(App, "Hanne", "Petersen");
        var drug = "Magnyl " + Guid.NewGuid().ToString("N")[..6];
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");
        await AccessibilityJourneyTests.OpenPathwayAsync(gp, hanne, "medication", "Hanne Petersen");
        var gpUrl = await MarkPageAsync(gp);

        var doctor = await OpenPageAsync("hospital.doctor");
        await LogInAsync(doctor, "hospital.doctor");
        await AccessibilityJourneyTests.OpenPathwayAsync(doctor, hanne, "medication", "Hanne Petersen");

        // A new list with one drug.
        var form = await OpenDischargeListAsync(doctor);
        await form.GetByTestId("discharge-add").ClickAsync();
        await Expect(form.GetByTestId("discharge-line")).ToHaveCountAsync(1);
        const int n = 1;
        await form.Locator($"#discharge-{n}-drug").FillAsync(drug);
        await form.Locator($"#discharge-{n}-atc").FillAsync("B01AC06");
        await form.Locator($"#discharge-{n}-dose").FillAsync("1 tablet dagligt");
        await form.GetByTestId("discharge-save").ClickAsync();
        await Expect(form).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var panel = gp.GetByTestId("reconciliation-panel");
        await Expect(panel).ToBeVisibleAsync(Live);

        // The correction: without a reason it is refused beside the field and the dose typed stays.
        form = await OpenDischargeListAsync(doctor);
        await Expect(form.GetByTestId("discharge-awaiting")).ToBeVisibleAsync();
        await form.GetByTestId("discharge-correct-open").ClickAsync();
        await Expect(form.GetByTestId("discharge-correcting")).ToBeVisibleAsync();
        // The form holds the awaiting list: its one drug.
        await Expect(form.GetByTestId("discharge-line")).ToHaveCountAsync(1);
        await Expect(form.Locator("#discharge-1-drug")).ToHaveValueAsync(drug);
        var dose = form.Locator("#discharge-1-dose");
        await dose.FillAsync("2 tabletter dagligt");
        await form.GetByTestId("discharge-save").ClickAsync();
        await Expect(form.GetByTestId("discharge-reason")).ToContainTextAsync("Write why the list is corrected, so the GP knows what changed.");
        await Expect(dose).ToHaveValueAsync("2 tabletter dagligt");
        var reason = "The dose is two tablets " + Guid.NewGuid().ToString("N")[..6];
        await form.Locator("#discharge-reason").FillAsync(reason);
        await form.GetByTestId("discharge-save").ClickAsync();
        await Expect(form).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        // The GP's open section names the correction and its reason.
        await Expect(gp.GetByTestId("reconciliation-corrected")).ToContainTextAsync(reason, new() { Timeout = Live.Timeout });
        await Expect(gp.GetByTestId("reconciliation-corrected")).ToContainTextAsync("Corrected by");

        // The withdrawal, with its own reason.
        form = await OpenDischargeListAsync(doctor);
        await form.GetByTestId("discharge-correct-open").ClickAsync();
        var why = "Recorded for the wrong admission " + Guid.NewGuid().ToString("N")[..6];
        await form.Locator("#discharge-reason").FillAsync(why);
        await form.GetByTestId("discharge-withdraw").ClickAsync();
        await Expect(form).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        var withdrawn = gp.GetByTestId("reconciliation-withdrawn");
        await Expect(withdrawn).ToContainTextAsync(why, new() { Timeout = Live.Timeout });
        await Expect(gp.GetByTestId("reconciliation-open")).ToHaveCountAsync(0);
        await AssertNotReloadedAsync(gp, gpUrl);
    });

    private static async Task<ILocator> OpenDischargeListAsync(IPage doctor)
    {
        await doctor.GetByTestId("discharge-list-button").ClickAsync();
        var form = doctor.GetByRole(AriaRole.Dialog, new() { Name = "Discharge medication list" });
        await Expect(form).ToBeVisibleAsync();
        return form;
    }
}
