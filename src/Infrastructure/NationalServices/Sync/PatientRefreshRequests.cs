using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// Asks for a patient's data to be fetched again when their pathway is opened: for each service that can fetch one
/// patient (<see cref="IPatientSync"/>) and is set up, when the patient's data from it is older than
/// <see cref="NationalServicesSettings.RefreshOnOpenAfter"/> and no fetch is pending, it marks the fetch as asked for
/// and queues ONE <see cref="PatientRefreshJob"/>. Only the database is touched here, never the national service.
/// </summary>
public sealed class PatientRefreshRequests(
    IDbContextFactory<CareDbContext> dbFactory,
    IEnumerable<IPatientSync> syncs,
    IBackgroundJobClient jobs,
    NationalServicesSettings settings,
    TimeProvider clock,
    ILogger<PatientRefreshRequests> logger)
{
    /// <summary>Queues the refreshes due among <paramref name="services"/>; returns the services a refresh was queued for.</summary>
    public async Task<IReadOnlyList<NationalService>> RequestIfStaleAsync(Guid patientId, IEnumerable<NationalService> services, CancellationToken ct)
    {
        var refreshable = syncs.Select(s => s.Service).ToHashSet();
        var candidates = services.Distinct().Where(s => refreshable.Contains(s) && settings.IsSetUp(s)).ToList();
        if (candidates.Count == 0)
            return [];
        var now = clock.GetUtcNow();
        List<PatientRefresh> known;
        Dictionary<NationalService, DateTimeOffset?> synced;
        DateTimeOffset? registerCheckedAt = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            known = await db.PatientRefreshes.AsNoTracking().Where(r => r.PatientId == patientId && candidates.Contains(r.Service)).ToListAsync(ct);
            synced = await db.SyncStates.AsNoTracking().Where(s => candidates.Contains(s.Service))
                .ToDictionaryAsync(s => s.Service, s => s.LastSuccessAt, ct);
            if (candidates.Contains(NationalService.Person))
                registerCheckedAt = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.RegisterCheckedAt).SingleOrDefaultAsync(ct);
        }

        var queued = new List<NationalService>();
        foreach (var service in candidates)
        {
            // The person sync asks per patient, so only the patient's own look-up says how fresh their master data is;
            // a complete run of the others read every patient's changes.
            var otherwiseFetchedAt = service == NationalService.Person ? registerCheckedAt : synced.GetValueOrDefault(service);
            var refresh = known.SingleOrDefault(r => r.Service == service);
            if (!(refresh ?? new PatientRefresh(patientId, service)).IsDue(now, settings.RefreshOnOpenAfter, otherwiseFetchedAt))
                continue;
            if (await MarkRequestedAsync(refresh, patientId, service, now, ct) && Enqueue(patientId, service, now))
                queued.Add(service);
        }
        return queued;
    }

    /// <summary>False when another opening asked first (its save won): then it queued the one fetch.</summary>
    private async Task<bool> MarkRequestedAsync(PatientRefresh? known, Guid patientId, NationalService service, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var refresh = known ?? new PatientRefresh(patientId, service);
        if (known is null)
            db.PatientRefreshes.Add(refresh);
        else
            db.PatientRefreshes.Attach(refresh);
        refresh.Requested(now);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private bool Enqueue(Guid patientId, NationalService service, DateTimeOffset now)
    {
        try
        {
            jobs.Enqueue<PatientRefreshJob>(job => job.RunAsync(patientId, service, CancellationToken.None));
            return true;
        }
        catch (Exception ex)
        {
            // The job store is away: the opening goes on; the mark lapses after PatientRefresh.LostAfter and a later opening asks again.
            logger.LogError(ex, "Could not queue the refresh of patient {PatientId} from {Service} (asked at {At})", patientId, service, now);
            return false;
        }
    }
}
