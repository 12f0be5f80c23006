using System.Linq.Expressions;
using CareWorkspace.Domain.Common;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>
/// The set-up every recurring job shares: its cron from configuration, its schedule in Danish time (so "every day at
/// 03:15" stays 03:15 across summer time), and its registration. Each job states only its id, cron and run.
/// </summary>
public static class RecurringJobs
{
    /// <summary>The cron configured under <paramref name="key"/>, or <paramref name="fallback"/> when none is.</summary>
    public static string CronFrom(IConfiguration configuration, string key, string fallback) =>
        configuration[key] is { Length: > 0 } cron ? cron : fallback;

    /// <summary>Adds the job to the job store under its id, or updates it there, on a cron in Danish time.</summary>
    public static void ScheduleInDanishTime<TJob>(this IRecurringJobManager recurring, string jobId, string cron, Expression<Func<TJob, Task>> run) =>
        recurring.AddOrUpdate(jobId, run, cron, new RecurringJobOptions { TimeZone = CopenhagenTime.Zone });

    /// <summary>As <see cref="ScheduleInDanishTime{TJob}"/> when the job can run (e.g. its service is set up); otherwise it is taken out of the store.</summary>
    public static void ScheduleInDanishTimeIf<TJob>(this IRecurringJobManager recurring, bool canRun, string jobId, string cron, Expression<Func<TJob, Task>> run)
    {
        if (canRun)
            recurring.ScheduleInDanishTime(jobId, cron, run);
        else
            recurring.RemoveIfExists(jobId);
    }

    /// <summary>The job resolvable itself (tests and "run now" use it) and as a recurring job (scheduled when a job server starts).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services)
        where TJob : class, IRecurringJob
    {
        services.AddTransient<TJob>();
        services.AddTransient<IRecurringJob>(sp => sp.GetRequiredService<TJob>());
        return services;
    }
}
