using CareWorkspace.Infrastructure.FollowUp;
using CareWorkspace.Infrastructure.Reminders;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareWorkspace.Infrastructure.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// Hangfire with this app's own storage. The storage is registered per app rather than as Hangfire's static
    /// <c>JobStorage.Current</c>, so that two apps in one process (tests) never share a job store.
    /// </summary>
    public static void AddJobs(this IHostApplicationBuilder builder, JobSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(ReminderSettings.From(builder.Configuration));
        builder.Services.AddTransient<AppointmentReminderJob>();
        builder.Services.AddTransient<IRecurringJob>(sp => sp.GetRequiredService<AppointmentReminderJob>());
        builder.Services.AddSingleton(FollowUpSettings.From(builder.Configuration));
        builder.Services.AddTransient<FollowUpEscalationJob>();
        builder.Services.AddTransient<IRecurringJob>(sp => sp.GetRequiredService<FollowUpEscalationJob>());
        builder.Services.AddSingleton<JobStorage>(_ => JobStorageFactory.Create(settings));
        builder.Services.AddHangfire(cfg => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!settings.RunServer)
            return;
        builder.Services.AddHangfireServer((_, o) =>
        {
            o.WorkerCount = settings.WorkerCount;
            o.SchedulePollingInterval = settings.PollInterval;
        });
        builder.Services.AddHostedService<RecurringJobsSchedule>();
    }
}
