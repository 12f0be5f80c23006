using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Measurements;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// The home-measurement sync on the real database, over HTTP against the sandbox: Jens' six weeks of measurements are
/// imported once with their provenance however often the job runs, an Observation without a UCUM quantity is rejected
/// with its reason while the rest is imported, and when the service is down the section says since when it is not
/// updated and still shows what it has.
/// </summary>
public abstract class MeasurementSyncTests(SandboxAppFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        factory.Faults.ClearAll();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Jens_measurements_are_imported_once_with_their_provenance_however_often_the_job_runs()
    {
        var seeded = factory.Sandbox.All(NationalService.Measurements, "Observation").Where(r => r.Id.StartsWith("jens-", StringComparison.Ordinal)).ToList();

        await RunAsync();
        var second = await RunAsync();

        Assert.Equal((0, 0), (second.Imported, second.Parked));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var imported = await db.HomeMeasurements.AsNoTracking().Where(m => m.PatientId == jensId && m.SourceId.StartsWith("Observation/jens-")).ToListAsync(Ct);
        Assert.Equal(seeded.Count, imported.Count);
        Assert.True(seeded.Count >= 60, $"six weeks of measurements, not {seeded.Count}");
        Assert.Equal([MeasurementKind.OxygenSaturation, MeasurementKind.Pulse, MeasurementKind.BodyWeight, MeasurementKind.Fev1],
            imported.Select(m => m.Kind).Distinct().Order());
        var spo2 = imported.Single(m => m.SourceId == "Observation/jens-spo2-1");
        Assert.Equal(("%", "http://loinc.org|59408-5", "1"), (spo2.Unit, spo2.Code, spo2.SourceVersion));
        Assert.InRange(spo2.Value, 85m, 100m);
        var provenance = await db.ImportedItems.AsNoTracking().SingleAsync(i => i.Service == NationalService.Measurements && i.SourceId == "Observation/jens-spo2-1", Ct);
        Assert.Equal((jensId, spo2.FetchedAt), (provenance.PatientId, provenance.FetchedAt));
        Assert.NotNull(provenance.SourceUpdatedAt);
    }

    [Fact]
    public async Task A_new_measurement_reaches_the_open_section_and_the_section_shows_it_with_the_sync_time()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var id = Place(Observation(DemoDataSeeder.JensCpr, new Quantity(97.5m, "kg", HomeMeasurementObservation.Ucum) { Code = "kg" }, "29463-7"));
        using var probe = new ChangeProbe<bool>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.Measurements,
            _ => Task.FromResult(true), c => c.ByUserId);

        await RunAsync();

        await probe.ArrivalAsync(SystemActor.NationalSync.UserId, Ct);
        var view = await ViewAsync("gp.larsen", jensId);
        var weights = view.Series.Single(s => s.Kind == MeasurementKind.BodyWeight);
        Assert.Contains(weights.Points, p => p.SourceId == "Observation/" + id && p.Value == 97.5m);
        Assert.NotNull(view.Sync.LastSuccessAt);
        Assert.False(view.Sync.NotUpdated);
    }

    [Fact]
    public async Task An_observation_without_a_UCUM_quantity_is_rejected_with_its_reason_and_the_rest_is_imported()
    {
        var bad = Place(Observation(DemoDataSeeder.JensCpr, new FhirString("Normal"), "59408-5"));
        var good = Place(Observation(DemoDataSeeder.JensCpr, new Quantity(95m, "%", HomeMeasurementObservation.Ucum) { Code = "%" }, "59408-5"));

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Rejected >= 1);
        Assert.Equal(0, second.Rejected);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var rejected = await db.ParkedImports.AsNoTracking().SingleAsync(p => p.Service == NationalService.Measurements && p.SourceId == "Observation/" + bad, Ct);
        Assert.Equal(ParkedImportState.Rejected, rejected.State);
        Assert.StartsWith("The observation has no UCUM quantity", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("Normal", rejected.Payload, StringComparison.Ordinal);
        Assert.False(await db.HomeMeasurements.AnyAsync(m => m.SourceId == "Observation/" + bad, Ct));
        Assert.True(await db.HomeMeasurements.AnyAsync(m => m.SourceId == "Observation/" + good, Ct));
    }

    [Fact]
    public async Task A_measurement_stamped_in_Danish_summer_time_is_imported_at_the_same_instant()
    {
        // The national guides' examples carry local offsets (MedCom's home-care observations: +02:00); PostgreSQL's
        // timestamptz takes only UTC, so the import must not depend on the sender's offset.
        var taken = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1).UtcDateTime.Date.AddHours(7).AddMinutes(24), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(2));
        var observation = Observation(DemoDataSeeder.JensCpr, new Quantity(93m, "%", HomeMeasurementObservation.Ucum) { Code = "%" }, "59408-5");
        observation.Effective = new FhirDateTime(taken);
        var id = Place(observation);

        var counts = await RunAsync();

        await using var db = await factory.CreateDbContextAsync(Ct);
        var imported = await db.HomeMeasurements.AsNoTracking().SingleAsync(m => m.SourceId == "Observation/" + id, Ct);
        Assert.Equal(0, counts.Parked);
        Assert.Equal(taken.UtcDateTime, imported.MeasuredAt.UtcDateTime);
        Assert.Equal(93m, imported.Value);
    }

    [Fact]
    public async Task When_the_service_is_down_the_section_says_it_is_not_updated_and_keeps_what_it_has_and_the_next_run_catches_up()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await RunAsync();
        var missed = Place(Observation(DemoDataSeeder.JensCpr, new Quantity(82m, "/min", HomeMeasurementObservation.Ucum) { Code = "/min" }, "8867-4"));
        factory.Faults.Set(NationalService.Measurements, SandboxFault.Down);

        var failure = await Assert.ThrowsAsync<NationalServiceException>(RunAsync);
        var down = await ViewAsync("gp.larsen", jensId);
        factory.Faults.ClearAll();
        await RunAsync();
        var up = await ViewAsync("gp.larsen", jensId);

        Assert.Equal(NationalServiceFailure.Unreachable, failure.Failure);
        Assert.True(down.Sync.NotUpdated);
        Assert.NotNull(down.Sync.LastSuccessAt);
        Assert.NotEmpty(down.Series);
        Assert.DoesNotContain(down.Series.SelectMany(s => s.Points), p => p.SourceId == "Observation/" + missed);
        Assert.False(up.Sync.NotUpdated);
        Assert.Contains(up.Series.SelectMany(s => s.Points), p => p.SourceId == "Observation/" + missed);
    }

    [Fact]
    public async Task Sync_now_on_the_status_page_runs_the_measurement_job()
    {
        using var scope = factory.Services.CreateScope();
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);

        var counts = await scope.ServiceProvider.GetRequiredService<Web.Features.NationalSync.SyncStatusService>()
            .SyncNowAsync(coordinator, NationalService.Measurements, Ct);
        var rows = await scope.ServiceProvider.GetRequiredService<Web.Features.NationalSync.SyncStatusService>().StatusAsync(coordinator, Ct);

        var row = rows.Single(r => r.Service == NationalService.Measurements);
        Assert.True(row.HasJob);
        Assert.NotNull(row.LastSuccessAt);
        Assert.Equal((counts.Read, counts.Imported, counts.Rejected), (row.Read, row.Imported, row.Rejected));
    }

    private async Task<MeasurementsView> ViewAsync(string userName, Guid patientId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MeasurementService>().GetAsync(await factory.ActorAsync(userName, Ct), patientId, Ct);
    }

    private async Task<SyncCounts> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MeasurementSyncJob>().RunAsync(Ct);
    }

    private string Place(Observation observation)
    {
        observation.Id = "test-" + Guid.NewGuid().ToString("N");
        factory.Sandbox.Place(NationalService.Measurements, observation.ToJson(), DemoDataSeeder.JensCpr);
        return observation.Id;
    }

    private static Observation Observation(string cpr, DataType value, string loinc) => new()
    {
        Status = ObservationStatus.Final,
        Code = new CodeableConcept("http://loinc.org", loinc),
        Subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, cpr) },
        Effective = new FhirDateTime(DateTimeOffset.UtcNow.AddHours(-1)),
        Value = value,
    };
}

public sealed class MeasurementSyncTests_Sqlite(SandboxSqliteAppFactory factory)
    : MeasurementSyncTests(factory), IClassFixture<SandboxSqliteAppFactory>;

public sealed class MeasurementSyncTests_PostgreSql(SandboxPostgreSqlAppFactory factory)
    : MeasurementSyncTests(factory), IClassFixture<SandboxPostgreSqlAppFactory>;
