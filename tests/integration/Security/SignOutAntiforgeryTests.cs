using System.Net;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        var (antiforgeryCookie, fields) = await SignOutFormTokenAsync("nurse.holm");

        using var response = await PostSignOutAsync(cookie + "; " + antiforgeryCookie, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/login", response.Headers.Location?.ToString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(HttpSignIn.CookieName + "=;", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> PostSignOutAsync(string cookies, Dictionary<string, string> fields)
    {
        using var client = KeyPages.ClientWithoutCookies(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>The token pair the sign-out form carries for this user (the form itself is rendered by the live circuit).</summary>
    private async Task<(string Cookie, Dictionary<string, string> Fields)> SignOutFormTokenAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<CareUser>>().FindByNameAsync(userName);
        var principal = await services.GetRequiredService<SignInManager<CareUser>>().CreateUserPrincipalAsync(user!);
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(new DefaultHttpContext { RequestServices = services, User = principal });
        var cookieName = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        return ($"{cookieName}={tokens.CookieToken}", new Dictionary<string, string> { [tokens.FormFieldName] = tokens.RequestToken! });
    }
}
