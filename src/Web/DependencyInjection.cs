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

        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<PatientDirectoryService>();
        builder.Services.AddScoped<CareWorkspace.Web.Features.AccessLog.AccessLogService>();
        builder.Services.AddScoped<PatientOverviewService>();
        builder.Services.AddScoped<AdministrationService>();
        builder.Services.AddSingleton<INotificationText, NotificationText>();
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<DischargeService>();
        builder.Services.AddScoped<ActorSectors>();
        builder.Services.AddScoped<FollowUpTaskService>();
        builder.Services.AddScoped<SyncStatusService>();
        builder.Services.AddScoped<NotImportedService>();
        builder.Services.AddScoped<FhirRecordService>();
        builder.Services.AddScoped<FhirAuditEventService>();
        builder.Services.AddScoped<ApiTokenService>();
        AddPathway(builder);
        return builder;
    }

    /// <summary>The live pathway: its sections, services, real-time plumbing and the hub for non-Blazor clients.</summary>
    private static void AddPathway(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PathwayHeaderService>();
        builder.Services.AddScoped<CareTeamService>();
        builder.Services.AddScoped<AppointmentService>();
        builder.Services.AddScoped<CarePlanService>();
        builder.Services.AddScoped<StaffCalendarService>();
        builder.Services.AddScoped<CareWorkspace.Web.Features.TriageBoard.TriageBoardService>();
        builder.Services.AddScoped<ConsentService>();
        builder.Services.AddScoped<CareWorkspace.Web.Features.Sharing.SharingBlockService>();
        builder.Services.AddScoped<CareWorkspace.Web.Features.Sharing.EmergencyAccessService>();
        // EmergencyAccess:MaximumMinutes raises or lowers the longest emergency access (the default stays two hours).
        builder.Services.AddSingleton(new CareWorkspace.Domain.Blocks.EmergencyAccessRules(
            CareWorkspace.Domain.Blocks.EmergencyAccessRules.Standard.DefaultDuration,
            TimeSpan.FromMinutes(builder.Configuration.GetValue("EmergencyAccess:MaximumMinutes", (int)CareWorkspace.Domain.Blocks.EmergencyAccessRules.Standard.MaximumDuration.TotalMinutes))));
        builder.Services.AddScoped<TimelineService>();
        builder.Services.AddScoped<MessageService>();
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddScoped<ConflictResolver>();
        builder.Services.AddScoped<VideoConsultationService>();
        builder.Services.AddScoped<ConferenceService>();
        builder.Services.AddScoped<CalendarFeedService>();
        builder.Services.AddScoped<DocumentFrames>();
        builder.Services.AddScoped<PathwaySummaryDocument>();
        builder.Services.AddScoped<PathwaySummaryService>();
        builder.Services.AddScoped<CarePlanDocument>();
        builder.Services.AddScoped<CareWorkspace.Web.Features.AccessLog.AccessLogDocument>();
        builder.Services.AddScoped<CareWorkspace.Web.Features.AccessLog.AccessLogExportService>();
        builder.Services.AddScoped<CarePlanDocumentService>();
        builder.Services.AddScoped<IPathwaySummaryPart, CarePlanSummaryPart>();
        builder.Services.AddScoped<RehabilitationPlanDocument>();
        builder.Services.AddScoped<RehabilitationPlanDocumentService>();
        builder.Services.AddScoped<MedicationListDocument>();
        builder.Services.AddScoped<MedicationListDocumentService>();
        builder.Services.AddScoped<IPathwaySummaryPart, RehabilitationSummaryPart>();
        builder.Services.AddScoped<IPathwaySummaryPart, TriageSummaryPart>();
        builder.Services.AddScoped<RehabilitationPlanService>();
        builder.Services.AddScoped<MedicationListService>();
        builder.Services.AddScoped<MedicationPrescribingService>();
        builder.Services.AddScoped<CareWorkspace.Web.Features.Medicines.Administration.AdministrationService>();
        builder.Services.AddScoped<AllergyRegisterService>();
        builder.Services.AddScoped<IPrescribingCheck, AllergyPrescribingCheck>();
        builder.Services.AddScoped<MedicationReviewService>();
        builder.Services.AddScoped<PathwayRefreshOnOpen>();
        builder.Services.AddSingleton<ChangeAuthors>();
        builder.Services.AddScoped<CircuitReconnectNotifier>();
        builder.Services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitReconnectNotifier>());

        builder.Services.AddSingleton(new PathwaySectionRegistry()
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
