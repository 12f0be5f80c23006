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
/// A restart in the middle of a sync loses nothing: the medication sync is caught in its third page of four (waiting
/// for it, or saving it) and the process stops there, as Hangfire stops a job when the server shuts down; the pages
/// committed before stay whole, nothing of the page in flight is kept, and the run after the restart, over the same
/// database and the same national service, imports every medication exactly once with its provenance, rejects and
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
    [InlineData(Moment.WhileFetchingThePage)]
    [InlineData(Moment.WhileCommittingThePage)]
    public async System.Threading.Tasks.Task A_medication_sync_stopped_mid_run_keeps_whole_pages_and_after_the_restart_imports_every_medication_once(Moment moment)
    {
        // The national service runs elsewhere and outlives the app's restart.
        await using var national = new SandboxSqliteAppFactory();
        for (var i = 0; i < 10; i++)
            national.Sandbox.Place(NationalService.Medication, Statement($"restart-{i}").ToJson(), DemoDataSeeder.JensCpr);
        var statements = national.Sandbox.All(NationalService.Medication, "MedicationStatement");
        var record = statements.Concat(national.Sandbox.All(NationalService.Medication, "MedicationRequest")).ToList();
        Assert.True(statements.Count > (CommittedPages + 1) * AppProcess.PageSize, "The page in flight is not the last.");
        await using var database = new LastingDatabase(provider);

        const string search = "/Medication/MedicationStatement";
        var inFlight = statements.Skip(CommittedPages * AppProcess.PageSize).Take(AppProcess.PageSize).ToList();
        var stop = moment == Moment.WhileFetchingThePage
            ? SyncStopPoint.WhileFetching(search, CommittedPages + 1)
            : SyncStopPoint.WhileCommitting(search, CommittedPages + 1, SourceIdOf(inFlight[^1]));
        await using (var process = new AppProcess(provider, database, national, stop))
        {
            using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var run = RunAsync(process, shutdown.Token);
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
            Assert.Equal(committed, (await ImportedAsync(db)).Select(i => i.SourceId).Order());
            Assert.Equal(committed, (await EntriesAsync(db)).Select(e => e.SourceId!).Order());
            Assert.True(await WatermarkAsync(db) is not { } watermark || watermark <= committedPages.Max(r => r.LastUpdated), "The watermark passed what was committed.");
            Assert.False(await db.ParkedImports.AnyAsync(p => p.Service == NationalService.Medication, Ct));
        }

        var counts = await RunAsync(restarted, Ct);

        Assert.Equal((record.Count - committed.Count, 0, 0), (counts.Imported, counts.Rejected, counts.Parked));
        var jensId = await restarted.JensIdAsync(Ct);
        await using var after = await restarted.CreateDbContextAsync(Ct);
        var imported = await ImportedAsync(after);
        var entries = await EntriesAsync(after);
        Assert.Equal(record.Select(SourceIdOf).Order(), imported.Select(i => i.SourceId).Order());
        Assert.Equal(record.Select(SourceIdOf).Order(), entries.Select(e => e.SourceId!).Order());
        foreach (var resource in record)
        {
            var provenance = imported.Single(i => i.SourceId == SourceIdOf(resource));
            Assert.Equal((Version(resource), resource.LastUpdated, jensId), (provenance.Version, provenance.SourceUpdatedAt, provenance.PatientId));
            Assert.NotEqual(default, provenance.FetchedAt);
            var entry = entries.Single(e => e.SourceId == SourceIdOf(resource));
            Assert.Equal((MedicationSource.NationalRecord, Version(resource), jensId), (entry.Source, entry.SourceVersion, entry.PatientId));
            Assert.NotNull(entry.FetchedAt);
        }
        Assert.Equal(record.Max(r => r.LastUpdated), await WatermarkAsync(after));
        Assert.False(await after.ParkedImports.AnyAsync(p => p.Service == NationalService.Medication, Ct));
    }

    private static async Task<SyncCounts> RunAsync(AppProcess process, CancellationToken ct)
    {
        using var scope = process.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MedicationSyncJob>().RunAsync(ct);
    }

    private static Task<List<ImportedItem>> ImportedAsync(CareDbContext db) =>
        db.ImportedItems.AsNoTracking().Where(i => i.Service == NationalService.Medication).ToListAsync(Ct);

    private static Task<List<MedicationEntry>> EntriesAsync(CareDbContext db) =>
        db.MedicationEntries.AsNoTracking().Where(m => m.SourceId != null).ToListAsync(Ct);

    private static Task<DateTimeOffset?> WatermarkAsync(CareDbContext db) =>
        db.SyncStates.AsNoTracking().Where(s => s.Service == NationalService.Medication).Select(s => s.Watermark).SingleOrDefaultAsync(Ct);

    private static string SourceIdOf(SandboxResource resource) => $"{resource.Type}/{resource.Id}";

    private static string Version(SandboxResource resource) => resource.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static MedicationStatement Statement(string id) =>
        SandboxMedications.Statement(id, new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) },
            SandboxMedications.Drug("C10AA05", "Atorvastatin", "tabletter", 20m, "mg", null), "1 tablet om aftenen", asNeeded: false,
            "Oral anvendelse", "forebyggelse", new DateOnly(2026, 1, 5), null, MedicationStatement.MedicationStatusCodes.Active,
            new ResourceReference { Display = "Test" });
}

public sealed class RestartMidSyncTests_Sqlite() : RestartMidSyncTests(DatabaseProvider.Sqlite);

public sealed class RestartMidSyncTests_PostgreSql() : RestartMidSyncTests(DatabaseProvider.PostgreSql);
