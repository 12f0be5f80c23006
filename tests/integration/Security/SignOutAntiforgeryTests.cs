using System.Net;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>Signing out takes the form's antiforgery token, so another site cannot sign a user out with a hidden form.</summary>
public sealed class SignOutAntiforgeryTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_out_post_without_the_token_is_refused_and_the_user_stays_signed_in()
    {
        var (client, cookie) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        client.Dispose();

        using var response = await PostSignOutAsync(cookie, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await KeyPages.HomeStatusAsync(factory, cookie, Ct));
    }

    [Fact]
    public async Task A_sign_out_post_with_the_users_token_signs_out()
    {
        var (client, cookie) = await HttpSignIn.SignInAsync(factory, "nurse.holm", Ct);
        client.Dispose();
        var (antiforgeryCookie, fields) = await KeyPages.SignOutFormTokenAsync(factory, "nurse.holm", Ct);

        using var response = await PostSignOutAsync(cookie + "; " + antiforgeryCookie, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/login", response.Headers.Location?.ToString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(HttpSignIn.CookieName + "=;", StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> PostSignOutAsync(string cookies, Dictionary<string, string> fields) =>
        KeyPages.PostSignOutAsync(factory, cookies, fields, Ct);
}
