using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Administration;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Accounts an administrator creates or changes: the person chooses their own password first, every action is in the
/// administration log, and deactivation or a new role ends the sign-in cookie and the hub connection at once.
/// </summary>
public abstract class AccountLifecycleTests(CareAppFactory factory)
{
    private const string InitialPassword = "Initial2026pw";
    private const string ChosenPassword = "MyOwnChoice2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_account_created_by_an_administrator_must_choose_its_own_password_before_anything_else()
    {
        var admin = await factory.ActorAsync("admin", Ct);
        var userName = Unique("gp");
        var clinic = await GpClinicAsync();
        var userId = await WithAdmin(s => s.CreateUserAsync(admin, new NewUser(userName, "New Doctor", UserRole.GeneralPractitioner, clinic, InitialPassword), Ct));
        using var client = HttpSignIn.NewClient(factory);

        var login = await HttpSignIn.PostLoginAsync(client, userName, InitialPassword, Ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // Every page leads to "Choose your password"; the live channels and downloads answer 403.
        var page = await client.GetAsync("/patients", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/change-password", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/hubs/pathway/negotiate?negotiateVersion=1", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct)).StatusCode);

        var form = await client.GetStringAsync("/account/change-password", Ct);
        Assert.Contains("Choose your password", form);
        var sameAgain = await PostChangePasswordAsync(client, form, InitialPassword, InitialPassword);
        Assert.Equal(HttpStatusCode.OK, sameAgain.StatusCode);
        Assert.Contains("Choose a new password", await sameAgain.Content.ReadAsStringAsync(Ct));

