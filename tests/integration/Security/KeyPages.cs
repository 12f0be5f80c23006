using System.Net;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>Plain HTTP helpers for tests that carry cookies from one host to another by hand.</summary>
internal static class KeyPages
{
    /// <summary>A client that neither keeps cookies nor follows redirects: every cookie is sent explicitly.</summary>
    public static HttpClient ClientWithoutCookies(CareAppFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The status of the signed-in home page: 200 when the cookie is accepted, a redirect to log in when not.</summary>
    public static async Task<HttpStatusCode> HomeStatusAsync(CareAppFactory host, string? cookie, CancellationToken ct)
    {
        using var client = ClientWithoutCookies(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, ct);
        return response.StatusCode;
    }

    /// <summary>The cookies a response sets, as one Cookie request header value.</summary>
    public static string CookiesSetBy(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    /// <summary>The token pair the sign-out form carries for this user (the form itself is rendered by the live circuit).</summary>
    public static async Task<(string Cookie, Dictionary<string, string> Fields)> SignOutFormTokenAsync(CareAppFactory host, string userName, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<CareUser>>().FindByNameAsync(userName);
        var principal = await services.GetRequiredService<SignInManager<CareUser>>().CreateUserPrincipalAsync(user!);
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(new DefaultHttpContext { RequestServices = services, User = principal });
        var cookieName = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        return ($"{cookieName}={tokens.CookieToken}", new Dictionary<string, string> { [tokens.FormFieldName] = tokens.RequestToken! });
    }

    public static async Task<HttpResponseMessage> PostSignOutAsync(CareAppFactory host, string cookies, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var client = ClientWithoutCookies(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request, ct);
    }
}
