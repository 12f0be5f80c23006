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

/// <summary>People made or reset for one test: relatives of Jens, their consents and sign-in, stored languages.</summary>
public abstract partial class BrowserTest
{
    protected async Task GrantAsync(Guid jensId, string relativeUserId, PatientSection[] sections)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var consents = scope.ServiceProvider.GetRequiredService<CareWorkspace.Web.Features.Consents.ConsentService>();
        var jens = await ActorAsync("jens");
        await consents.GrantAsync(jens, jensId, new CareWorkspace.Web.Features.Consents.ConsentInput(relativeUserId, sections, null, null), TestContext.Current.CancellationToken);
    }

    protected async Task<Actor> ActorAsync(string userName)
    {
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);
        return new Actor(user.Id, user.DisplayName, user.Role, user.OrganisationId, null);
    }

    protected async Task<string> UserIdAsync(string userName) => (await ActorAsync(userName)).UserId;

    /// <summary>A relative of Jens of this test's own, so that other tests keep Ulla's consent as it is.</summary>
    protected async Task<(string UserName, string DisplayName)> NewRelativeOfJensAsync(Guid jensId)
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

    protected static async Task LogInAsAsync(IPage page, string userName, string displayName)
    {
        await page.GotoAsync("account/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(displayName);
        await WaitForBlazorAsync(page);
    }

    /// <summary>Forgets a demo user's stored language, as if they had never chosen (other tests may have stored one).</summary>
    protected async Task ForgetStoredLanguageAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo user {userName}.");
        user.PreferredLanguage = null;
        var saved = await users.UpdateAsync(user);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Description)));
    }
}
