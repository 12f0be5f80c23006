using System.Net;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Danish by default, English on request; the choice is remembered per browser and per person (ADR-005).</summary>
public abstract class LanguageTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_any_choice_the_sign_in_page_is_Danish()
    {
        using var client = NewClient(acceptLanguage: null);

        var html = await client.GetStringAsync("/account/login", Ct);

        Assert.Contains("<html lang=\"da\"", html, StringComparison.Ordinal);
        Assert.Contains("Brugernavn", html, StringComparison.Ordinal);
        Assert.Contains("Adgangskode", html, StringComparison.Ordinal);
        Assert.DoesNotContain("User name", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login?culture=en-GB", null, null)]
    [InlineData("/account/login?culture=en-US", null, null)]
    [InlineData("/account/login", "c=en-GB|uic=en-GB", null)]
    [InlineData("/account/login", null, "en-US,en;q=0.8")]
    public async Task English_comes_from_the_query_the_cookie_or_the_browser(string path, string? cookie, string? acceptLanguage)
    {
        using var client = NewClient(acceptLanguage);

        var html = await GetAsync(client, path, cookie);

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("User name", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login?culture=xx-YY", null)]
    [InlineData("/account/login?culture=%3Cscript%3E&ui-culture=..%2F..", null)]
    [InlineData("/account/login", "c=zz-ZZ|uic=zz-ZZ")]
    [InlineData("/account/login", "garbage|||===")]
    [InlineData("/not-found?culture=fr-FR", "c=|uic=")]
    public async Task An_unknown_culture_in_the_query_or_the_cookie_falls_back_to_Danish(string path, string? cookie)
    {
        using var client = NewClient(acceptLanguage: "fr-FR");

        var html = await GetAsync(client, path, cookie);

        Assert.Contains("<html lang=\"da\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_sets_the_cookie_and_returns_to_the_same_page()
    {
        using var client = NewClient(acceptLanguage: null);
        const string page = "/account/login?returnUrl=%2Fpatients";

        var response = await SwitchAsync(client, page, "en-GB", page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB", StringComparison.Ordinal));
        Assert.Contains("User name", await client.GetStringAsync(page, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_returns_only_to_local_pages()
    {
        using var client = NewClient(acceptLanguage: null);

        var response = await SwitchAsync(client, "/account/login", "en-GB", "//evil.example/phish");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_switch_without_a_valid_form_token_changes_nothing()
    {
        using var client = NewClient(acceptLanguage: null);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/account/login" });

        var response = await client.PostAsync("/language", form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
        Assert.Contains("Brugernavn", await client.GetStringAsync("/account/login", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_made_while_signed_in_is_stored_and_follows_the_person_to_another_browser()
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, "physio.mikkelsen", Ct);
        using (client)
        {
            var response = await SwitchAsync(client, "/account/change-password", "en-GB", "/patients");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal("en-GB", await StoredLanguageAsync("physio.mikkelsen"));

        using var otherBrowser = NewClient(acceptLanguage: null);
        var signIn = await HttpSignIn.PostLoginAsync(otherBrowser, "physio.mikkelsen", DemoAccounts.Password, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-GB", StringComparison.Ordinal));
        Assert.Contains("<html lang=\"en\"", await otherBrowser.GetStringAsync("/not-found", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_choice_made_on_the_sign_in_page_is_stored_at_sign_in_when_none_is_stored()
    {
        using var client = NewClient(acceptLanguage: null);
        await SwitchAsync(client, "/account/login", "en-GB", "/account/login");

        var signIn = await HttpSignIn.PostLoginAsync(client, "careworker.berg", DemoAccounts.Password, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("en-GB", await StoredLanguageAsync("careworker.berg"));
    }

    private HttpClient NewClient(string? acceptLanguage)
    {
        var client = HttpSignIn.NewClient(factory);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (acceptLanguage is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }

    private static async Task<string> GetAsync(HttpClient client, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
        var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Posts the language switch of <paramref name="page"/> as the browser would (with its form token).</summary>
    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient client, string page, string culture, string returnUrl)
    {
        var fields = HttpSignIn.HiddenFields(await client.GetStringAsync(page, Ct));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = fields["__RequestVerificationToken"],
            ["culture"] = culture,
            ["returnUrl"] = returnUrl,
        });
        return await client.PostAsync("/language", form, Ct);
    }

    private async Task<string?> StoredLanguageAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>().FindByNameAsync(userName);
        return user?.PreferredLanguage;
    }
}

public sealed class LanguageTests_Sqlite(SqliteAppFactory factory) : LanguageTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class LanguageTests_PostgreSql(PostgreSqlAppFactory factory) : LanguageTests(factory), IClassFixture<PostgreSqlAppFactory>;
