using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Cookies travel only over HTTPS outside Development, and behind a TLS-terminating proxy the app can trust the
/// proxy's X-Forwarded-For and X-Forwarded-Proto (Security:ForwardedHeaders), so it sees the client's address
/// (for rate limits) and the https scheme (for Secure cookies, HSTS and the origin check).
/// </summary>
public static class TransportSecurity
{
    private const string ForwardedHeadersSection = "Security:ForwardedHeaders";

    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);

        var forwarded = builder.Configuration.GetSection(ForwardedHeadersSection);
        if (forwarded.GetValue("Enabled", false))
        {
            builder.Services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // Loopback proxies are trusted by default; any other proxy must be named.
                foreach (var proxy in forwarded.GetSection("KnownProxies").Get<string[]>() ?? [])
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                foreach (var network in forwarded.GetSection("KnownNetworks").Get<string[]>() ?? [])
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            });
        }
        return builder;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseForwardedHeadersWhenConfigured(this WebApplication app) =>
        app.Configuration.GetSection(ForwardedHeadersSection).GetValue("Enabled", false) ? app.UseForwardedHeaders() : app;
}
