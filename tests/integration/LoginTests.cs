using System.Net;
using System.Text.RegularExpressions;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>The log-in page over HTTP, as a browser without JavaScript would use it (Blazor static SSR form).</summary>
public abstract partial class LoginTests(CareAppFactory factory)
{
    private const string DemoPassword = "CareDemo2026";

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

    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Loads the form (for its antiforgery cookie and hidden fields) and posts it as the browser would.</summary>
    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login", Ct);
        var fields = HiddenFields(page);
        Assert.Equal("login", fields.GetValueOrDefault("_handler"));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync("/account/login", form, Ct);
    }

    private static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (!string.Equals(Attribute(tag, "type"), "hidden", StringComparison.OrdinalIgnoreCase))
                continue;
            if (Attribute(tag, "name") is { } name)
                fields[name] = Attribute(tag, "value") ?? "";
        }
        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{name}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)')", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    private async Task<bool> IsLockedOutAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.NotNull(user);
        return await users.IsLockedOutAsync(user);
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}

public sealed class LoginTests_Sqlite(SqliteAppFactory factory) : LoginTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class LoginTests_PostgreSql(PostgreSqlAppFactory factory) : LoginTests(factory), IClassFixture<PostgreSqlAppFactory>;
