using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>Every response carries the security headers: pages, error pages, static files and the health check.</summary>
public sealed class SecurityHeadersTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/no/such/page")]
    [InlineData("/health")]
    [InlineData("/app.css")]
    public async Task A_response_carries_the_security_headers(string path)
    {
        using var client = HttpSignIn.NewClient(factory);

        using var response = await client.GetAsync(path, Ct);

        // One policy: a second one (Blazor adds frame-ancestors 'self' unless told not to) would also be enforced.
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}';", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task The_inline_import_map_carries_the_nonce_of_its_own_response_only()
    {
        using var client = HttpSignIn.NewClient(factory);

        using var first = await client.GetAsync("/account/login", Ct);
        using var second = await client.GetAsync("/account/login", Ct);

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        var html = await first.Content.ReadAsStringAsync(Ct);
        var importMap = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]*importmap[^>]*>").Value;
        Assert.Contains($"nonce=\"{nonce}\"", importMap);
    }

    private static string NonceOf(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
