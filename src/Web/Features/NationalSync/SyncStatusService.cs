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
    private static readonly IReadOnlyDictionary<NationalService, string> JobIds = new Dictionary<NationalService, string>
    {
        [NationalService.HospitalNotifications] = HospitalNotificationSyncJob.JobId,
        [NationalService.Person] = PersonSyncJob.JobId,
        [NationalService.Medication] = MedicationSyncJob.JobId,
        [NationalService.Measurements] = MeasurementSyncJob.JobId,
        [NationalService.Appointments] = SharedAppointmentSyncJob.JobId,
    };

    public static bool MayUse(Actor actor) => actor.Role is UserRole.Coordinator or UserRole.Administrator;

    public async Task<IReadOnlyList<SyncStatusRow>> StatusAsync(Actor actor, CancellationToken ct)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var states = await db.SyncStates.AsNoTracking().ToDictionaryAsync(s => s.Service, ct);
        var next = NextRuns();
        var now = clock.GetUtcNow();
        return [.. Enum.GetValues<NationalService>().Select(service =>
        {
            var state = states.GetValueOrDefault(service);
            return new SyncStatusRow(service, settings.IsSetUp(service), JobIds.ContainsKey(service), state?.LastSuccessAt, state?.LastErrorAt, state?.LastError,
                state?.Read ?? 0, state?.Imported ?? 0, state?.Rejected ?? 0, state?.Parked ?? 0, next.GetValueOrDefault(service), state?.IsRunning(now) ?? false);
        })];
    }

    /// <summary>Runs the service's sync now; throws <see cref="NationalServiceException"/> when the service cannot be read (the run records why).</summary>
    public async Task<SyncCounts> SyncNowAsync(Actor actor, NationalService service, CancellationToken ct)
    {
        Demand(actor);
        return service switch
        {
            NationalService.HospitalNotifications => await services.GetRequiredService<HospitalNotificationSyncJob>().RunAsync(ct),
            NationalService.Person => await services.GetRequiredService<PersonSyncJob>().RunAsync(ct),
            NationalService.Medication => await services.GetRequiredService<MedicationSyncJob>().RunAsync(ct),
            NationalService.Measurements => await services.GetRequiredService<MeasurementSyncJob>().RunAsync(ct),
            NationalService.Appointments => await services.GetRequiredService<SharedAppointmentSyncJob>().RunAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "No sync job for this service yet."),
        };
    }

    private Dictionary<NationalService, DateTimeOffset?> NextRuns()
    {
        using var connection = jobs.GetConnection();
        var recurring = connection.GetRecurringJobs([.. JobIds.Values]).ToDictionary(j => j.Id, StringComparer.Ordinal);
        return JobIds.ToDictionary(j => j.Key, j => recurring.TryGetValue(j.Value, out var job) && job.NextExecution is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : (DateTimeOffset?)null);
    }

    private static void Demand(Actor actor)
    {
        if (!MayUse(actor))
            throw new UnauthorizedAccessException("Only coordinators and administrators see the national sync.");
    }
}
