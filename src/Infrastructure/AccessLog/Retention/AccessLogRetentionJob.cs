using System.Globalization;
using System.Runtime.CompilerServices;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.AccessLog.Retention;

/// <summary>
/// What one retention run did: nothing (no record was old enough, or <see cref="LeftToAnotherRun"/>: another run was
/// busy), or the archive written and the records deleted.
/// </summary>
public sealed record AccessLogRetentionRun(DateOnly FirstDayKept, AccessLogArchive? Archive, int Deleted, bool LeftToAnotherRun = false);

/// <summary>
/// Archives and deletes the access records older than <see cref="AccessLogRetentionSettings.RetentionYears"/>, as the
/// system actor. First every record made before the cut-off is written to an archive file (read in keyset batches, so
/// memory stays bounded), flushed to disk and read back; a failure there throws before anything is deleted. Then exactly
/// those records (made before the cut-off and not newer than the last one archived) are deleted in batches, each in its
/// own short transaction through the deletion permits the database triggers ask for. The last transaction adds an
/// access record saying how many records before which day went to which file. A rerun finds nothing old left and does
/// nothing; a run cut short is completed by the next one (which archives what is left again). Only one run works at a
/// time, on every server: it holds the job's lease in the database (<see cref="JobLeases"/>), renewed every batch; a
/// run that finds it held does nothing.
/// </summary>
public sealed class AccessLogRetentionJob(
    IDbContextFactory<CareDbContext> dbFactory,
    JobLeases leases,
    TimeProvider clock,
    AccessLogRetentionSettings settings,
    ILogger<AccessLogRetentionJob> logger) : IRecurringJob
{
    public const string JobId = "access-log-retention";
    public const string What = "Access log retention";

    /// <summary>How long a run holds the lease without renewing it; a run that dies frees it after this.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(30);

    private static Actor Actor => SystemActor.AccessLogRetention;

    private readonly string holder = Guid.NewGuid().ToString("N");

    public void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTime<AccessLogRetentionJob>(JobId, settings.Schedule, job => job.RunAsync(CancellationToken.None));

    [AutomaticRetry(Attempts = 0)]
    public async Task<AccessLogRetentionRun> RunAsync(CancellationToken ct)
    {
        var decision = AccessLogRetention.Decide(Actor);
        if (!decision.Allowed)
            throw decision.Refusal();
        var firstDay = AccessLogRetention.FirstDayKept(CopenhagenTime.Today(clock), settings.RetentionYears);
        if (!await leases.TryTakeAsync(JobId, holder, LeaseDuration, ct))
        {
            logger.LogInformation("Access log retention: another run is busy; this one does nothing.");
            return new AccessLogRetentionRun(firstDay, null, 0, LeftToAnotherRun: true);
        }
        try
        {
            return await RunHoldingTheLeaseAsync(decision, ct);
        }
        finally
        {
            await leases.ReleaseAsync(JobId, holder, CancellationToken.None);
        }
    }

    private async Task<AccessLogRetentionRun> RunHoldingTheLeaseAsync(AccessDecision decision, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var firstDayKept = AccessLogRetention.FirstDayKept(CopenhagenTime.Today(clock), settings.RetentionYears);
        var cutOff = AccessLogRetention.CutOff(CopenhagenTime.Today(clock), settings.RetentionYears);

        var name = AccessLogArchiveFile.NameFor(firstDayKept, now);
        AccessLogArchive? archive;
        try
        {
            archive = await AccessLogArchiveFile.WriteAsync(settings.ArchiveDirectory, name, OldRecordsAsync(cutOff, ct), ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Access log retention: the archive {Directory}/{Name} could not be written; no access record was deleted.",
                settings.ArchiveDirectory, name);
            throw;
        }
        if (archive is null)
            return new AccessLogRetentionRun(firstDayKept, null, 0);

        var deleted = await DeleteArchivedAsync(cutOff, archive, firstDayKept, decision, ct);
        if (deleted != archive.Count)
            logger.LogWarning("Access log retention: {Archived} records archived but {Deleted} deleted (another run deleted some first).", archive.Count, deleted);
        logger.LogInformation("Access log retention: {Deleted} access records made before {FirstDayKept} archived to {Path} and deleted.",
            deleted, firstDayKept, archive.Path);
        return new AccessLogRetentionRun(firstDayKept, archive, deleted);
    }

    private async IAsyncEnumerable<AccessRecord> OldRecordsAsync(DateTimeOffset cutOff, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = long.MinValue;
        while (true)
        {
            await KeepTheLeaseAsync(ct);
            List<AccessRecord> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                batch = await db.AccessRecords.AsNoTracking()
                    .Where(r => r.At < cutOff && r.Id > after)
                    .OrderBy(r => r.Id)
                    .Take(settings.BatchSize)
                    .ToListAsync(ct);
            foreach (var record in batch)
                yield return record;
            if (batch.Count < settings.BatchSize)
                yield break;
            after = batch[^1].Id;
        }
    }

    private async Task<int> DeleteArchivedAsync(DateTimeOffset cutOff, AccessLogArchive archive, DateOnly firstDayKept, AccessDecision decision, CancellationToken ct)
    {
        var deleted = 0;
        var lastId = archive.LastId;
        while (true)
        {
            await KeepTheLeaseAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = await db.AccessRecords.AsNoTracking()
                .Where(r => r.At < cutOff && r.Id <= lastId)
                .OrderBy(r => r.Id)
                .Select(r => r.Id)
                .Take(settings.BatchSize)
                .ToListAsync(ct);
            if (ids.Count > 0)
            {
                db.Set<AccessRecordDeletionPermit>().AddRange(ids.Select(id => new AccessRecordDeletionPermit(id)));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                deleted += await db.AccessRecords.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
                await db.Set<AccessRecordDeletionPermit>().Where(p => ids.Contains(p.AccessRecordId)).ExecuteDeleteAsync(ct);
            }
            var last = ids.Count < settings.BatchSize;
            if (last)
            {
                db.AccessRecords.Add(RunRecord(archive, firstDayKept, deleted, decision));
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            if (last)
                return deleted;
        }
    }

    /// <summary>A run whose lease expired and was taken over stops: the other run does the work.</summary>
    private async Task KeepTheLeaseAsync(CancellationToken ct)
    {
        if (!await leases.RenewAsync(JobId, holder, LeaseDuration, ct))
            throw new InvalidOperationException("Access log retention: this run lost its lease to another run and stops.");
    }

    private AccessRecord RunRecord(AccessLogArchive archive, DateOnly firstDayKept, int deleted, AccessDecision decision) =>
        new(clock.GetUtcNow(), Actor, null, PatientSection.AccessLog,
            string.Create(CultureInfo.InvariantCulture,
                $"{What}: {deleted} access records made before {firstDayKept:yyyy-MM-dd} archived to {Path.GetFileName(archive.Path)} and deleted"),
            AccessAction.Delete, allowed: true,
            string.Create(CultureInfo.InvariantCulture,
                $"{decision.Reason} Retention period {settings.RetentionYears} years; archive SHA-256 {archive.Sha256}."));
}
