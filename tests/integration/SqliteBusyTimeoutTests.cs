using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// On SQLite every connection the app opens waits for the one writer inside SQLite (a busy timeout), and a read's
/// access record written while another writer (a background job) holds the database is saved once it lets go.
/// </summary>
public sealed class SqliteBusyTimeoutTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_apps_connections_wait_for_the_writer_inside_SQLite()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        Assert.Equal((long)SqliteBusyTimeout.Milliseconds, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task An_access_record_written_while_another_writer_holds_the_database_is_saved_when_it_lets_go()
    {
        var settings = factory.Services.GetRequiredService<DatabaseSettings>();
        var userId = $"busy-{Guid.NewGuid():N}";
        var reader = new Actor(userId, "Anne Holm", UserRole.MunicipalNurse, Guid.NewGuid(), "Home care");
        await using var job = new SqliteConnection(settings.ConnectionString);
        await job.OpenAsync(Ct);
        // Not deferred: BEGIN IMMEDIATE, the write lock taken at once, as a job's save holds it.
        await using var holding = job.BeginTransaction(deferred: false);

        var writing = Task.Run(() => factory.Services.GetRequiredService<AccessRecordWriter>().WriteAsync(
            [new AccessRecord(DateTimeOffset.UtcNow, reader, Guid.NewGuid(), PatientSection.CareTeam, "Care team", AccessAction.Read, true, "Member of the care team.")], Ct), Ct);
        await Task.Delay(300, Ct);
        Assert.False(writing.IsCompleted, "The record was saved (or failed) while another writer held the database.");

        await holding.CommitAsync(Ct);
        await writing.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AccessRecords.CountAsync(r => r.UserId == userId, Ct));
    }
}
