using System.Net;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>The log-in page over HTTP, as a browser without JavaScript would use it (Blazor static SSR form).</summary>
public abstract class LoginTests(CareAppFactory factory)
{
    private const string DemoPassword = DemoAccounts.Password;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_login_page_asks_for_user_name_and_password()
    {
        using var client = NewClient();

        var response = await client.GetAsync("/account/login", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("User name", html);
        Assert.Contains("Password", html);
        Assert.Contains("Log in", html);
        Assert.Contains("__RequestVerificationToken", HiddenFields(html).Keys);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_redirects()
    {
        using var client = NewClient();

        var response = await PostLoginAsync(client, "nurse.holm", DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        var target = new Uri(client.BaseAddress!, response.Headers.Location);
        Assert.Equal(client.BaseAddress!.Authority, target.Authority);
        Assert.Equal("/", target.AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("careworkspace=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = NewClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "nurse.holm",
            ["Input.Password"] = DemoPassword,
        });

        var response = await client.PostAsync("/account/login", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("careworkspace=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        const string userName = "physio.mikkelsen";
        using var client = NewClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.False(await IsLockedOutAsync(userName), $"Locked out before attempt {attempt}.");
            var response = await PostLoginAsync(client, userName, "WrongPassword1");
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(attempt < 5 ? "Wrong user name or password." : "locked", html);
        }

        Assert.True(await IsLockedOutAsync(userName));
        var afterLockout = await PostLoginAsync(client, userName, DemoPassword);
        Assert.Equal(HttpStatusCode.OK, afterLockout.StatusCode);
        Assert.Contains("locked", await afterLockout.Content.ReadAsStringAsync(Ct));
    }

    private HttpClient NewClient() => HttpSignIn.NewClient(factory);

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password) =>
        HttpSignIn.PostLoginAsync(client, userName, password, Ct);

    private static Dictionary<string, string> HiddenFields(string html) => HttpSignIn.HiddenFields(html);

    private async Task<bool> IsLockedOutAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.NotNull(user);
        return await users.IsLockedOutAsync(user);
    }
}

public sealed class LoginTests_Sqlite(SqliteAppFactory factory) : LoginTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class LoginTests_PostgreSql(PostgreSqlAppFactory factory) : LoginTests(factory), IClassFixture<PostgreSqlAppFactory>;
