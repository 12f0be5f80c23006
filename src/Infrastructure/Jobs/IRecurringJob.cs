using Hangfire;

namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>A job that runs on a schedule; it adds itself to the job store under a fixed id.</summary>
public interface IRecurringJob
{
    void Schedule(IRecurringJobManager recurring);
}
