using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Jens' access log in a real browser: reached from his navigation, an access under emergency access stands out with
/// its reason, and the filters work from the keyboard (an inverted period is refused beside the end date).
/// </summary>
public sealed class AccessLogJourneyTests(AppFixture app) : BrowserTest(app)
{
    public const string EmergencyReason = "Unconscious on arrival; allergies needed";

    /// <summary>An access to Jens' record under emergency access, as the emergency-access feature records it.</summary>
    internal static async Task AddEmergencyAccessAsync(IServiceProvider services, Guid jensId)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(ct);
        var doctor = new Actor("e2e-emergency-doctor", "Erik Akut", UserRole.HospitalClinician, Guid.NewGuid(), "Akutmodtagelsen");
        db.AccessRecords.Add(new AccessRecord(services.GetRequiredService<TimeProvider>().GetUtcNow(), doctor, jensId, PatientSection.Medication,
            "Medication", AccessAction.Read, allowed: true, EmergencyReason, emergencyAccess: true));
        await db.SaveChangesAsync(ct);
    }

    [Fact]
    public Task Jens_finds_an_emergency_access_highlighted_and_filters_by_keyboard() => RunAsync(async () =>
    {
        await AddEmergencyAccessAsync(App.Services, await JensIdAsync());
        var page = await OpenPageAsync("jens");
        await LogInAsync(page, "jens");

        await page.GetByRole(AriaRole.Link, new() { Name = "Who looked at the record" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who looked at the record", Level = 1 })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Who looked at the record" });
        await Expect(table.GetByTestId("access-log-entry").First).ToBeVisibleAsync();
        await WaitForBlazorAsync(page);

        // Only emergency access: the checkbox by Space, the filter by Enter on the Show button.
        await page.GetByLabel("Only emergency access").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var emergency = table.Locator("tr.access-log-emergency").Filter(new() { HasText = EmergencyReason }).First;
        await Expect(emergency).ToBeVisibleAsync();
        await Expect(emergency.GetByTestId("access-log-emergency")).ToContainTextAsync("Emergency access");
        await Expect(emergency).ToContainTextAsync("Erik Akut");
        await Expect(emergency).ToContainTextAsync("Hospital clinician, Akutmodtagelsen");
        await Expect(table.Locator("tr[data-testid=access-log-entry]:not(.access-log-emergency)")).ToHaveCountAsync(0);

        // An inverted period, submitted by Enter in the end date, is refused beside it; the entries shown stay.
        await page.Locator("#access-log-from").FillAsync("2026-11-30");
        await page.Locator("#access-log-to").FillAsync("2026-11-01");
        await page.Locator("#access-log-to").PressAsync("Enter");
        await Expect(page.Locator("#access-log-period-error")).ToContainTextAsync("The period cannot end before it starts.");
        await Expect(emergency).ToBeVisibleAsync();
        await ScreenshotAsync(page, "access-log");
    });
}
