using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// Imports the Shared Medication Record as the system actor: each medication statement or prescription of a patient
/// here becomes one <see cref="MedicationEntry"/> (source National record), kept up to date when the record sends a
/// newer version and removed when the record withdraws it (entered in error). A medication of someone who is not a
/// patient here is read and left. Open medication sections hear of each import after its commit.
/// </summary>
public sealed class MedicationSyncJob(
    IDbContextFactory<CareDbContext> dbFactory,
    IMedicationRecord record,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    NationalServicesSettings settings,
    ILogger<MedicationSyncJob> logger) : NationalSyncJob<NationalMedication>(dbFactory, notifier, clock, logger), IPatientSync
{
    public const string JobId = "national-sync-medication";

    public override string RecurringJobId => JobId;
    private const string What = "Import medication";

    private static Actor Actor => SystemActor.NationalSync;

    public override NationalService Service => NationalService.Medication;

    protected override PatientSection ShownIn => PatientSection.Medication;

    protected override bool ImportsNewVersions => true;

    public override void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTimeIf<MedicationSyncJob>(settings.IsSetUp(Service), JobId, settings.ScheduleOf(Service),
            job => job.RunAsync(CancellationToken.None));

    protected override IAsyncEnumerable<NationalPage<NationalMedication>> ChangesSinceAsync(DateTimeOffset? since, CancellationToken ct) =>
        record.ChangedSinceAsync(since, ct);

    public Task<SyncCounts> RefreshPatientAsync(Guid patientId, Domain.Patients.Cpr cpr, CancellationToken ct) =>
        ImportOnePatientAsync(record.ForPatientAsync(cpr, ct), ct);

    protected override bool TryRead(Hl7.Fhir.Model.Resource resource, DateOnly today, out NationalMedication? item, out string reason) =>
        MedicationRecordReading.TryRead(resource, today, out item, out reason);

    // One item is a page of one: the same rules, access check and notices as a whole page.
    protected override async Task<bool> ImportAsync(NationalMedication medication, Provenance provenance, DateTimeOffset fetchedAt, CancellationToken ct) =>
        await ImportPageTogetherAsync([(medication, provenance)], null, fetchedAt, ct) == 1;

    protected override async Task<int?> ImportPageTogetherAsync(IReadOnlyList<(NationalMedication Item, Provenance Provenance)> items,
        IReadOnlySet<string>? importedBefore, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        await using var db = await Databases.CreateDbContextAsync(ct);
        var rows = new PageRows(db);
        var patients = await PatientLookup.ByCprAsync(db, items.Select(i => i.Item.Cpr), ct);
        // An entry exists for an item imported before. Should one exist for another (never made by this job), inserting
        // it again fails on its unique source id, and the page is imported item by item, which asks for every entry.
        var sourceIds = items.Select(i => i.Provenance.SourceId).Where(id => importedBefore is null || importedBefore.Contains(id)).ToList();
        var entries = sourceIds.Count == 0
            ? []
            : await db.MedicationEntries.Where(m => m.SourceId != null && sourceIds.Contains(m.SourceId))
                .ToDictionaryAsync(m => m.SourceId!, StringComparer.Ordinal, ct);
        var creating = items.Where(i => !entries.ContainsKey(i.Provenance.SourceId) && patients.ContainsKey(i.Item.Cpr)).Select(i => patients[i.Item.Cpr]).Distinct().ToList();
        var updating = items.Where(i => entries.ContainsKey(i.Provenance.SourceId) && patients.ContainsKey(i.Item.Cpr)).Select(i => patients[i.Item.Cpr]).Distinct().ToList();
        var mayCreate = await DemandAsync(creating, AccessAction.Create);
        var mayUpdate = await DemandAsync(updating, AccessAction.Update);

        var imported = new List<(Provenance Provenance, Guid PatientId)>();
        var changes = new List<(Guid PatientId, MedicationEntry? Entry)>();
        foreach (var (medication, provenance) in items)
        {
            if (!patients.TryGetValue(medication.Cpr, out var id))
                continue;
            var entry = entries.GetValueOrDefault(provenance.SourceId);
            if (!(entry is null ? mayCreate : mayUpdate).ContainsKey(id))
                continue;
            if (entry is not null && entry.PatientId != id)
                throw new InvalidOperationException($"{provenance.SourceId} now names another patient; it is kept for inspection, not moved.");
            var changed = true;
            if (medication.EnteredInError)
            {
                changed = entry is not null;
                if (entry is not null)
                    db.MedicationEntries.Remove(entry);
            }
            else if (entry is null)
            {
                entry = MedicationEntry.Imported(id, medication.Details, provenance.SourceId, provenance.Version, provenance.LastUpdated, fetchedAt);
                rows.Add(entry);
            }
            else
            {
                changed = entry.UpdateFromRecord(medication.Details, provenance.Version, provenance.LastUpdated, fetchedAt);
            }
            imported.Add((provenance, id));
            if (changed)
                changes.Add((id, entry));
        }
        await RecordImportedAsync(db, rows, imported, importedBefore, fetchedAt, ct);
        await rows.SaveAsync(ct);
        foreach (var (patientId, entry) in changes)
            Notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Medication, entry?.Id, Actor.UserId));
        return imported.Count;

        async Task<IReadOnlyDictionary<Guid, PatientRelationship>> DemandAsync(List<Guid> patientIds, AccessAction action) => patientIds.Count == 0
            ? new Dictionary<Guid, PatientRelationship>()
            : await guard.DemandForJobAsync(db, Actor, patientIds, action, PatientSection.Medication, What, ct);
    }
}
