using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// A page's new rows are saved with what the context tracks, all or none (on PostgreSQL they go by binary COPY): a row
/// the database refuses fails the page as SaveChanges would, and nothing of the page is kept.
/// </summary>
public abstract class PageRowsTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_whose_rows_the_database_refuses_saves_none_of_them_nor_its_tracked_changes()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var fetchedAt = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.FromHours(1));
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var rows = new PageRows(db);
            db.Add(new ImportedItem(NationalService.Measurements, $"rows-{run}-tracked", "1", fetchedAt, fetchedAt, null));
            rows.Add(new ImportedItem(NationalService.Measurements, $"rows-{run}-a", "1", fetchedAt, fetchedAt, null));
            rows.Add(new ImportedItem(NationalService.Measurements, $"rows-{run}-a", "2", fetchedAt, fetchedAt, null));

            await Assert.ThrowsAsync<DbUpdateException>(() => rows.SaveAsync(Ct));
        }

        await using var check = await factory.CreateDbContextAsync(Ct);
        Assert.Empty(await check.ImportedItems.AsNoTracking().Where(i => i.SourceId.StartsWith($"rows-{run}-")).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_page_of_new_rows_is_saved_field_for_field()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        Guid patientId;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            patientId = await db.Patients.Select(p => p.Id).FirstAsync(Ct);
        var updated = new DateTimeOffset(2026, 11, 30, 9, 15, 0, 250, TimeSpan.FromHours(1));
        var fetchedAt = new DateTimeOffset(2026, 11, 30, 9, 16, 0, TimeSpan.FromHours(1));
        var written = Enumerable.Range(0, 600).Select(i => i % 2 == 0
                ? new ImportedItem(NationalService.Measurements, $"rows-{run}-{i}", $"{i}", updated.AddSeconds(i), fetchedAt, patientId)
                : new ImportedItem(NationalService.Measurements, $"rows-{run}-{i}", null, null, fetchedAt, null))
            .ToList();
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var rows = new PageRows(db);
            foreach (var item in written)
                rows.Add(item);
            await rows.SaveAsync(Ct);
        }

        await using var check = await factory.CreateDbContextAsync(Ct);
        var saved = await check.ImportedItems.AsNoTracking().Where(i => i.SourceId.StartsWith($"rows-{run}-")).ToDictionaryAsync(i => i.SourceId, Ct);
        Assert.Equal(written.Count, saved.Count);
        foreach (var item in written)
        {
            var read = saved[item.SourceId];
            Assert.Equal((item.Service, item.Version, item.SourceUpdatedAt, item.FetchedAt, item.PatientId),
                (read.Service, read.Version, read.SourceUpdatedAt, read.FetchedAt, read.PatientId));
        }
    }
}

public sealed class PageRowsTests_Sqlite(SqliteAppFactory factory) : PageRowsTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PageRowsTests_PostgreSql(PostgreSqlAppFactory factory) : PageRowsTests(factory), IClassFixture<PostgreSqlAppFactory>;
