using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.AccessLog.Retention;
using CareWorkspace.Infrastructure.Attachments;
using CareWorkspace.Infrastructure.CarePlans;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Medicines;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Infrastructure.Video;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CareWorkspace.Infrastructure;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddDbContextFactory<CareDbContext>(o => o.Configure(settings));
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSharedDataProtection();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SharedReads>();
        builder.Services.AddSingleton<AccessRecordWriter>();
        // A hosted service so that stopping the app writes the records already queued before the database goes.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccessRecordWriter>());
        builder.Services.AddSingleton<PatientAccessGuard>();
        builder.Services.AddSingleton<AccessExpiryWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AccessExpiryWatcher>());
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<TriageService>();
        builder.Services.AddScoped<CareWorkspace.Infrastructure.Measurements.MeasurementService>();
        // Read now, so that a template file that does not parse stops start-up with its file and line.
        builder.Services.AddSingleton(CarePlanTemplates.Load(builder.Configuration["CarePlans:TemplateFolder"]
            ?? Path.Combine(AppContext.BaseDirectory, CarePlanTemplates.DefaultFolder)));
        // Likewise the medication rule files: a line with a typo stops start-up naming the file and the line.
        builder.Services.AddSingleton(MedicationRuleFiles.Load(builder.Configuration["Medicines:RuleFolder"]
            ?? Path.Combine(AppContext.BaseDirectory, MedicationRuleFiles.DefaultFolder)));
        builder.Services.AddSingleton(sp => new MedicationChecks(sp.GetRequiredService<MedicationRules>()));
        builder.Services.AddSingleton(new AttachmentStore(Path.Combine(settings.DataFolder, "attachments")));
        AddRealtime(builder);
        builder.AddNotifications();
        builder.AddJobs(JobSettings.From(builder.Configuration, settings));
        builder.AddAccessLogRetention(settings.DataFolder);
        builder.AddNationalServices();
        builder.Services.AddSingleton(VideoSettings.From(builder.Configuration));
        builder.Services.AddSingleton<IVideoMeetingProvider, JitsiVideoMeetingProvider>();

        builder.Services.AddIdentityCore<CareUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<CareDbContext>()
            .AddSignInManager<CareSignInManager>()
            .AddClaimsPrincipalFactory<CareUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        builder.Services.AddHealthChecks().AddDbContextCheck<CareDbContext>("database");
        return builder;
    }

    /// <summary>Live pathway updates: in-process on the embedded defaults, over Redis when Redis:ConnectionString is set.</summary>
    private static void AddRealtime(IHostApplicationBuilder builder)
    {
        var redis = builder.Configuration["Redis:ConnectionString"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddSingleton<IPresenceStore, LocalPresenceStore>();
            builder.Services.AddSingleton<IPathwayNotifier>(sp => WithSharedReads(sp, new PathwayNotifier(
                sp.GetRequiredService<ILogger<PathwayNotifier>>(), sp.GetRequiredService<TimeProvider>())));
        }
        else
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            builder.Services.AddSingleton<IPathwayBus, RedisPathwayBus>();
            builder.Services.AddSingleton<IPresenceStore, RedisPresenceStore>();
            builder.Services.AddSingleton<IPathwayNotifier>(sp => WithSharedReads(sp, new PathwayNotifier(
                sp.GetRequiredService<ILogger<PathwayNotifier>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IPathwayBus>())));
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        }
        builder.Services.AddSingleton<PresenceTracker>();
    }

    /// <summary>Every change, local or from another instance, makes the shared reads it concerns old before anyone re-loads.</summary>
    private static PathwayNotifier WithSharedReads(IServiceProvider services, PathwayNotifier notifier)
    {
        notifier.BeforeDelivery(services.GetRequiredService<SharedReads>().Changed);
        return notifier;
    }
}
