using CareWorkspace.Web.Features.Pathway;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Browsers send cookies with a cross-site WebSocket handshake, so another site could open a circuit or a hub
/// connection as the signed-in user. The Blazor circuit and the pathway hub therefore accept a request carrying an
/// Origin only from this site itself or from an origin listed in Security:AllowedOrigins. Clients that send no
/// Origin (the .NET SignalR client, server-to-server) are not browsers and cannot borrow a browser's cookie.
/// </summary>
public static class OriginAllowlist
{
    public const string SettingName = "Security:AllowedOrigins";

    private static readonly PathString[] GuardedPaths = ["/_blazor", PathwayHub.Path];

    public static IApplicationBuilder UseOriginAllowlist(this IApplicationBuilder app, IConfiguration configuration)
    {
        var allowed = new HashSet<string>(
            (configuration.GetSection(SettingName).Get<string[]>() ?? []).Select(o => o.Trim().TrimEnd('/')),
            StringComparer.OrdinalIgnoreCase);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginAllowlist));
        return app.Use((context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length == 0 || !GuardedPaths.Any(p => context.Request.Path.StartsWithSegments(p)) || IsAllowed(context.Request, origin, allowed))
                return next(context);
            logger.LogWarning("Refused a {Path} request from origin {Origin}", context.Request.Path.Value, origin);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
    }

    private static bool IsAllowed(HttpRequest request, string origin, HashSet<string> allowed) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)
        || allowed.Contains(origin);
}
