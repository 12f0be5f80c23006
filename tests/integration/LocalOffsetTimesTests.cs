using CareWorkspace.Domain.NationalSync;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Times arrive with the sender's offset (a national service's <c>meta.lastUpdated</c> in Danish summer time, +02:00).
/// PostgreSQL's timestamptz takes only UTC: every provider must store such a time as the same instant, and find it again.
/// </summary>
public abstract class LocalOffsetTimesTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_time_with_a_local_offset_is_stored_and_found_as_the_same_instant()
    {
        var updated = new DateTimeOffset(2026, 7, 14, 9, 24, 8, TimeSpan.FromHours(2));
        var fetched = new DateTimeOffset(2026, 7, 14, 11, 0, 0, TimeSpan.FromHours(2));
        var sourceId = "Observation/offset-" + Guid.NewGuid().ToString("N");
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.ImportedItems.Add(new ImportedItem(NationalService.Measurements, sourceId, "1", updated, fetched, null));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = await factory.CreateDbContextAsync(Ct);
        var sameInstant = updated.ToOffset(TimeSpan.FromHours(-5));
        var item = await read.ImportedItems.AsNoTracking()
            .SingleAsync(i => i.SourceId == sourceId && i.SourceUpdatedAt == sameInstant && i.FetchedAt > updated, Ct);
        Assert.Equal(updated.UtcDateTime, item.SourceUpdatedAt!.Value.UtcDateTime);
        Assert.Equal(fetched.UtcDateTime, item.FetchedAt.UtcDateTime);
    }
}

public sealed class LocalOffsetTimesTests_Sqlite(SqliteAppFactory factory)
    : LocalOffsetTimesTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class LocalOffsetTimesTests_PostgreSql(PostgreSqlAppFactory factory)
    : LocalOffsetTimesTests(factory), IClassFixture<PostgreSqlAppFactory>;
