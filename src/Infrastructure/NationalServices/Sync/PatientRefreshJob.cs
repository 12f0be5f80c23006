using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// The refresh queued when a pathway is opened with stale data (Hangfire, as the system actor): fetches just that
/// patient's data from one service and imports it through the service's own sync (<see cref="IPatientSync"/>), then
/// records the outcome on the patient's <see cref="PatientRefresh"/> and tells the open section, which stops saying
/// "Updating …". A service that is down or slow is logged and recorded (the section then says "not updated since …");
/// it is not retried here: the recurring sync goes on, and the next opening after the refresh age asks again.
/// </summary>
public sealed class PatientRefreshJob(
    IDbContextFactory<CareDbContext> dbFactory,
    IEnumerable<IPatientSync> syncs,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    ILogger<PatientRefreshJob> logger)
{
    private const string What = "Refresh from a national service when the pathway was opened";

    private static Actor Actor => SystemActor.NationalSync;

    /// <summary>The pathway section that shows a service's data for a patient.</summary>
    public static PatientSection SectionOf(NationalService service) => service switch
    {
        NationalService.Medication => PatientSection.Medication,
        NationalService.Measurements => PatientSection.Measurements,
        NationalService.Person => PatientSection.MasterData,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "This service's data is not refreshed per patient."),
    };

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid patientId, NationalService service, CancellationToken ct)
    {
        var sync = syncs.FirstOrDefault(s => s.Service == service)
            ?? throw new ArgumentOutOfRangeException(nameof(service), service, "This service cannot fetch one patient's data.");
        try
        {
            if (await CprAsync(patientId, service, ct) is not { } cpr)
                return;
            var counts = await sync.RefreshPatientAsync(patientId, cpr, ct);
            await RecordAsync(patientId, service, r => r.Fetched(clock.GetUtcNow()));
            logger.LogInformation("Refresh of patient {PatientId} from {Service}: {Read} read, {Imported} imported, {Rejected} rejected, {Parked} failed",
                patientId, service, counts.Read, counts.Imported, counts.Rejected, counts.Parked);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Refresh of patient {PatientId} from {Service} failed", patientId, service);
            await RecordAsync(patientId, service, r => r.Failed(clock.GetUtcNow(), ex.Message));
        }
        // Without an author: the open section reloads (its "Updating …" ends) and nothing is announced for it.
        notifier.PathwayChanged(new PathwayChange(patientId, SectionOf(service)));
    }

    /// <summary>The patient's CPR, read through the access guard; null (with the refusal recorded) when the job may not, or the patient is gone.</summary>
    private async Task<Domain.Patients.Cpr?> CprAsync(Guid patientId, NationalService service, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var allowed = await guard.DemandForJobAsync(db, Actor, [patientId], AccessAction.Read, PatientSection.MasterData, What, ct);
        var cpr = allowed.ContainsKey(patientId)
            ? await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.Cpr).SingleOrDefaultAsync(ct)
            : null;
        await db.SaveChangesAsync(ct);
        if (cpr is null)
        {
            logger.LogWarning("Refresh of patient {PatientId} from {Service}: the patient is gone or may not be read", patientId, service);
            await RecordAsync(patientId, service, r => r.Failed(clock.GetUtcNow(), "The patient is gone or may not be read."));
        }
        return cpr;
    }

    private async Task RecordAsync(Guid patientId, NationalService service, Action<PatientRefresh> outcome)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                if (await db.PatientRefreshes.SingleOrDefaultAsync(r => r.PatientId == patientId && r.Service == service, CancellationToken.None) is not { } refresh)
                {
                    if (!await db.Patients.AnyAsync(p => p.Id == patientId, CancellationToken.None))
                        return;
                    refresh = new PatientRefresh(patientId, service);
                    db.PatientRefreshes.Add(refresh);
                }
                outcome(refresh);
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    return;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // An opening asked again meanwhile: read it again.
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record the outcome of the refresh of patient {PatientId} from {Service}", patientId, service);
        }
    }
}
