using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Jobs;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>One national service's sync job: what it keeps in step, its recurring job's id, and one run ("Sync now").</summary>
public interface INationalSync : IRecurringJob
{
    NationalService Service { get; }

    string RecurringJobId { get; }

    /// <summary>One run; returns its counts. Throws <see cref="NationalServiceException"/> when the service could not be read.</summary>
    Task<SyncCounts> RunAsync(CancellationToken ct);
}
