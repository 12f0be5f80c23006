using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Web.Components;
using CareWorkspace.Web.Diagnostics;
using CareWorkspace.Web.Features.Account;
using CareWorkspace.Web.Features.Administration;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.CalendarFeeds;
using CareWorkspace.Web.Features.CarePlans;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Conferences;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Documents;
using CareWorkspace.Web.Features.FhirApi;
using CareWorkspace.Web.Features.FollowUp;
using CareWorkspace.Web.Features.Jobs;
using CareWorkspace.Web.Features.Live;
using CareWorkspace.Web.Features.Medicines;
using CareWorkspace.Web.Features.Medicines.Allergies;
using CareWorkspace.Web.Features.Medicines.Review;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Features.NationalSync;
using CareWorkspace.Web.Features.Notifications;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Features.Rehabilitation;
using CareWorkspace.Web.Features.Timeline;
using CareWorkspace.Web.Features.Triage;
using CareWorkspace.Web.Features.Video;
using CareWorkspace.Web.Localization;
using CareWorkspace.Web.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using StackExchange.Redis;

namespace CareWorkspace.Web;

public static class DependencyInjection
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        // Static web assets (MudBlazor's CSS and JS) are served from the build output in every environment.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddCircuitLimits();
        builder.Services.AddMudServices();
        builder.Services.AddCareLocalization();

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Not a default scheme: only the FHIR API asks for it, so a token opens no page.
        builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        builder.Services.Replace(ServiceDescriptor.Scoped<IdentityErrorDescriber, IdentityErrorTexts>());
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "careworkspace";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization();
        builder.AddSessions();
        builder.AddTransportSecurity();
        builder.Services.AddLoginRateLimiting(builder.Configuration);

        builder.Services.AddFeatureServices(builder.Configuration);
        AddPathway(builder);
        return builder;
    }

    /// <summary>
    /// The services behind the pages and the live pathway (its sections included). Component tests register these same
    /// services and replace only the machines (database, clock, guard, sign-in) with their own.
    /// </summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CurrentActor>();
        services.AddScoped<CareWorkspace.Web.Components.Layout.OverlayDemand>();
        services.AddScoped<PatientDirectoryService>();
        services.AddScoped<CareWorkspace.Web.Features.AccessLog.AccessLogService>();
        services.AddScoped<PatientOverviewService>();
        services.AddScoped<AdministrationService>();
        services.AddSingleton<INotificationText, NotificationText>();
        services.AddScoped<NotificationService>();
        services.AddScoped<DischargeService>();
        services.AddScoped<ActorSectors>();
        services.AddScoped<FollowUpTaskService>();
        services.AddScoped<SyncStatusService>();
        services.AddScoped<NotImportedService>();
        services.AddScoped<FhirRecordService>();
        services.AddScoped<FhirAuditEventService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<PathwayHeaderService>();
        services.AddScoped<CareTeamService>();
        services.AddScoped<AppointmentService>();
        services.AddScoped<CarePlanService>();
        services.AddScoped<StaffCalendarService>();
        services.AddScoped<CareWorkspace.Web.Features.TriageBoard.TriageBoardService>();
        services.AddScoped<ConsentService>();
        services.AddScoped<CareWorkspace.Web.Features.Sharing.SharingBlockService>();
        services.AddScoped<CareWorkspace.Web.Features.Sharing.EmergencyAccessService>();
        // EmergencyAccess:MaximumMinutes raises or lowers the longest emergency access (the default stays two hours).
        services.AddSingleton(new CareWorkspace.Domain.Blocks.EmergencyAccessRules(
            CareWorkspace.Domain.Blocks.EmergencyAccessRules.Standard.DefaultDuration,
            TimeSpan.FromMinutes(configuration.GetValue("EmergencyAccess:MaximumMinutes", (int)CareWorkspace.Domain.Blocks.EmergencyAccessRules.Standard.MaximumDuration.TotalMinutes))));
        services.AddScoped<TimelineService>();
        services.AddScoped<MessageService>();
        services.AddScoped<InboxService>();
        services.AddScoped<ConflictResolver>();
        services.AddScoped<VideoConsultationService>();
        services.AddScoped<ConferenceService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<DocumentFrames>();
        services.AddScoped<PathwaySummaryDocument>();
        services.AddScoped<PathwaySummaryService>();
        services.AddScoped<CarePlanDocument>();
        services.AddScoped<CareWorkspace.Web.Features.AccessLog.AccessLogDocument>();
        services.AddScoped<CareWorkspace.Web.Features.AccessLog.AccessLogExportService>();
        services.AddScoped<CarePlanDocumentService>();
        services.AddScoped<IPathwaySummaryPart, CarePlanSummaryPart>();
        services.AddScoped<RehabilitationPlanDocument>();
        services.AddScoped<RehabilitationPlanDocumentService>();
        services.AddScoped<MedicationListDocument>();
        services.AddScoped<MedicationListDocumentService>();
        services.AddScoped<IPathwaySummaryPart, RehabilitationSummaryPart>();
        services.AddScoped<IPathwaySummaryPart, TriageSummaryPart>();
        services.AddScoped<RehabilitationPlanService>();
        services.AddScoped<MedicationListService>();
        services.AddScoped<MedicationPrescribingService>();
        services.AddScoped<AllergyRegisterService>();
        services.AddScoped<IPrescribingCheck, AllergyPrescribingCheck>();
        services.AddScoped<MedicationReviewService>();
        services.AddScoped<Features.Medicines.Reconciliation.MedicationReconciliationService>();
        services.AddScoped<PathwayRefreshOnOpen>();
        services.AddSingleton<ChangeAuthors>();
        services.AddScoped<CircuitReconnectNotifier>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitReconnectNotifier>());
        services.AddScoped<CareWorkspace.Web.Features.Medicines.Administration.AdministrationService>();

        services.AddSingleton(new PathwaySectionRegistry()
            .Add<OverviewSection>("overview", "Overview", Icons.Material.Filled.Dashboard, 10, PatientSection.MasterData)
            .Add<CareTeamSection>("care-team", "Care team & contacts", Icons.Material.Filled.Groups, 20, PatientSection.CareTeam)
            .Add<MessagesSection>("messages", "Messages", Icons.Material.Filled.Forum, 30, PatientSection.Messages)
            .Add<TimelineSection>("timeline", "Timeline", Icons.Material.Filled.Timeline, 40, PatientSection.Timeline)
            .Add<CalendarSection>("calendar", "Calendar", Icons.Material.Filled.CalendarMonth, 45, PatientSection.Calendar)
            .Add<MedicationSection>("medication", "Medication", Icons.Material.Filled.Medication, 46, PatientSection.Medication)
            .Add<CarePlanSection>("care-plan", "Care plans", Icons.Material.Filled.Assignment, 48, PatientSection.CarePlan)
            .Add<RehabilitationSection>("rehabilitation", "Rehabilitation", Icons.Material.Filled.FitnessCenter, 49, PatientSection.Rehabilitation)
            .Add<TriageSection>("triage", "Early detection", Icons.Material.Filled.Traffic, 50, PatientSection.Triage)
            .Add<CareWorkspace.Web.Features.Measurements.MeasurementsSection>("measurements", "Measurements", Icons.Material.Filled.MonitorHeart, 47, PatientSection.Measurements)
            .Add<ConsentSection>("consents", "Consent", Icons.Material.Filled.VerifiedUser, 60, PatientSection.Consents));
        return services;
    }

    /// <summary>The live pathway's real-time plumbing and the hub for non-Blazor clients.</summary>
    private static void AddPathway(WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Redis:ConnectionString"]))
        {
            // Only the pathway hub goes through the Redis backplane; Blazor circuits stay on their own server.
            builder.Services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
                o.ConnectionFactory = _ => Task.FromResult(redis));
            builder.Services.AddSingleton<HubLifetimeManager<PathwayHub>, RedisHubLifetimeManager<PathwayHub>>();
        }
        builder.Services.AddSingleton<PathwayHubViewers>();
        builder.Services.AddHostedService<PathwayHubBridge>();
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseForwardedHeadersWhenConfigured();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Friendly status pages are for people browsing; the hub and downloads keep their plain status codes.
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method)
                || context.Request.Path.StartsWithSegments(PathwayHub.Path)
                || context.Request.Path.StartsWithSegments("/attachments")
                || context.Request.Path.StartsWithSegments("/calendar/feed")
                || context.Request.Path.StartsWithSegments(FhirEndpoints.Path)
                || context.Request.Path.Value?.EndsWith(".ics", StringComparison.Ordinal) == true
                || context.Request.Path.Value?.EndsWith(".pdf", StringComparison.Ordinal) == true)
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                    statusPages.Enabled = false;
            }
            return next(context);
        });
        app.UseOriginAllowlist(app.Configuration);
        app.UseLoginRateLimiting();
        app.UseAuthentication();
        app.UseCareLocalization();
        app.UseAuthorization();
        app.UseSessions();
        // After authentication: a signed-in user's form token is bound to their identity.
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false });
        app.MapAccountEndpoints();
        app.MapLanguageEndpoints();
        app.MapForcedGcDiagnostics();
        app.MapAttachmentEndpoints();
        app.MapJobsDashboard();
        app.MapVideoEndpoints();
        app.MapCalendarFeedEndpoints();
        app.MapDocumentEndpoints();
        CareWorkspace.Web.Features.AccessLog.AccessLogEndpoints.MapAccessLogEndpoints(app);
        app.MapSandboxEndpoints();
        app.MapFhirEndpoints();
        // The connection closes when its sign-in cookie expires (idle or absolute limit), as a circuit signs out.
        app.MapHub<PathwayHub>(PathwayHub.Path, o => o.CloseOnAuthenticationExpiration = true);
        // The app-wide policy (SecurityHeaders) already says frame-ancestors 'none'; Blazor's own 'self' would be a second policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
