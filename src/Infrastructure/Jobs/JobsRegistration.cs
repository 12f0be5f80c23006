using CareWorkspace.Infrastructure.FollowUp;
using CareWorkspace.Infrastructure.Reminders;
using CareWorkspace.Infrastructure.Sharing;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        builder.Services.AddRecurringJob<AppointmentReminderJob>();
        builder.Services.AddSingleton(FollowUpSettings.From(builder.Configuration));
        builder.Services.AddRecurringJob<FollowUpEscalationJob>();
        builder.Services.AddSingleton(EmergencyAccessSummaryJob.Settings.From(builder.Configuration));
        builder.Services.AddRecurringJob<EmergencyAccessSummaryJob>();
        builder.Services.AddSingleton<JobStorage>(_ => JobStorageFactory.Create(settings));
        builder.Services.AddHangfire((services, cfg) => cfg
            .UseLogProvider(new JobLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!settings.RunServer)
            return;
        // Built here rather than from Hangfire's statics, so that this app's jobs run in this app's services.
        builder.Services.AddHangfireServer(services =>
        {
            var filters = JobFilterProviders.Providers;
            var activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>());
            var options = new BackgroundJobServerOptions { WorkerCount = settings.WorkerCount, SchedulePollingInterval = settings.PollInterval };
            // Obsolete in favour of a hand-written server, but the one way in 1.8 to give a server its own activator
            // (Hangfire's default is a process-wide static, wrong for several apps in one process, e.g. tests).
#pragma warning disable CS0618
            return new BackgroundJobServer(options, services.GetRequiredService<JobStorage>(), [], filters, activator,
                new BackgroundJobFactory(filters), new BackgroundJobPerformer(filters, activator, TaskScheduler.Default), new BackgroundJobStateChanger(filters));
#pragma warning restore CS0618
        });
        builder.Services.AddHostedService<RecurringJobsSchedule>();
    }
}
