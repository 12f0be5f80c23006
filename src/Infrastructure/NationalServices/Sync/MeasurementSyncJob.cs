using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Measurements;
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
/// Imports home measurements as the system actor: each Observation with a UCUM quantity becomes a
/// <see cref="HomeMeasurement"/> of the patient with that CPR, with its provenance. A measurement of someone who is
/// not a patient here is read and left. Open pathways hear of each import after its commit.
/// </summary>
public sealed class MeasurementSyncJob(
    IDbContextFactory<CareDbContext> dbFactory,
    IHomeMeasurements measurements,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    NationalServicesSettings settings,
    ILogger<MeasurementSyncJob> logger) : NationalSyncJob<HomeMeasurementReading>(dbFactory, notifier, clock, logger), IPatientSync
{
    public const string JobId = "national-sync-measurements";

    public override string RecurringJobId => JobId;
    private const string What = "Import home measurement";

    private static Actor Actor => SystemActor.NationalSync;

    public override NationalService Service => NationalService.Measurements;

    protected override PatientSection ShownIn => PatientSection.Measurements;

    public override void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTimeIf<MeasurementSyncJob>(settings.IsSetUp(Service), JobId, settings.ScheduleOf(Service),
            job => job.RunAsync(CancellationToken.None));

    protected override IAsyncEnumerable<NationalPage<HomeMeasurementReading>> ChangesSinceAsync(DateTimeOffset? since, CancellationToken ct) =>
        measurements.ChangedSinceAsync(since, ct);

    public Task<SyncCounts> RefreshPatientAsync(Guid patientId, Domain.Patients.Cpr cpr, CancellationToken ct) =>
        ImportOnePatientAsync(measurements.ForPatientAsync(cpr, ct), ct);

    protected override bool TryRead(Hl7.Fhir.Model.Resource resource, DateOnly today, out HomeMeasurementReading? item, out string reason) =>
        HomeMeasurementObservation.TryRead(resource, today, out item, out reason);

    // One item is a page of one: the same rules, access check and notices as a whole page.
    protected override async Task<bool> ImportAsync(HomeMeasurementReading reading, Provenance provenance, DateTimeOffset fetchedAt, CancellationToken ct) =>
        await ImportPageTogetherAsync([(reading, provenance)], null, fetchedAt, ct) == 1;

    protected override async Task<int?> ImportPageTogetherAsync(IReadOnlyList<(HomeMeasurementReading Item, Provenance Provenance)> items,
        IReadOnlySet<string>? importedBefore, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        await using var db = await Databases.CreateDbContextAsync(ct);
        var rows = new PageRows(db);
        var patients = await PatientLookup.ByCprAsync(db, items.Select(i => i.Item.Cpr), ct);
        var relationships = await guard.DemandForJobAsync(db, Actor, [.. patients.Values.Distinct()], AccessAction.Create, PatientSection.Measurements, What, ct);
        var imported = new List<(HomeMeasurement Measurement, PatientRelationship Relationship, Provenance Provenance)>();
        foreach (var (reading, provenance) in items)
        {
            if (!patients.TryGetValue(reading.Cpr, out var id) || !relationships.TryGetValue(id, out var relationship))
                continue;
            var measurement = new HomeMeasurement(id, reading.Kind, reading.Code, reading.Name, reading.Value, reading.Unit, reading.MeasuredAt,
                provenance.SourceId, provenance.Version, fetchedAt);
            rows.Add(measurement);
            imported.Add((measurement, relationship, provenance));
        }
        await RecordImportedAsync(db, rows, [.. imported.Select(i => (i.Provenance, i.Measurement.PatientId))], importedBefore, fetchedAt, ct);
        await rows.SaveAsync(ct);
        foreach (var (measurement, relationship, _) in imported)
        {
            Notifier.PathwayChanged(new PathwayChange(measurement.PatientId, PatientSection.Measurements, measurement.Id, Actor.UserId)
            {
                SeenBy = WhoMaySee.Change(relationship, PatientSection.Measurements, Audience.Everyone),
            });
        }
        return imported.Count;
    }
}
