using CareWorkspace.Domain.Audit;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>The access log is append-only: nothing changes or deletes a record once written.</summary>
public abstract class AccessRecordAppendOnlyTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Modifying_an_access_record_throws()
    {
        var (id, reason) = await WriteRecordAsync();

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var record = await db.AccessRecords.SingleAsync(r => r.Id == id, Ct);
            db.Entry(record).Property(r => r.Reason).CurrentValue = "Tampered";
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            Assert.Contains("append-only", ex.Message);
        }

        Assert.Equal(reason, await ReasonOfAsync(id));
    }

    [Fact]
    public async Task Deleting_an_access_record_throws()
    {
        var (id, reason) = await WriteRecordAsync();

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var record = await db.AccessRecords.SingleAsync(r => r.Id == id, Ct);
            db.AccessRecords.Remove(record);
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            Assert.Contains("append-only", ex.Message);
        }

        Assert.Equal(reason, await ReasonOfAsync(id));
    }

    [Fact]
    public async Task Deleting_an_attached_stub_access_record_throws()
    {
        var (id, reason) = await WriteRecordAsync();

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var stub = await db.AccessRecords.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
            db.Remove(stub);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        Assert.Equal(reason, await ReasonOfAsync(id));
    }

    [Fact]
    public async Task A_bulk_update_of_access_records_is_refused()
    {
        var (id, reason) = await WriteRecordAsync();

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            await Assert.ThrowsAnyAsync<Exception>(() =>
                db.AccessRecords.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Reason, "Tampered"), Ct));
        }

        Assert.Equal(reason, await ReasonOfAsync(id));
    }

    [Fact]
    public async Task A_bulk_delete_of_access_records_is_refused()
    {
        var (id, reason) = await WriteRecordAsync();

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.AccessRecords.Where(r => r.Id == id).ExecuteDeleteAsync(Ct));
        }

        Assert.Equal(reason, await ReasonOfAsync(id));
    }

    /// <summary>Has the GP search for Jens, which writes one access record, and returns it.</summary>
    private async Task<(long Id, string Reason)> WriteRecordAsync()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PatientDirectoryService>().SearchAsync(gp, "120352-1235", 0, 10, Ct);
            Assert.Single(result.Items);
        }
        await using var db = await factory.CreateDbContextAsync(Ct);
        AccessRecord record = await db.AccessRecords.AsNoTracking()
            .Where(r => r.UserId == gp.UserId)
            .OrderByDescending(r => r.Id)
            .FirstAsync(Ct);
        return (record.Id, record.Reason);
    }

    private async Task<string?> ReasonOfAsync(long id)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking().Where(r => r.Id == id).Select(r => r.Reason).SingleOrDefaultAsync(Ct);
    }
}

public sealed class AccessRecordAppendOnlyTests_Sqlite(SqliteAppFactory factory) : AccessRecordAppendOnlyTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessRecordAppendOnlyTests_PostgreSql(PostgreSqlAppFactory factory) : AccessRecordAppendOnlyTests(factory), IClassFixture<PostgreSqlAppFactory>;
