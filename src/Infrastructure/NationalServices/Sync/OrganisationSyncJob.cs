using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Reminders;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// Keeps the organisations' master data in step with the organisation register (SOR): each run asks SOR about every
/// organisation we hold, one at a time and those asked longest ago first, by SOR code, and takes its name, address,
/// phone, kind and whether it is still active. Each organisation is written in its own transaction with the provenance
/// of the version read. An answer that is refused (invalid, or without a name) is counted, logged and kept with its
/// reason for inspection, and the rest go on; an organisation SOR does not know is marked so, its last known data kept.
/// A register that cannot be asked fails the run (Hangfire tries again): what was written before stays, nothing is half-written.
/// A changed organisation reaches the open pathways that show it (its patients' care team and GP) live.
/// </summary>
public sealed class OrganisationSyncJob(
    IDbContextFactory<CareDbContext> dbFactory,
    IOrganisationRegister register,
    TimeProvider clock,
    NationalServicesSettings settings,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    ILogger<OrganisationSyncJob> logger) : INationalSync
{
    public const string JobId = "national-sync-organisation";

    /// <summary>Organisations change seldom: by default once a day, at night (Danish time).</summary>
    public static readonly string DefaultSchedule = Cron.Daily(4, 15);

    private const int ProgressEvery = 20;

    private const string What = "Organisation register: tell open pathways about a changed organisation";

    private static Actor Actor => SystemActor.NationalSync;

    public NationalService Service => NationalService.Organisation;

    public string RecurringJobId => JobId;

    public void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTimeIf<OrganisationSyncJob>(settings.IsSetUp(NationalService.Organisation), JobId, settings.Schedules.GetValueOrDefault(NationalService.Organisation) ?? DefaultSchedule,
            job => job.RunAsync(CancellationToken.None));

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<SyncCounts> RunAsync(CancellationToken ct)
    {
        var counts = await SyncRun.RecordAsync(UpdateStateAsync, clock, async tally =>
        {
            foreach (var (organisationId, sor) in await AllAsync(ct))
            {
                ct.ThrowIfCancellationRequested();
                tally.Read++;
                var lookup = await register.LookUpAsync(sor, ct);
                switch (await ApplyAsync(organisationId, sor, lookup, ct))
                {
                    case Outcome.Changed:
                        tally.Imported++;
                        break;
                    case Outcome.Refused:
                        tally.Rejected++;
                        break;
                }
                if (tally.Read % ProgressEvery == 0)
                {
                    var soFar = tally.ToCounts();
                    await UpdateStateAsync(s => s.Progressed(soFar), ct);
                }
            }
            return null;
        }, ct);
        logger.LogInformation("Organisation register: {Read} organisations asked about, {Updated} updated, {Rejected} refused",
            counts.Read, counts.Imported, counts.Rejected);
        return counts;
    }

    private async Task<List<(Guid Id, SorCode Sor)>> AllAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Sor, o.SorCheckedAt }).ToListAsync(ct);
        // Ordered here, not in SQL: SQLite stores the times as ticks, the others as timestamps; never asked comes first.
        return [.. all.OrderBy(o => o.SorCheckedAt?.UtcTicks ?? long.MinValue).ThenBy(o => o.Id).Select(o => (o.Id, o.Sor))];
    }

    private async Task<Outcome> ApplyAsync(Guid organisationId, SorCode sor, OrganisationLookup lookup, CancellationToken ct)
    {
        if (lookup.Refused is { } refused)
        {
            logger.LogWarning("Organisation register: the answer about SOR code {Sor} was refused: {Reason}", sor.Value, refused.Reason);
            await KeepRefusedAsync(refused.SourceId, refused.Reason, refused.Json, ct);
            return Outcome.Refused;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
            return Outcome.Unchanged;
        var now = clock.GetUtcNow();
        if (lookup is not { Found: { } found, Provenance: { } provenance })
        {
            logger.LogWarning("Organisation register: SOR has no organisation with SOR code {Sor} ({Name}); it is marked as not in the register",
                sor.Value, organisation.Name);
            organisation.NotFoundInSor(now);
            await SaveAsync(db, sor, ct);
            return Outcome.Refused;
        }
        bool changed;
        try
        {
            changed = organisation.UpdateFromSor(found.ToEntry(), now);
        }
        catch (DomainException ex)
        {
            logger.LogWarning("Organisation register: {SourceId} about SOR code {Sor} was refused: {Reason}", provenance.SourceId, sor.Value, ex.Message);
            await KeepRefusedAsync(provenance.SourceId, ex.Message, provenance.Json, ct);
            return Outcome.Refused;
        }
        await RecordProvenanceAsync(db, provenance, now, ct);
        await db.ParkedImports.Where(p => p.Service == Service && p.SourceId == provenance.SourceId).ExecuteDeleteAsync(ct);
        if (!await SaveAsync(db, sor, ct) || !changed)
            return Outcome.Unchanged;
        await TellOpenPathwaysAsync(organisationId, ct);
        return Outcome.Changed;
    }

    /// <summary>
    /// Signals a care-team change to every patient whose care team or GP the organisation is today: their pathways show
    /// its name, address and phone, and the kept shared reads of them are made old. Which patients those are is read
    /// through the guard, so each is in the patient's access log.
    /// </summary>
    private async Task TellOpenPathwaysAsync(Guid organisationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inCareTeamToday = CareTeamMembership.OfOrganisationOn(organisationId, CopenhagenTime.Today(clock));
        var patientIds = await db.Patients.AsNoTracking()
            .Where(p => p.GpOrganisationId == organisationId || p.CareTeam.AsQueryable().Any(inCareTeamToday))
            .Select(p => p.Id)
            .ToListAsync(ct);
        if (patientIds.Count == 0)
            return;
        var relationships = await guard.DemandForJobAsync(db, Actor, patientIds, AccessAction.Read, PatientSection.CareTeam, What, ct);
        await db.SaveChangesAsync(ct);
        foreach (var (patientId, relationship) in relationships)
        {
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.CareTeam, organisationId, Actor.UserId)
            {
                SeenBy = WhoMaySee.Change(relationship, PatientSection.CareTeam, Audience.Everyone),
            });
        }
    }

    private async Task<bool> SaveAsync(CareDbContext db, SorCode sor, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Renamed by an administrator meanwhile: the next run asks again.
            logger.LogInformation("Organisation register: {Sor} was changed meanwhile; it is asked again next run", sor.Value);
            return false;
        }
    }

    /// <summary>The version read is recorded once; a newer one moves the provenance forward.</summary>
    private async Task RecordProvenanceAsync(CareDbContext db, Provenance provenance, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        var imported = await db.ImportedItems.SingleOrDefaultAsync(i => i.Service == Service && i.SourceId == provenance.SourceId, ct);
        if (imported is null)
            db.ImportedItems.Add(new ImportedItem(Service, provenance.SourceId, provenance.Version, provenance.LastUpdated, fetchedAt, null));
        else if (imported.Version != provenance.Version)
            imported.Refetched(provenance.Version, provenance.LastUpdated, fetchedAt);
    }

    /// <summary>Kept once with its reason and payload (shown under "not imported"); the same refusal next run adds nothing.</summary>
    private async Task KeepRefusedAsync(string sourceId, string reason, string payload, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var earlier = await db.ParkedImports.SingleOrDefaultAsync(p => p.Service == Service && p.SourceId == sourceId, ct);
        if (earlier is { State: ParkedImportState.Rejected } && earlier.Reason == reason)
            return;
        if (earlier is not null)
            await db.ParkedImports.Where(p => p.Id == earlier.Id).ExecuteDeleteAsync(ct);
        db.ParkedImports.Add(ParkedImport.Rejected(Service, sourceId, reason, payload, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A concurrent run kept it first.
        }
    }

    private Task UpdateStateAsync(Action<SyncState> change, CancellationToken ct) => SyncStateWriter.UpdateAsync(dbFactory, Service, change, ct);

    private enum Outcome
    {
        Unchanged,
        Changed,
        Refused,
    }
}
