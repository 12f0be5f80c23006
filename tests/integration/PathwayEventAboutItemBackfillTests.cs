using CareWorkspace.Domain.Blocks;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The migration that gave timeline events the item they are about fills it in for events written before: an event about
/// an appointment is matched to it by patient, organisation and start, on each provider's own SQL.
/// </summary>
public abstract class PathwayEventAboutItemBackfillTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_appointment_event_written_before_the_migration_is_matched_to_its_appointment()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var appointment = await factory.CallAsync<AppointmentService, Guid>(s => s.BookAsync(gp, jensId, CalendarTestData.FollowUp(gp), Ct));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var booked = await db.PathwayEvents.AsNoTracking().Where(e => e.AboutItemId == appointment).Select(e => e.Id).SingleAsync(Ct);
        await db.PathwayEvents.Where(e => e.Id == booked)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.AboutItemKind, (BlockedItemKind?)null).SetProperty(e => e.AboutItemId, (Guid?)null), Ct);

        foreach (var sql in BackfillSql(db))
            await db.Database.ExecuteSqlRawAsync(sql, Ct);

        var filled = await db.PathwayEvents.AsNoTracking().Where(e => e.Id == booked).Select(e => new { e.AboutItemKind, e.AboutItemId }).SingleAsync(Ct);
        Assert.Equal(BlockedItemKind.Appointment, filled.AboutItemKind);
        Assert.Equal(appointment, filled.AboutItemId);
    }

    private static IEnumerable<string> BackfillSql(DbContext db)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        var id = Assert.Single(migrations.Migrations.Keys, k => k.EndsWith("_PathwayEventAboutItem", StringComparison.Ordinal));
        var migration = migrations.CreateMigration(migrations.Migrations[id], db.Database.ProviderName!);
        return [.. migration.UpOperations.OfType<SqlOperation>().Select(o => o.Sql)];
    }
}

public sealed class PathwayEventAboutItemBackfillTests_Sqlite(SqliteAppFactory factory) : PathwayEventAboutItemBackfillTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PathwayEventAboutItemBackfillTests_PostgreSql(PostgreSqlAppFactory factory) : PathwayEventAboutItemBackfillTests(factory), IClassFixture<PostgreSqlAppFactory>;
