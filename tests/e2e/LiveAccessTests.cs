using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    private async Task GrantAsync(Guid jensId, string relativeUserId, PatientSection[] sections)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var consents = scope.ServiceProvider.GetRequiredService<CareWorkspace.Web.Features.Consents.ConsentService>();
        var jens = await ActorAsync("jens");
        await consents.GrantAsync(jens, jensId, new CareWorkspace.Web.Features.Consents.ConsentInput(relativeUserId, sections, null, null), TestContext.Current.CancellationToken);
    }

    private async Task<Actor> ActorAsync(string userName)
    {
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);
        return new Actor(user.Id, user.DisplayName, user.Role, user.OrganisationId, null);
    }

    private async Task<string> UserIdAsync(string userName) => (await ActorAsync(userName)).UserId;

    /// <summary>A relative of Jens of this test's own, so that other tests keep Ulla's consent as it is.</summary>
    private async Task<(string UserName, string DisplayName)> NewRelativeOfJensAsync(Guid jensId)
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var userName = "relative." + suffix;
        var displayName = "Karen Jensen " + suffix;
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = new CareUser { UserName = userName, DisplayName = displayName, Role = UserRole.Relative, LockoutEnabled = true };
        var created = await users.CreateAsync(user, DemoAccounts.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var patient = await db.Patients.SingleAsync(p => p.Id == jensId, ct);
        patient.AddRelative(displayName, RelationshipCode.CHILD, "+45 40 50 60 70", isContactRelative: false, userId: user.Id);
        await db.SaveChangesAsync(ct);
        return (userName, displayName);
    }

    private static async Task LogInAsAsync(IPage page, string userName, string displayName)
    {
        await page.GotoAsync("account/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(displayName);
        await WaitForBlazorAsync(page);
    }
}
