using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// A page's new rows (on PostgreSQL one multi-row INSERT per table, elsewhere through the change tracker) come back
/// field for field as written, are saved together with the page's tracked changes or not at all, and a page holding a
/// row that is already there is imported item by item as before: the rest is imported and nothing is doubled or parked.
/// </summary>
public abstract class PageRowsTests(SandboxAppFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        factory.Faults.ClearAll();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_pages_new_entries_measurements_and_provenance_are_saved_field_for_field()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var run = Guid.NewGuid().ToString("N");
        var fetchedAt = new DateTimeOffset(2026, 11, 30, 10, 42, 7, 123, TimeSpan.Zero);
        var updatedAt = new DateTimeOffset(2026, 11, 29, 22, 5, 0, 456, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 300).Select(i => MedicationEntry.Imported(jensId,
                new MedicationDetails($"Spiriva Respimat {i}", i % 2 == 0 ? "2,5 mikrogram/dosis" : null, "inhalationsvæske, opløsning", "R03BB04",
                    "2 pust 1 gang dagligt", i % 3 == 0, "Inhalation", i % 2 == 0 ? "mod KOL" : null, new DateOnly(2026, 1, 5),
                    i % 2 == 0 ? new DateOnly(2026, 12, 24) : null, i % 2 == 0 ? MedicationStatus.Active : MedicationStatus.Paused, "Læge Test", "Hospitalet"),
                $"MedicationStatement/rows-{run}-{i}", i % 2 == 0 ? "3" : null, i % 2 == 0 ? updatedAt : null, fetchedAt))
            .ToList();
        var measurements = Enumerable.Range(0, 300).Select(i => new HomeMeasurement(jensId, MeasurementKind.BodyWeight, "http://loinc.org|29463-7",
                "Body weight", 82.125m + i, "kg", updatedAt.AddMinutes(i), $"Observation/rows-{run}-{i}", i % 2 == 0 ? "1" : null, fetchedAt))
            .ToList();
        var items = entries.Select(e => new ImportedItem(NationalService.Medication, e.SourceId!, e.SourceVersion, e.SourceUpdatedAt, fetchedAt, jensId))
            .Concat(measurements.Select(m => new ImportedItem(NationalService.Measurements, m.SourceId, m.SourceVersion, null, fetchedAt, null)))
            .ToList();

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var rows = new PageRows(db);
            entries.ForEach(rows.Add);
            measurements.ForEach(rows.Add);
            items.ForEach(rows.Add);
            await rows.SaveAsync(Ct);
        }

        await using var read = await factory.CreateDbContextAsync(Ct);
        var savedEntries = await read.MedicationEntries.AsNoTracking().Where(m => m.SourceId!.StartsWith($"MedicationStatement/rows-{run}-")).ToDictionaryAsync(m => m.Id, Ct);
        var savedMeasurements = await read.HomeMeasurements.AsNoTracking().Where(m => m.SourceId.StartsWith($"Observation/rows-{run}-")).ToDictionaryAsync(m => m.Id, Ct);
        var savedItems = await read.ImportedItems.AsNoTracking().Where(i => i.SourceId.Contains($"/rows-{run}-")).ToDictionaryAsync(i => i.Id, Ct);
        AssertSavedAsWritten(read, entries, savedEntries);
        AssertSavedAsWritten(read, measurements, savedMeasurements);
        AssertSavedAsWritten(read, items, savedItems);
    }

    [Fact]
    public async Task When_a_row_of_the_page_cannot_be_inserted_nothing_of_the_page_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var run = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var first = new HomeMeasurement(jensId, MeasurementKind.Pulse, "http://loinc.org|8867-4", "Pulse", 70m, "/min", now, $"Observation/none-{run}", "1", now);
        var same = new HomeMeasurement(jensId, MeasurementKind.Pulse, "http://loinc.org|8867-4", "Pulse", 71m, "/min", now, $"Observation/none-{run}", "1", now);

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var rows = new PageRows(db);
            rows.Add(new ImportedItem(NationalService.Measurements, $"Observation/none-{run}", "1", null, now, jensId));
            rows.Add(first);
            rows.Add(same);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => rows.SaveAsync(Ct));
        }

        await using var read = await factory.CreateDbContextAsync(Ct);
        Assert.False(await read.HomeMeasurements.AnyAsync(m => m.SourceId == $"Observation/none-{run}", Ct));
        Assert.False(await read.ImportedItems.AnyAsync(i => i.SourceId == $"Observation/none-{run}", Ct));
    }

    [Fact]
    public async Task A_page_with_a_measurement_already_there_is_imported_item_by_item_and_the_rest_of_it_is_imported()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await RunAsync();
        var there = Place(Observation(new Quantity(96m, "%", HomeMeasurementObservation.Ucum) { Code = "%" }, "59408-5"));
        var others = Enumerable.Range(0, 5).Select(i => Place(Observation(new Quantity(70m + i, "/min", HomeMeasurementObservation.Ucum) { Code = "/min" }, "8867-4"))).ToList();
        // Stored already (as by a concurrent run) but not yet recorded as imported: the page's insert of it fails.
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.HomeMeasurements.Add(new HomeMeasurement(jensId, MeasurementKind.OxygenSaturation, "http://loinc.org|59408-5", "Oxygen saturation", 96m, "%",
                DateTimeOffset.UtcNow, "Observation/" + there, "1", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(Ct);
        }

        var run = await RunAsync();

        Assert.Equal(0, run.Parked);
        Assert.Equal(others.Count, run.Imported);
        await using var after = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(1, await after.HomeMeasurements.CountAsync(m => m.SourceId == "Observation/" + there, Ct));
        foreach (var id in others)
        {
            Assert.Equal(1, await after.HomeMeasurements.CountAsync(m => m.SourceId == "Observation/" + id && m.PatientId == jensId, Ct));
            Assert.Equal(jensId, (await after.ImportedItems.AsNoTracking().SingleAsync(i => i.Service == NationalService.Measurements && i.SourceId == "Observation/" + id, Ct)).PatientId);
        }
        Assert.False(await after.ParkedImports.AnyAsync(p => p.SourceId == "Observation/" + there, Ct));
    }

    /// <summary>Every column the model maps, compared with what was written.</summary>
    private static void AssertSavedAsWritten<TEntity>(CareDbContext db, List<TEntity> written, Dictionary<Guid, TEntity> saved)
        where TEntity : class
    {
        Assert.Equal(written.Count, saved.Count);
        var properties = db.Model.FindEntityType(typeof(TEntity))!.GetProperties().ToList();
        foreach (var row in written)
        {
            var id = (Guid)properties.Single(p => p.Name == "Id").GetGetter().GetClrValueUsingContainingEntity(row)!;
            var back = saved[id];
            foreach (var property in properties)
            {
                var getter = property.GetGetter();
                Assert.True(Equals(getter.GetClrValueUsingContainingEntity(row), getter.GetClrValueUsingContainingEntity(back)),
                    $"{typeof(TEntity).Name}.{property.Name}: {getter.GetClrValueUsingContainingEntity(row)} written, {getter.GetClrValueUsingContainingEntity(back)} read");
            }
        }
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

    private static Observation Observation(DataType value, string loinc) => new()
    {
        Status = ObservationStatus.Final,
        Code = new CodeableConcept("http://loinc.org", loinc),
        Subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) },
        Effective = new FhirDateTime(DateTimeOffset.UtcNow.AddHours(-1)),
        Value = value,
    };
}

public sealed class PageRowsTests_Sqlite(RoomySandboxSqliteAppFactory factory)
    : PageRowsTests(factory), IClassFixture<RoomySandboxSqliteAppFactory>;

public sealed class PageRowsTests_PostgreSql(RoomySandboxPostgreSqlAppFactory factory)
    : PageRowsTests(factory), IClassFixture<RoomySandboxPostgreSqlAppFactory>;
