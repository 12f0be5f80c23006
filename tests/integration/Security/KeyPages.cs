using System.Net;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

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
}
