using System.Security.Cryptography;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that Blazor Server and MudBlazor run under, no framing,
/// no MIME sniffing, and no patient addresses leaking to other sites in the Referer header.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "CareWorkspace.CspNonce";

    /// <summary>
    /// Scripts only from this site, plus the one inline import map Blazor writes (allowed by a per-response nonce).
    /// Styles allow inline because MudBlazor sets style attributes and writes its theme as a style element;
    /// style injection cannot run code, scripts stay locked down. connect-src 'self' covers the circuit's WebSocket.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>The nonce of this response's Content-Security-Policy, for an inline script the app itself writes.</summary>
    public static string? NonceFor(HttpContext? context) => context?.Items[NonceKey] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex, so the value needs no escaping in the HTML attribute.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // Set when the response starts, so an error page (whose handler clears the headers) gets them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // An endpoint that set a stricter policy of its own (attachment downloads: sandbox) keeps it.
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
