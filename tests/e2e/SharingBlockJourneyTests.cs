using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Jens blocks his admission for the municipality on his own page; the home nurse's open pathway drops it within
/// seconds, the GP still sees it; the nurse breaks the glass with a reason and sees it again, flagged as emergency access.
/// (The hospital recorded the admission, so the hospital always sees it: the glass is broken by the blocked audience.)
/// </summary>
public sealed class SharingBlockJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Admission = "Admitted with acute exacerbation of COPD";
    private static readonly LocatorAssertionsToBeVisibleOptions WithinSeconds = new() { Timeout = 5_000 };

    [Fact]
    public Task Jens_blocks_his_admission_for_the_municipality_and_the_nurse_breaks_the_glass() => RunAsync(async () =>
    {
        var jensId = await JensIdAsync();
        var report = new AccessibilityAxeTests.AxeReport();

        // The home nurse has Jens' timeline open.
        var nurse = await OpenPageAsync("nurse.holm");
        await LogInAsync(nurse, "nurse.holm");
        await nurse.GotoAsync($"patients/{jensId}/timeline");
        await WaitForBlazorAsync(nurse);
        var nurseAdmission = nurse.GetByTestId("timeline-entry").Filter(new() { HasText = Admission });
        await Expect(nurseAdmission).ToHaveCountAsync(1);

        // Jens blocks the admission for the municipality on his own page.
        var jens = await OpenPageAsync("jens");
        await LogInAsync(jens, "jens");
        try
        {
            await jens.GotoAsync("my/sharing");
            await WaitForBlazorAsync(jens);
            await Expect(jens.GetByRole(AriaRole.Heading, new() { Name = "What I share" })).ToBeVisibleAsync();
            await report.CheckAsync(jens, "what I share");
            await jens.GetByTestId("sharing-item").ClickAsync();
            await jens.Locator(".mud-popover-open").GetByRole(AriaRole.Option).Filter(new() { HasText = Admission }).First.ClickAsync();
            await jens.GetByTestId("sharing-sectors").GetByLabel("Municipality").CheckAsync();
            await jens.GetByTestId("sharing-block-button").ClickAsync();
            // Other journeys leave lifted blocks on Jens' page: this one is the active block for the municipality.
            var block = jens.Locator("[data-testid=sharing-block][data-active]").Filter(new() { HasText = "Municipality" });
            await Expect(block).ToContainTextAsync("Active");
            await report.CheckAsync(jens, "what I share, one block");

            // The nurse's open pathway drops it within seconds, without a reload, and says only that something is blocked.
            await Expect(nurseAdmission).ToHaveCountAsync(0, new() { Timeout = WithinSeconds.Timeout });
            await Expect(nurse.GetByTestId("blocked-notice")).ToBeVisibleAsync(WithinSeconds);
            await Expect(nurse.GetByTestId("blocked-notice")).ToContainTextAsync("Some information is blocked by the patient.");

            // The GP still sees it.
            var gp = await OpenPageAsync("gp.larsen");
            await LogInAsync(gp, "gp.larsen");
            await gp.GotoAsync($"patients/{jensId}/timeline");
            await WaitForBlazorAsync(gp);
            await Expect(gp.GetByTestId("timeline-entry").Filter(new() { HasText = Admission })).ToHaveCountAsync(1);
            await Expect(gp.GetByTestId("blocked-notice")).ToHaveCountAsync(0);

            // The nurse breaks the glass with a reason and sees the admission again, under a banner.
            const string reason = "Breathless at home visit, need the admission history now";
            await nurse.GetByTestId("emergency-open").ClickAsync();
            await Expect(nurse.GetByTestId("emergency-dialog")).ToBeVisibleAsync();
            await report.CheckAsync(nurse, "emergency access dialog");
            await nurse.GetByTestId("emergency-dialog").Locator("textarea").First.FillAsync(reason);
            await nurse.GetByTestId("emergency-start").ClickAsync();
            await Expect(nurse.GetByTestId("emergency-banner")).ToBeVisibleAsync(WithinSeconds);
            await Expect(nurse.GetByTestId("emergency-banner")).ToContainTextAsync(reason);
            await Expect(nurseAdmission).ToHaveCountAsync(1, new() { Timeout = WithinSeconds.Timeout });

            // The access is recorded as emergency access with the reason, and Jens is told.
            await using var db = await App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync();
            Assert.True(await db.AccessRecords.AnyAsync(r => r.PatientId == jensId && r.EmergencyAccess && r.Reason.Contains(reason)));
            Assert.True(await db.Notifications.AnyAsync(n => n.PatientId == jensId && n.Kind == NotificationKind.EmergencyAccessUsed));
            report.AssertNone();
        }
        finally
        {
            // Other journeys use Jens' timeline: the block is lifted again (lifting is kept, not deleted).
            await jens.GotoAsync("my/sharing");
            await WaitForBlazorAsync(jens);
            await Expect(jens.GetByTestId("sharing-block").Or(jens.GetByTestId("sharing-none")).First).ToBeVisibleAsync();
            var lifts = jens.GetByTestId("sharing-lift");
            for (var left = await lifts.CountAsync(); left > 0; left--)
            {
                await lifts.First.ClickAsync();
                await Expect(lifts).ToHaveCountAsync(left - 1);
            }
        }
    });
}
