using System.Globalization;
using System.Security.Claims;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareWorkspace.Web.Security;

/// <summary>
/// The sign-in cookie's share of session rules: it records when the session began, expires after the role's idle
/// timeout (sliding), and is refused after the absolute lifetime or once the user's sessions were revoked.
/// </summary>
internal static class SessionCookieEvents
{
    public static void Apply(CookieAuthenticationOptions options)
    {
        var validate = options.Events.OnValidatePrincipal;
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = async context =>
        {
            var services = context.HttpContext.RequestServices;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == CareClaimTypes.SessionStarted))
                identity.AddClaim(new Claim(CareClaimTypes.SessionStarted, now.ToString("O", CultureInfo.InvariantCulture)));
            if (context.Principal?.ToActor() is { } actor)
            {
                context.Properties.IssuedUtc = now;
                context.Properties.ExpiresUtc = now + services.GetRequiredService<SessionTimeouts>().IdleTimeoutFor(actor.Role);
            }
            await signingIn(context);
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Principal?.ToActor() is { } actor && EndReason(context, actor) is { } reason)
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCookieEvents))
                    .LogInformation("Session of user {UserId} refused: {Reason}", actor.UserId, reason);
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validate(context);
        };
    }

    private static string? EndReason(CookieValidatePrincipalContext context, Domain.Access.Actor actor)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var issued = context.Properties.IssuedUtc ?? now;
        var started = DateTimeOffset.TryParse(context.Principal!.FindFirstValue(CareClaimTypes.SessionStarted), CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind, out var s) ? s : issued;
        // The session's start (full precision), not the cookie's issue time: that is kept to the second only.
        if (services.GetRequiredService<SessionRevocations>().IsRevokedSince(actor.UserId, started))
            return "sessions revoked";
        // The cookie's own expiry is the idle limit; only the absolute lifetime is checked here.
        return services.GetRequiredService<SessionTimeouts>().EndReason(actor.Role, started, now, now);
    }
}
