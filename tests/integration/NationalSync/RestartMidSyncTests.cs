using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// A restart in the middle of a sync loses nothing: the medication or home-measurement sync is caught in its third
/// page (waiting for it, or saving it) and the process stops there, as Hangfire stops a job when the server shuts down;
/// the pages committed before stay whole, nothing of the page in flight is kept, and the run after the restart, over
/// the same database and the same national service, imports every item exactly once with its provenance, rejects and
/// parks nothing, and moves the watermark to the newest change.
/// </summary>
public abstract class RestartMidSyncTests(DatabaseProvider provider)
{
    public enum Moment
    {
        WhileFetchingThePage,
        WhileCommittingThePage,
    }


    private const int CommittedPages = 2;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(NationalService.Medication, Moment.WhileFetchingThePage)]
    [InlineData(NationalService.Medication, Moment.WhileCommittingThePage)]
    [InlineData(NationalService.Measurements, Moment.WhileFetchingThePage)]
    [InlineData(NationalService.Measurements, Moment.WhileCommittingThePage)]
    public async System.Threading.Tasks.Task A_sync_stopped_mid_run_keeps_whole_pages_and_after_the_restart_imports_every_item_once(NationalService service, Moment moment)
    {
        var sync = Synced.Of(service);
        // The national service runs elsewhere and outlives the app's restart.
        await using var national = new SandboxSqliteAppFactory();
        if (service == NationalService.Medication)
        {
            for (var i = 0; i < 10; i++)
                national.Sandbox.Place(NationalService.Medication, Statement($"restart-{i}").ToJson(), DemoDataSeeder.JensCpr);
        }
        var statements = national.Sandbox.All(service, sync.Types[0]);
        var record = sync.Types.SelectMany(type => national.Sandbox.All(service, type)).ToList();
        Assert.True(statements.Count > (CommittedPages + 1) * AppProcess.PageSize, "The page in flight is not the last.");
        await using var database = new LastingDatabase(provider);

        var search = $"/{service}/{sync.Types[0]}";
        var inFlight = statements.Skip(CommittedPages * AppProcess.PageSize).Take(AppProcess.PageSize).ToList();
        var stop = moment == Moment.WhileFetchingThePage
            ? SyncStopPoint.WhileFetching(search, CommittedPages + 1)
            : SyncStopPoint.WhileCommitting(search, CommittedPages + 1, SourceIdOf(inFlight[^1]));
        await using (var process = new AppProcess(provider, database, national, stop))
        {
            using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var run = sync.Run(process, shutdown.Token);
            await stop.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await shutdown.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        await using var restarted = new AppProcess(provider, database, national);
        // What the stop left: the pages committed before it, whole; nothing of the page in flight; no watermark past them.
        var committedPages = statements.Take(CommittedPages * AppProcess.PageSize).ToList();
        var committed = committedPages.Select(SourceIdOf).Order().ToList();
        await using (var db = await restarted.CreateDbContextAsync(Ct))
        {
            Assert.Equal(committed, (await ImportedAsync(db, service)).Select(i => i.SourceId).Order());
            Assert.Equal(committed, (await sync.Stored(db)).Select(e => e.SourceId).Order());
            Assert.True(await WatermarkAsync(db, service) is not { } watermark || watermark <= committedPages.Max(r => r.LastUpdated), "The watermark passed what was committed.");
            Assert.False(await db.ParkedImports.AnyAsync(p => p.Service == service, Ct));
        }

        var counts = await sync.Run(restarted, Ct);

        Assert.Equal((record.Count - committed.Count, 0, 0), (counts.Imported, counts.Rejected, counts.Parked));
        var jensId = await restarted.JensIdAsync(Ct);
        await using var after = await restarted.CreateDbContextAsync(Ct);
        var imported = await ImportedAsync(after, service);
        var entries = await sync.Stored(after);
        Assert.Equal(record.Select(SourceIdOf).Order(), imported.Select(i => i.SourceId).Order());
        Assert.Equal(record.Select(SourceIdOf).Order(), entries.Select(e => e.SourceId).Order());
        foreach (var resource in record)
        {
            var provenance = imported.Single(i => i.SourceId == SourceIdOf(resource));
            Assert.Equal((Version(resource), resource.LastUpdated, jensId), (provenance.Version, provenance.SourceUpdatedAt, provenance.PatientId));
            Assert.NotEqual(default, provenance.FetchedAt);
            var entry = entries.Single(e => e.SourceId == SourceIdOf(resource));
            Assert.Equal((Version(resource), jensId), (entry.Version, entry.PatientId));
            Assert.NotEqual(default, entry.FetchedAt);
        }
        Assert.Equal(record.Max(r => r.LastUpdated), await WatermarkAsync(after, service));
        Assert.False(await after.ParkedImports.AnyAsync(p => p.Service == service, Ct));
    }

    private static Task<List<ImportedItem>> ImportedAsync(CareDbContext db, NationalService service) =>
        db.ImportedItems.AsNoTracking().Where(i => i.Service == service).ToListAsync(Ct);

    private static Task<DateTimeOffset?> WatermarkAsync(CareDbContext db, NationalService service) =>
        db.SyncStates.AsNoTracking().Where(s => s.Service == service).Select(s => s.Watermark).SingleOrDefaultAsync(Ct);

    private static string SourceIdOf(SandboxResource resource) => $"{resource.Type}/{resource.Id}";

    private static string Version(SandboxResource resource) => resource.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static MedicationStatement Statement(string id) =>
        SandboxMedications.Statement(id, new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) },
            SandboxMedications.Drug("C10AA05", "Atorvastatin", "tabletter", 20m, "mg", null), "1 tablet om aftenen", asNeeded: false,
            "Oral anvendelse", "forebyggelse", new DateOnly(2026, 1, 5), null, MedicationStatement.MedicationStatusCodes.Active,
            new ResourceReference { Display = "Test" });

    /// <summary>What a job made of an item it imported (a medication entry, a home measurement).</summary>
    private sealed record Stored(string SourceId, string? Version, Guid PatientId, DateTimeOffset? FetchedAt);

    /// <summary>A sync job under test: the resource types it searches (in order), its run and what it stores.</summary>
    private sealed record Synced(string[] Types, Func<AppProcess, CancellationToken, Task<SyncCounts>> Run, Func<CareDbContext, Task<List<Stored>>> Stored)
    {
        public static Synced Of(NationalService service) => service switch
        {
            NationalService.Medication => new(["MedicationStatement", "MedicationRequest"], RunAsync<MedicationSyncJob>,
                db => db.MedicationEntries.AsNoTracking().Where(m => m.SourceId != null && m.Source == MedicationSource.NationalRecord)
                    .Select(m => new Stored(m.SourceId!, m.SourceVersion, m.PatientId, m.FetchedAt)).ToListAsync(Ct)),
            NationalService.Measurements => new(["Observation"], RunAsync<MeasurementSyncJob>,
                db => db.HomeMeasurements.AsNoTracking().Select(m => new Stored(m.SourceId, m.SourceVersion, m.PatientId, m.FetchedAt)).ToListAsync(Ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
        };

        private static async Task<SyncCounts> RunAsync<TJob>(AppProcess process, CancellationToken ct)
            where TJob : INationalSync
        {
            using var scope = process.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(ct);
        }
    }
}

public sealed class RestartMidSyncTests_Sqlite() : RestartMidSyncTests(DatabaseProvider.Sqlite);

public sealed class RestartMidSyncTests_PostgreSql() : RestartMidSyncTests(DatabaseProvider.PostgreSql);