        var changed = await PostChangePasswordAsync(client, await client.GetStringAsync("/account/change-password", Ct), InitialPassword, ChosenPassword);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", Ct)).StatusCode);
        Assert.False((await UserAsync(userId)).MustChangePassword);
        var created = Assert.Single(await LogAsync(userId));
        Assert.Equal(AdministrationAction.Created, created.Action);
        Assert.Equal(admin.UserId, created.AdministratorId);
        Assert.False(created.Refused);
    }

    [Fact]
    public async Task Demo_accounts_are_not_asked_to_change_their_password()
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, "nurse.holm", Ct);
        using var _client = client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", Ct)).StatusCode);
    }

    [Fact]
    public async Task Deactivation_ends_the_sign_in_cookie_and_the_hub_connection_and_is_logged()
    {
        var admin = await factory.ActorAsync("admin", Ct);
        var userId = await ReadyUserAsync(Unique("gp"), UserRole.GeneralPractitioner);
        var userName = (await UserAsync(userId)).UserName!;
        var (client, cookie) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using var _client = client;
        await using var hub = new PathwayHubClient(factory, cookie);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.Connection.StartAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", Ct)).StatusCode);

        await WithAdmin(s => s.DeactivateAsync(admin, userId, Ct));

        await closed.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
        AssertSentToLogin(await client.GetAsync("/patients", Ct));
        using var again = HttpSignIn.NewClient(factory);
        var login = await HttpSignIn.PostLoginAsync(again, userName, DemoAccounts.Password, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(HttpSignIn.CookieName + "=", StringComparison.Ordinal)));
        var entry = Assert.Single(await LogAsync(userId), e => e.Action == AdministrationAction.Deactivated);
        Assert.False(entry.Refused);

        await WithAdmin(s => s.ReactivateAsync(admin, userId, Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(factory), userName, DemoAccounts.Password, Ct)).StatusCode);
        Assert.Contains(await LogAsync(userId), e => e.Action == AdministrationAction.Reactivated);
    }

    [Fact]
    public async Task A_role_change_ends_open_sessions_and_asks_for_a_new_password()
    {
        var admin = await factory.ActorAsync("admin", Ct);
        var userId = await ReadyUserAsync(Unique("nurse"), UserRole.MunicipalNurse);
        var userName = (await UserAsync(userId)).UserName!;
        var (client, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using var _client = client;

        var homeCare = await HomeCareAsync();
        await WithAdmin(s => s.ChangeRoleAndOrganisationAsync(admin, userId, UserRole.MunicipalCareWorker, homeCare, Ct));

        AssertSentToLogin(await client.GetAsync("/patients", Ct));
        var user = await UserAsync(userId);
        Assert.Equal(UserRole.MunicipalCareWorker, user.Role);
        Assert.True(user.MustChangePassword);
        var entry = Assert.Single(await LogAsync(userId));
        Assert.Equal(AdministrationAction.RoleChanged, entry.Action);
        Assert.Contains("MunicipalNurse → MunicipalCareWorker", entry.Details);
    }

    [Fact]
    public async Task A_password_reset_ends_open_sessions_and_the_new_password_must_be_replaced()
    {
        var admin = await factory.ActorAsync("admin", Ct);
        var userId = await ReadyUserAsync(Unique("physio"), UserRole.Physiotherapist);
        var userName = (await UserAsync(userId)).UserName!;
        var (client, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using var _client = client;

        await WithAdmin(s => s.ResetPasswordAsync(admin, userId, InitialPassword, Ct));

        AssertSentToLogin(await client.GetAsync("/patients", Ct));
        using var fresh = HttpSignIn.NewClient(factory);
        Assert.Equal(HttpStatusCode.OK, (await HttpSignIn.PostLoginAsync(fresh, userName, DemoAccounts.Password, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(fresh, userName, InitialPassword, Ct)).StatusCode);
        Assert.Equal("/account/change-password", (await fresh.GetAsync("/patients", Ct)).Headers.Location?.OriginalString);
        Assert.Contains(await LogAsync(userId), e => e.Action == AdministrationAction.PasswordReset);
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role_or_deactivate_themselves_and_the_attempt_is_logged()
    {
        var adminId = await ReadyUserAsync(Unique("admin"), UserRole.Administrator);
        var admin = await factory.ActorAsync((await UserAsync(adminId)).UserName!, Ct);
        var clinic = await GpClinicAsync();

        var roleChange = await Assert.ThrowsAsync<DomainException>(() =>
            WithAdmin(s => s.ChangeRoleAndOrganisationAsync(admin, adminId, UserRole.GeneralPractitioner, clinic, Ct)));
        var deactivation = await Assert.ThrowsAsync<DomainException>(() => WithAdmin(s => s.DeactivateAsync(admin, adminId, Ct)));

        Assert.Contains("cannot change their own role", roleChange.Message);
        Assert.Contains("cannot deactivate themselves", deactivation.Message);
        var user = await UserAsync(adminId);
        Assert.Equal(UserRole.Administrator, user.Role);
        Assert.Null(user.OrganisationId);
        Assert.False(user.Deactivated);
        Assert.False(user.MustChangePassword);
        var log = await LogAsync(adminId);
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.True(e.Refused));
        Assert.Contains(log, e => e.Action == AdministrationAction.RoleChanged);
        Assert.Contains(log, e => e.Action == AdministrationAction.Deactivated);
    }

    [Fact]
    public async Task Other_administrators_read_the_log_and_no_one_else_does()
    {
        var admin = await factory.ActorAsync("admin", Ct);
        var otherAdminId = await ReadyUserAsync(Unique("admin"), UserRole.Administrator);
        var otherAdmin = await factory.ActorAsync((await UserAsync(otherAdminId)).UserName!, Ct);
        var target = await ReadyUserAsync(Unique("nurse"), UserRole.MunicipalNurse);
        var targetName = (await UserAsync(target)).UserName!;
        await WithAdmin(s => s.ResetPasswordAsync(admin, target, InitialPassword, Ct));

        var log = await WithAdmin(s => s.ListLogAsync(otherAdmin, Ct));

        var row = Assert.Single(log, r => r.TargetUserName == targetName);
        Assert.Equal(AdministrationAction.PasswordReset, row.Action);
        Assert.Equal("Admin Andersen", row.Administrator);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAdmin(s => s.ListLogAsync(nurse, Ct)));
    }

    [Fact]
    public async Task The_administration_log_is_append_only()
    {
        var admin = await factory.ActorAsync("admin", Ct);
        var target = await ReadyUserAsync(Unique("nurse"), UserRole.MunicipalNurse);
        await WithAdmin(s => s.UnlockAsync(admin, target, Ct));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var entry = await db.AdministrationLog.SingleAsync(e => e.TargetUserId == target, Ct);

        db.AdministrationLog.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task The_database_refuses_bulk_changes_to_the_administration_log()
    {
        var admin = await factory.ActorAsync("admin", Ct);
        var target = await ReadyUserAsync(Unique("nurse"), UserRole.MunicipalNurse);
        await WithAdmin(s => s.UnlockAsync(admin, target, Ct));
        await using var db = await factory.CreateDbContextAsync(Ct);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            db.AdministrationLog.Where(e => e.TargetUserId == target).ExecuteUpdateAsync(u => u.SetProperty(e => e.Details, "Tampered"), Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AdministrationLog.Where(e => e.TargetUserId == target).ExecuteDeleteAsync(Ct));

        var entry = Assert.Single(await LogAsync(target));
        Assert.Equal("Lockout after failed sign-ins lifted.", entry.Details);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_other_sessions_and_their_hub_connections()
    {
        var userId = await ReadyUserAsync(Unique("gp"), UserRole.GeneralPractitioner);
        var userName = (await UserAsync(userId)).UserName!;
        var (first, firstCookie) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        var (second, secondCookie) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using var _first = first;
        using var _second = second;
        Assert.NotEqual(firstCookie, secondCookie);
        await using var hub = new PathwayHubClient(factory, secondCookie);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.Connection.StartAsync(Ct);

        var page = await first.GetStringAsync("/account/change-password", Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.HiddenFields(page)["__RequestVerificationToken"],
        });
        var response = await first.PostAsync("/account/sign-out-everywhere", form, Ct);

        AssertSentToLogin(response);
        await closed.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct);
        AssertSentToLogin(await second.GetAsync("/patients", Ct));
        AssertSentToLogin(await first.GetAsync("/patients", Ct));
        // A new sign-in after that works as usual.
        var (third, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using var _third = third;
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/patients", Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_everywhere_without_the_antiforgery_token_is_refused()
    {
        var userId = await ReadyUserAsync(Unique("gp"), UserRole.GeneralPractitioner);
        var (client, _) = await HttpSignIn.SignInAsync(factory, (await UserAsync(userId)).UserName!, Ct);
        using var _client = client;

        var response = await client.PostAsync("/account/sign-out-everywhere", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", Ct)).StatusCode);
    }

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    private static string Unique(string prefix) => $"{prefix}.{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<T> WithAdmin<T>(Func<AdministrationService, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AdministrationService>());
    }

    private async Task WithAdmin(Func<AdministrationService, Task> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AdministrationService>());
    }

    /// <summary>An account that has already chosen its password (the demo password), as if created long ago.</summary>
    private async Task<string> ReadyUserAsync(string userName, UserRole role)
    {
        Guid? organisation = role switch
        {
            UserRole.GeneralPractitioner or UserRole.GpStaff => await GpClinicAsync(),
            UserRole.Administrator or UserRole.Patient or UserRole.Relative => null,
            _ => await HomeCareAsync(),
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CareUser>>();
        var user = new CareUser { UserName = userName, DisplayName = "Test " + userName, Role = role, OrganisationId = organisation, LockoutEnabled = true };
        var result = await users.CreateAsync(user, DemoAccounts.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    private async Task<CareUser> UserAsync(string userId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Ct);
    }

    private async Task<List<AdministrationLogEntry>> LogAsync(string targetUserId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AdministrationLog.AsNoTracking().Where(e => e.TargetUserId == targetUserId).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private Task<Guid?> GpClinicAsync() => OrganisationAsync(DemoOrganisations.GpClinicSor);

    private Task<Guid?> HomeCareAsync() => OrganisationAsync(DemoOrganisations.HomeCareSor);

    private async Task<Guid?> OrganisationAsync(string sor)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var code = Domain.Organisations.SorCode.Parse(sor);
        return await db.Organisations.Where(o => o.Sor == code).Select(o => (Guid?)o.Id).SingleAsync(Ct);
    }

    private static Task<HttpResponseMessage> PostChangePasswordAsync(HttpClient client, string page, string current, string chosen)
    {
        var fields = HttpSignIn.HiddenFields(page);
        Assert.Equal("change-password", fields.GetValueOrDefault("_handler"));
        fields["Input.CurrentPassword"] = current;
        fields["Input.NewPassword"] = chosen;
        fields["Input.ConfirmPassword"] = chosen;
        return client.PostAsync("/account/change-password", new FormUrlEncodedContent(fields), Ct);
    }
}

public sealed class AccountLifecycleTests_Sqlite(SqliteAppFactory factory) : AccountLifecycleTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccountLifecycleTests_PostgreSql(PostgreSqlAppFactory factory) : AccountLifecycleTests(factory), IClassFixture<PostgreSqlAppFactory>;
