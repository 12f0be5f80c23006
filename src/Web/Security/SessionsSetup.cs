using System.Security.Claims;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Web.Features.Account;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CareWorkspace.Web.Security;

/// <summary>Session lifetimes, pushed revocation of sessions, and the first-sign-in password change.</summary>
public static class SessionsSetup
{
    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SessionOptions.Section).Get<SessionOptions>() ?? new SessionOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<SessionTimeouts>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Redis:ConnectionString"]))
            services.AddSingleton<ISessionRevocationBus, RedisSessionRevocationBus>();
        services.AddSingleton(sp => new SessionRevocations(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SessionRevocations>>(), sp.GetService<ISessionRevocationBus>()));
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubConnectionsFilter>();
        services.Configure<HubOptions>(o => o.AddFilter<HubConnectionsFilter>());
        services.AddHostedService<SessionRevocationListener>();
        services.AddScoped<CircuitSession>();

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = options.StampValidationInterval;
            // The refreshed principal is rebuilt from the database; the session keeps the time it began.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(CareClaimTypes.SessionStarted) is { } started
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                    identity.AddClaim(new Claim(CareClaimTypes.SessionStarted, started.Value));
                return Task.CompletedTask;
            };
        });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, SessionCookieEvents.Apply);
        return builder;
    }

    /// <summary>After authentication: the first-sign-in gate, and the session endpoints.</summary>
    public static WebApplication UseSessions(this WebApplication app)
    {
        app.UseMiddleware<PasswordChangeGate>();
        app.MapSessionEndpoints();
        return app;
    }

    /// <summary>Starts listening for revocations from other instances as the app starts, not at the first request.</summary>
    private sealed class SessionRevocationListener : IHostedService
    {
        // Being resolved is the point: the revocations subscribe to the bus, the hub connections to the revocations.
        public SessionRevocationListener(SessionRevocations revocations, HubConnections connections)
        {
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
