using Hangfire;
using Microsoft.Extensions.Hosting;

namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>Puts the app's recurring jobs in the job store when a job server starts (idempotent: same id, same job).</summary>
internal sealed class RecurringJobsSchedule(IRecurringJobManager recurring, IEnumerable<IRecurringJob> jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
            job.Schedule(recurring);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
