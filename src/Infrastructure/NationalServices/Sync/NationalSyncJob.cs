using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Reminders;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// One incremental sync with a national service: items that failed before and are due are tried again from their stored
/// payload; then the changes since the watermark are read a page at a time (following next links) and each item is
/// imported in its own transaction with its provenance. Invalid entries are rejected and kept with their reason; an item
/// whose import fails is tried again with a growing delay, then parked. The watermark moves only when every page was
/// read, so a run that stops (the service down, a restart) loses nothing: the next one reads from the same place, and
/// what is already imported is recognised by (service, source id) and not imported again. When the service cannot be
/// read the run records why and fails, and Hangfire tries it again with back-off.
/// </summary>
public abstract class NationalSyncJob<T>(IDbContextFactory<CareDbContext> dbFactory, IPathwayNotifier notifier, TimeProvider clock, ILogger logger)
    : INationalSync
    where T : class
{
    protected IDbContextFactory<CareDbContext> Databases => dbFactory;

    protected TimeProvider Clock => clock;

    protected IPathwayNotifier Notifier => notifier;

    public abstract NationalService Service { get; }

    public abstract string RecurringJobId { get; }

    public abstract void Schedule(IRecurringJobManager recurring);

    /// <summary>The pathway section that shows this service's data (and says "not updated since" while its runs fail).</summary>
    protected abstract PatientSection ShownIn { get; }

    protected abstract IAsyncEnumerable<NationalPage<T>> ChangesSinceAsync(DateTimeOffset? since, CancellationToken ct);

    protected abstract bool TryRead(Hl7.Fhir.Model.Resource resource, DateOnly today, out T? item, out string reason);

    /// <summary>
    /// Whether a newer version of an item already imported is imported again (its <see cref="ImportAsync"/> then updates
    /// what it made and the <see cref="ImportedItem"/>); otherwise an item is imported once, whatever its version.
    /// </summary>
    protected virtual bool ImportsNewVersions => false;

    /// <summary>Imports one item in its own transaction (with its <see cref="ImportedItem"/>); false when it is not for this workspace. Throws when it fails.</summary>
    protected abstract Task<bool> ImportAsync(T item, Provenance provenance, DateTimeOffset fetchedAt, CancellationToken ct);

    /// <summary>
    /// Imports a page's items not yet imported (distinct source ids) in ONE transaction, exactly as <see cref="ImportAsync"/>
    /// would one by one; returns how many were for this workspace, or null when the job imports item by item only. When
    /// it throws, nothing of it was saved and the page is imported item by item, so a failing item is retried and parked
    /// on its own. It exists because one transaction (and a dozen queries) per item cannot import a national backlog.
    /// <paramref name="importedBefore"/> holds the source ids of these items imported before (an earlier version), when
    /// the caller knows them; null when the job has to ask.
    /// </summary>
    protected virtual Task<int?> ImportPageTogetherAsync(IReadOnlyList<(T Item, Provenance Provenance)> items, IReadOnlySet<string>? importedBefore,
        DateTimeOffset fetchedAt, CancellationToken ct) =>
        Task.FromResult<int?>(null);

    /// <summary>One run; returns its counts. Throws <see cref="NationalServiceException"/> when the service could not be read.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<SyncCounts> RunAsync(CancellationToken ct)
    {
        var result = await SyncRun.RecordAsync(UpdateStateAsync, clock, async counts =>
        {
            await RetryDueAsync(counts, ct);
            DateTimeOffset? newest = null;
            await foreach (var page in ChangesSinceAsync(await WatermarkAsync(ct), ct))
            {
                if (await ImportPageAsync(page, counts, ct) is { } updated && (newest is null || updated > newest))
                    newest = updated;
                await UpdateStateAsync(s => s.Progressed(counts.ToCounts()), ct);
            }
            return newest;
        }, ct);
        logger.LogInformation("National sync {Service}: {Read} read, {Imported} imported, {Rejected} rejected, {Parked} failed",
            Service, result.Read, result.Imported, result.Rejected, result.Parked);
        return result;
    }

    /// <summary>
    /// One patient's items (the refresh when their pathway is opened), imported exactly as a run imports them: the same
    /// rejections, provenance, "already imported" and retries. It leaves the watermark and the service's sync state to
    /// the recurring run. Throws <see cref="NationalServiceException"/> when the service could not be read.
    /// </summary>
    protected async Task<SyncCounts> ImportOnePatientAsync(IAsyncEnumerable<NationalPage<T>> pages, CancellationToken ct)
    {
        var counts = new SyncTally();
        await foreach (var page in pages.WithCancellation(ct))
            await ImportPageAsync(page, counts, ct);
        return counts.ToCounts();
    }

    /// <summary>Imports a page's items and keeps its rejected entries; returns the newest source change imported.</summary>
    private async Task<DateTimeOffset?> ImportPageAsync(NationalPage<T> page, SyncTally counts, CancellationToken ct)
    {
        DateTimeOffset? newest = null;
        counts.Read += page.Read;
        foreach (var rejected in page.Rejected)
            counts.Rejected += await RecordRejectedAsync(rejected, ct) ? 1 : 0;
        if (!await TryImportTogetherAsync(page.Items, counts, ct))
        {
            foreach (var (item, provenance) in page.Items)
                await ImportOrParkAsync(item, provenance, counts, ct);
        }
        foreach (var (_, provenance) in page.Items)
        {
            if (provenance.LastUpdated is { } updated && (newest is null || updated > newest))
                newest = updated;
        }
        return newest;
    }

    /// <summary>The page's new items in one transaction, when the job can; false when they are to be imported one by one.</summary>
    private async Task<bool> TryImportTogetherAsync(IReadOnlyList<(T Item, Provenance Provenance)> items, SyncTally counts, CancellationToken ct)
    {
        if (items.Count == 0 || items.Select(i => i.Provenance.SourceId).Distinct(StringComparer.Ordinal).Count() != items.Count)
            return false;
        List<(T Item, Provenance Provenance)> fresh;
        Dictionary<string, ImportedVersion> followed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = items.Select(i => i.Provenance.SourceId).ToList();
            followed = (await db.ImportedItems.AsNoTracking().Where(i => i.Service == Service && ids.Contains(i.SourceId))
                    .Select(i => new { i.SourceId, i.Version, i.SourceUpdatedAt }).ToListAsync(ct))
                .ToDictionary(i => i.SourceId, i => new ImportedVersion(i.Version, i.SourceUpdatedAt), StringComparer.Ordinal);
            fresh = [.. items.Where(i => !IsImported(followed.GetValueOrDefault(i.Provenance.SourceId), i.Provenance))];
        }
        if (fresh.Count == 0)
            return true;
        int? imported;
        try
        {
            imported = await ImportPageTogetherAsync(fresh, followed.Keys.ToHashSet(StringComparer.Ordinal), clock.GetUtcNow(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not NationalServiceException)
        {
            logger.LogInformation(ex, "National sync {Service}: a page of {Count} did not import together; importing it item by item", Service, fresh.Count);
            return false;
        }
        if (imported is not { } done)
            return false;
        counts.Imported += done;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = fresh.Select(i => i.Provenance.SourceId).ToList();
            await db.ParkedImports.Where(p => p.Service == Service && ids.Contains(p.SourceId)).ExecuteDeleteAsync(ct);
        }
        return true;
    }

    private async Task ImportOrParkAsync(T item, Provenance provenance, SyncTally counts, CancellationToken ct)
    {
        if (await AlreadyImportedAsync(provenance, ct))
            return;
        try
        {
            if (await ImportAsync(item, provenance, clock.GetUtcNow(), ct))
                counts.Imported++;
            await ForgetFailureAsync(provenance.SourceId, ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A concurrent run imported it first.
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not NationalServiceException)
        {
            logger.LogWarning(ex, "National sync {Service}: {SourceId} failed to import", Service, provenance.SourceId);
            await RecordFailureAsync(provenance, ex.Message, ct);
            counts.Parked++;
        }
    }

    private async Task RetryDueAsync(SyncTally counts, CancellationToken ct)
    {
        List<ParkedImport> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow();
            due = [.. (await db.ParkedImports.AsNoTracking().Where(p => p.Service == Service && p.State == ParkedImportState.Retrying).ToListAsync(ct))
                .Where(p => p.IsDue(now))];
        }
        var today = CopenhagenTime.Today(clock);
        foreach (var parked in due)
        {
            counts.Read++;
            if (!StrictFhirParser.TryParse(parked.Payload, out var resource, out var reason) || !TryRead(resource!, today, out var item, out reason))
            {
                await RecordFailureAsync(new Provenance(parked.SourceId, null, null, parked.Payload), reason, ct);
                counts.Parked++;
                continue;
            }
            await ImportOrParkAsync(item!, new Provenance(parked.SourceId, resource!.Meta?.VersionId, resource.Meta?.LastUpdated, parked.Payload), counts, ct);
        }
    }

    /// <summary>
    /// Imported already: the same source id at all, or — for a job that follows new versions — the same version, or an
    /// older one than the version followed already (that changes nothing).
    /// </summary>
    private async Task<bool> AlreadyImportedAsync(Provenance provenance, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var imported = db.ImportedItems.Where(i => i.Service == Service && i.SourceId == provenance.SourceId);
        if (!ImportsNewVersions)
            return await imported.AnyAsync(ct);
        var followed = await imported.Select(i => new ImportedVersion(i.Version, i.SourceUpdatedAt)).FirstOrDefaultAsync(ct);
        return IsImported(followed, provenance);
    }

    private bool IsImported(ImportedVersion? followed, Provenance provenance) =>
        // Compared here, not in SQL: a source's times may carry any offset, which the stored form does not order by.
        followed is not null && (!ImportsNewVersions || followed.Version == provenance.Version
            || (followed.SourceUpdatedAt is { } seen && provenance.LastUpdated is { } incoming && incoming <= seen));

    /// <summary>
    /// Records in <paramref name="db"/> (saved with the page) that these versions were imported, as
    /// <see cref="RecordImportedAsync(CareDbContext, Provenance, DateTimeOffset, Guid, CancellationToken)"/> one by one; a
    /// first import's row goes to <paramref name="rows"/> when given. Only the items in <paramref name="importedBefore"/>
    /// (all, when it is null) are read again, to move their provenance forward.
    /// </summary>
    private protected async Task RecordImportedAsync(CareDbContext db, PageRows? rows, IReadOnlyList<(Provenance Provenance, Guid PatientId)> imports,
        IReadOnlySet<string>? importedBefore, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        var ids = ImportsNewVersions
            ? imports.Select(i => i.Provenance.SourceId).Where(id => importedBefore is null || importedBefore.Contains(id)).ToList()
            : [];
        var followed = ids.Count > 0
            ? await db.ImportedItems.Where(i => i.Service == Service && ids.Contains(i.SourceId)).ToDictionaryAsync(i => i.SourceId, StringComparer.Ordinal, ct)
            : [];
        foreach (var (provenance, patientId) in imports)
        {
            if (followed.TryGetValue(provenance.SourceId, out var imported))
            {
                imported.Refetched(provenance.Version, provenance.LastUpdated, fetchedAt);
                continue;
            }
            var item = new ImportedItem(Service, provenance.SourceId, provenance.Version, provenance.LastUpdated, fetchedAt, patientId);
            if (rows is null)
                db.ImportedItems.Add(item);
            else
                rows.Add(item);
        }
    }

    /// <summary>
    /// Records in <paramref name="db"/> (saved with the import) that this version was imported: a first import adds the
    /// item with its provenance; a newer version of a followed item moves its provenance forward.
    /// </summary>
    protected Task RecordImportedAsync(CareDbContext db, Provenance provenance, DateTimeOffset fetchedAt, Guid patientId, CancellationToken ct) =>
        RecordImportedAsync(db, null, [(provenance, patientId)], null, fetchedAt, ct);

    /// <summary>Keeps the rejected entry with its reason (once: a rejection seen again is not counted again).</summary>
    private async Task<bool> RecordRejectedAsync(RejectedEntry rejected, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ParkedImports.AnyAsync(p => p.Service == Service && p.SourceId == rejected.SourceId, ct))
            return false;
        db.ParkedImports.Add(ParkedImport.Rejected(Service, rejected.SourceId, rejected.Reason, rejected.Json, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    private async Task RecordFailureAsync(Provenance provenance, string reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        if (await db.ParkedImports.SingleOrDefaultAsync(p => p.Service == Service && p.SourceId == provenance.SourceId, ct) is { } earlier)
            earlier.FailedAgain(reason, now);
        else
            db.ParkedImports.Add(ParkedImport.Failed(Service, provenance.SourceId, reason, provenance.Json, now));
        await db.SaveChangesAsync(ct);
    }

    private async Task ForgetFailureAsync(string sourceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ParkedImports.Where(p => p.Service == Service && p.SourceId == sourceId).ExecuteDeleteAsync(ct);
    }

    private async Task<DateTimeOffset?> WatermarkAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SyncStates.AsNoTracking().Where(s => s.Service == Service).Select(s => s.Watermark).SingleOrDefaultAsync(ct);
    }

    /// <summary>Writes the run's state; when it starts or ends a failing spell, every open section showing the service hears it.</summary>
    private async Task UpdateStateAsync(Action<SyncState> change, CancellationToken ct)
    {
        if (await SyncStateWriter.UpdateAsync(dbFactory, Service, change, ct))
            notifier.PathwayChanged(new PathwayChange(Guid.Empty, ShownIn) { SeenBy = [AudienceKey.NationalServiceStatusOf(Service)] });
    }

    private sealed record ImportedVersion(string? Version, DateTimeOffset? SourceUpdatedAt);
}
