using System.Net;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>
/// Outside Development cookies are Secure and HSTS is sent; behind a TLS proxy the app trusts X-Forwarded-Proto
/// only from a known proxy (loopback by default, others named in Security:ForwardedHeaders).
/// </summary>
public sealed class TransportSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_Production_the_cookies_are_Secure_and_HSTS_is_sent()
    {
        await using var factory = new CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["environment"] = "Production" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://care.example.org"),
            AllowAutoRedirect = false,
        });

        using var page = await client.GetAsync("/account/login", Ct);
        Assert.Contains("max-age=", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        using var signedIn = await HttpSignIn.PostLoginAsync(client, "nurse.holm", DemoAccounts.Password, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(HttpSignIn.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_Development_plain_http_keeps_working_for_local_runs_and_tests()
    {
        await using var factory = new SqliteAppFactory();
        using var client = HttpSignIn.NewClient(factory);

        using var signedIn = await HttpSignIn.PostLoginAsync(client, "nurse.holm", DemoAccounts.Password, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(HttpSignIn.CookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, "127.0.0.1", HttpStatusCode.Forbidden)]
    [InlineData("", "127.0.0.1", HttpStatusCode.OK)]
    [InlineData("", "192.0.2.7", HttpStatusCode.Forbidden)]
    [InlineData("192.0.2.7", "192.0.2.7", HttpStatusCode.OK)]
    public async Task Forwarded_https_counts_only_when_enabled_and_sent_by_a_known_proxy(string? knownProxy, string proxyAddress, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?>();
        if (knownProxy is not null)
            settings["Security:ForwardedHeaders:Enabled"] = "true";
        if (knownProxy is { Length: > 0 })
            settings["Security:ForwardedHeaders:KnownProxies:0"] = knownProxy;
        await using var factory = new CareAppFactory(DatabaseProvider.Sqlite, settings);

        // The browser sees https://localhost; the proxy speaks plain http to the app and says so in X-Forwarded-Proto.
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/_blazor/negotiate";
            c.Request.QueryString = new QueryString("?negotiateVersion=1");
            c.Request.Headers.Origin = "https://localhost";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
            c.Connection.RemoteIpAddress = IPAddress.Parse(proxyAddress);
        }, Ct);

        Assert.Equal((int)expected, context.Response.StatusCode);
    }
}
