using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.NationalSync;

/// <summary>One national service's sync as the status page shows it; while it runs, the counts are those of the run so far.</summary>
public sealed record SyncStatusRow(NationalService Service, bool IsSetUp, bool HasJob, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt,
    string? LastError, int Read, int Imported, int Rejected, int Parked, DateTimeOffset? NextRun, bool IsRunning = false);

/// <summary>
/// The state of the sync with each national service, for coordinators and administrators (no patient data: counts,
/// times and reasons), and "Sync now", which runs a service's sync job at once as the system actor.
/// </summary>
public sealed class SyncStatusService(IDbContextFactory<CareDbContext> dbFactory, NationalServicesSettings settings, JobStorage jobs,
    IServiceProvider services, TimeProvider clock)
{
    // Every sync job says which service it keeps in step and under which recurring job id, so this page needs no list of its own.
    private IReadOnlyDictionary<NationalService, INationalSync> Syncs =>
        services.GetServices<INationalSync>().ToDictionary(s => s.Service);

    public static bool MayUse(Actor actor) => actor.Role is UserRole.Coordinator or UserRole.Administrator;

    public async Task<IReadOnlyList<SyncStatusRow>> StatusAsync(Actor actor, CancellationToken ct)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = await db.SyncStates.AsNoTracking().ToDictionaryAsync(s => s.Service, ct);
        var syncs = Syncs;
        var next = NextRuns(syncs.Values);
        var now = clock.GetUtcNow();
        return [.. Enum.GetValues<NationalService>().Select(service =>
        {
            var state = states.GetValueOrDefault(service);
            return new SyncStatusRow(service, settings.IsSetUp(service), syncs.ContainsKey(service), state?.LastSuccessAt, state?.LastErrorAt, state?.LastError,
                state?.Read ?? 0, state?.Imported ?? 0, state?.Rejected ?? 0, state?.Parked ?? 0, next.GetValueOrDefault(service), state?.IsRunning(now) ?? false);
        })];
    }

    /// <summary>Runs the service's sync now; throws <see cref="NationalServiceException"/> when the service cannot be read (the run records why).</summary>
    public async Task<SyncCounts> SyncNowAsync(Actor actor, NationalService service, CancellationToken ct)
    {
        Demand(actor);
        return Syncs.TryGetValue(service, out var sync)
            ? await sync.RunAsync(ct)
            : throw new ArgumentOutOfRangeException(nameof(service), service, "No sync job for this service yet.");
    }

    private Dictionary<NationalService, DateTimeOffset?> NextRuns(IEnumerable<INationalSync> syncs)
    {
        using var connection = jobs.GetConnection();
        var ids = syncs.ToDictionary(s => s.Service, s => s.RecurringJobId);
        var recurring = connection.GetRecurringJobs([.. ids.Values]).ToDictionary(j => j.Id, StringComparer.Ordinal);
        return ids.ToDictionary(j => j.Key, j => recurring.TryGetValue(j.Value, out var job) && job.NextExecution is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : (DateTimeOffset?)null);
    }

    private static void Demand(Actor actor)
    {
        if (!MayUse(actor))
            throw new UnauthorizedAccessException("Only coordinators and administrators see the national sync.");
    }
}
