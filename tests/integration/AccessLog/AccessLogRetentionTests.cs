using System.Security.Cryptography;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.AccessLog.Retention;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.IntegrationTests.AccessLog;

/// <summary>
/// Issue 14 point 4: access records older than the retention period are archived to a file, then deleted, and the run
/// is logged; nothing else deletes them.
/// </summary>
public abstract class AccessLogRetentionTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AccessLogRetentionSettings Settings => factory.Services.GetRequiredService<AccessLogRetentionSettings>();

    private DateTimeOffset CutOff =>
        AccessLogRetention.CutOff(CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>()), Settings.RetentionYears);

    [Fact]
    public async Task Old_records_are_archived_then_deleted_recent_ones_kept_and_the_run_is_logged()
    {
        var (old, kept) = await AddOldAndRecentAsync();
        var oldBefore = await OldRecordsAsync();

        var run = await Job().RunAsync(Ct);

        var archive = Assert.IsType<AccessLogArchive>(run.Archive);
        Assert.Equal(oldBefore.Count, archive.Count);
        Assert.Equal(oldBefore.Count, run.Deleted);
        Assert.Empty(await OldRecordsAsync());
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            Assert.Empty(await db.AccessRecords.Where(r => old.Contains(r.Id)).ToListAsync(Ct));
            Assert.Equal(kept.Count, await db.AccessRecords.CountAsync(r => kept.Contains(r.Id), Ct));
        }

        // The archive holds exactly the rows deleted, every field, and its checksum file matches it.
        var archived = new List<System.Text.Json.JsonElement>();
        await foreach (var line in AccessLogArchiveFile.ReadAsync(archive.Path))
            archived.Add(line);
        Assert.Equal(oldBefore.Select(r => r.Id).Order(), archived.Select(a => a.GetProperty("id").GetInt64()).Order());
        foreach (var record in oldBefore)
        {
            var line = archived.Single(a => a.GetProperty("id").GetInt64() == record.Id);
            Assert.Equal(record.At, DateTimeOffset.Parse(line.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(record.UserId, line.GetProperty("userId").GetString());
            Assert.Equal(record.PatientId?.ToString(), line.GetProperty("patientId").GetString());
            Assert.Equal(record.What, line.GetProperty("what").GetString());
            Assert.Equal(record.Reason, line.GetProperty("reason").GetString());
            Assert.Equal(record.Action.ToString(), line.GetProperty("action").GetString());
            Assert.Equal(record.Allowed, line.GetProperty("allowed").GetBoolean());
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(archive.Path, Ct)));
        Assert.Equal(sha256, archive.Sha256);
        Assert.Equal($"{sha256}  {Path.GetFileName(archive.Path)}\n", await File.ReadAllTextAsync(archive.Path + AccessLogArchiveFile.ChecksumExtension, Ct));

        // The deletion itself is an access record of the system actor: how many, before which day, to which file.
        var logged = await RunRecordsAsync();
        var entry = Assert.Single(logged, r => r.What.Contains(Path.GetFileName(archive.Path), StringComparison.Ordinal));
        Assert.Equal(AccessAction.Delete, entry.Action);
        Assert.Equal(PatientSection.AccessLog, entry.Section);
        Assert.Equal(UserRole.System, entry.Role);
        Assert.True(entry.Allowed);
        Assert.Contains($"{archive.Count} access records made before {run.FirstDayKept:yyyy-MM-dd}", entry.What, StringComparison.Ordinal);
        Assert.Contains(archive.Sha256, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_with_nothing_old_left_writes_no_file_deletes_nothing_and_logs_nothing()
    {
        await AddOldAndRecentAsync();
        await Job().RunAsync(Ct);
        var files = Directory.GetFiles(Settings.ArchiveDirectory);
        var logged = (await RunRecordsAsync()).Count;
        var total = await CountAsync();

        var again = await Job().RunAsync(Ct);

        Assert.Null(again.Archive);
        Assert.Equal(0, again.Deleted);
        Assert.Equal(files.Order(), Directory.GetFiles(Settings.ArchiveDirectory).Order());
        Assert.Equal(logged, (await RunRecordsAsync()).Count);
        Assert.Equal(total, await CountAsync());
    }

    [Fact]
    public async Task When_the_archive_cannot_be_written_nothing_is_deleted_and_no_run_is_logged()
    {
        var (old, _) = await AddOldAndRecentAsync();
        // A directory whose parent is a file cannot be made, whoever runs the tests (root included).
        var blocker = Path.Combine(Path.GetTempPath(), "cw-archive-blocker-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "not a directory", Ct);
        var logged = (await RunRecordsAsync()).Count;
        try
        {
            var job = Job(Settings with { ArchiveDirectory = Path.Combine(blocker, "archive") });

            await Assert.ThrowsAnyAsync<IOException>(() => job.RunAsync(Ct));

            await using var db = await factory.CreateDbContextAsync(Ct);
            Assert.Equal(old.Count, await db.AccessRecords.CountAsync(r => old.Contains(r.Id), Ct));
            Assert.Equal(logged, (await RunRecordsAsync()).Count);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task Without_the_retention_jobs_permit_an_old_record_can_be_neither_deleted_nor_changed()
    {
        var (old, _) = await AddOldAndRecentAsync();
        var id = old[0];

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.AccessRecords.Where(r => r.Id == id).ExecuteDeleteAsync(Ct));
        }
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AccessRecords\"", Ct));
        }
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var record = await db.AccessRecords.SingleAsync(r => r.Id == id, Ct);
            db.AccessRecords.Remove(record);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }
        // A permit opens deletion only: an update stays refused even with one.
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Set<AccessRecordDeletionPermit>().Add(new AccessRecordDeletionPermit(id));
            await db.SaveChangesAsync(Ct);
            await Assert.ThrowsAnyAsync<Exception>(() =>
                db.AccessRecords.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Reason, "Tampered"), Ct));
        }

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var record = await db.AccessRecords.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
            Assert.NotEqual("Tampered", record.Reason);
            Assert.Empty(await db.Set<AccessRecordDeletionPermit>().ToListAsync(Ct));
        }
    }

    [Fact]
    public async Task Two_concurrent_runs_archive_and_delete_each_old_record_exactly_once()
    {
        await AddOldAndRecentAsync();
        await AddOldAndRecentAsync();
        var oldBefore = (await OldRecordsAsync()).Select(r => r.Id).Order().ToList();
        var files = Directory.Exists(Settings.ArchiveDirectory) ? Directory.GetFiles(Settings.ArchiveDirectory).Length : 0;

        var runs = await Task.WhenAll(Job().RunAsync(Ct), Job().RunAsync(Ct));

        var archives = runs.Select(r => r.Archive).OfType<AccessLogArchive>().ToList();
        var archive = Assert.Single(archives);
        var archived = new List<long>();
        await foreach (var line in AccessLogArchiveFile.ReadAsync(archive.Path))
            archived.Add(line.GetProperty("id").GetInt64());
        Assert.Equal(oldBefore, archived.Order());
        Assert.Equal(oldBefore.Count, runs.Sum(r => r.Deleted));
        Assert.Empty(await OldRecordsAsync());
        Assert.Equal(files + 2, Directory.GetFiles(Settings.ArchiveDirectory).Length);
        Assert.Equal(1, (await RunRecordsAsync()).Count(r => r.What.Contains(Path.GetFileName(archive.Path), StringComparison.Ordinal)));
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Empty(await db.Set<JobLease>().Where(l => l.Name == AccessLogRetentionJob.JobId).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_run_while_another_holds_the_lease_does_nothing_and_an_expired_lease_is_taken_over()
    {
        var (old, _) = await AddOldAndRecentAsync();
        var leases = factory.Services.GetRequiredService<JobLeases>();
        Assert.True(await leases.TryTakeAsync(AccessLogRetentionJob.JobId, "another-server", TimeSpan.FromMinutes(10), Ct));
        try
        {
            var skipped = await Job().RunAsync(Ct);

            Assert.True(skipped.LeftToAnotherRun);
            Assert.Null(skipped.Archive);
            await using var db = await factory.CreateDbContextAsync(Ct);
            Assert.Equal(old.Count, await db.AccessRecords.CountAsync(r => old.Contains(r.Id), Ct));
        }
        finally
        {
            await leases.ReleaseAsync(AccessLogRetentionJob.JobId, "another-server", Ct);
        }

        // A run that died long ago left its lease behind: it has expired, so the next run takes it over.
        Assert.True(await leases.TryTakeAsync(AccessLogRetentionJob.JobId, "a-dead-run", TimeSpan.FromMinutes(-1), Ct));
        // Earlier tests of this class may have left old records of their own; the run takes all of them.
        var oldNow = (await OldRecordsAsync()).Count;
        Assert.True(oldNow >= old.Count);
        var run = await Job().RunAsync(Ct);

        Assert.False(run.LeftToAnotherRun);
        Assert.Equal(oldNow, run.Deleted);
        Assert.Empty(await OldRecordsAsync());
        Assert.False(await leases.RenewAsync(AccessLogRetentionJob.JobId, "a-dead-run", TimeSpan.FromMinutes(10), Ct));
    }

    private AccessLogRetentionJob Job(AccessLogRetentionSettings? settings = null) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CareDbContext>>(), factory.Services.GetRequiredService<JobLeases>(),
            factory.Services.GetRequiredService<TimeProvider>(), settings ?? Settings, NullLogger<AccessLogRetentionJob>.Instance);

    /// <summary>Three records older than the period (one a second before the cut-off) and two kept (one at the cut-off itself).</summary>
    private async Task<(List<long> Old, List<long> Kept)> AddOldAndRecentAsync()
    {
        var actor = AccessLogTestData.StaffOfNewOrganisation();
        var patient = Guid.NewGuid();
        var cutOff = CutOff;
        var old = new[]
        {
            AccessLogTestData.Record(actor, patient, cutOff.AddSeconds(-1)),
            AccessLogTestData.Record(actor, patient, cutOff.AddDays(-1), AccessAction.Update, what: "Old change"),
            AccessLogTestData.Record(actor, patient, cutOff.AddYears(-3), allowed: false, reason: "The user's organisation is not on the patient's care team."),
        };
        var kept = new[]
        {
            AccessLogTestData.Record(actor, patient, cutOff),
            AccessLogTestData.Record(actor, patient, AccessLogTestData.Now(factory).AddDays(-1)),
        };
        await AccessLogTestData.AddAsync(factory, [.. old, .. kept], Ct);
        return ([.. old.Select(r => r.Id)], [.. kept.Select(r => r.Id)]);
    }

    private async Task<List<AccessRecord>> OldRecordsAsync()
    {
        var cutOff = CutOff;
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking().Where(r => r.At < cutOff).ToListAsync(Ct);
    }

    private async Task<List<AccessRecord>> RunRecordsAsync()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking().Where(r => r.UserId == SystemActor.AccessLogRetention.UserId).ToListAsync(Ct);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.CountAsync(Ct);
    }
}

public sealed class AccessLogRetentionTests_Sqlite(SqliteAppFactory factory) : AccessLogRetentionTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessLogRetentionTests_PostgreSql(PostgreSqlAppFactory factory) : AccessLogRetentionTests(factory), IClassFixture<PostgreSqlAppFactory>;

public sealed class AccessLogRetentionStartupTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    public void A_retention_period_under_two_years_stops_start_up_with_a_clear_message(string years)
    {
        using var app = new CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["AccessLog:RetentionYears"] = years });

        var ex = Assert.ThrowsAny<Exception>(() => app.Services);

        var refusal = Innermost(ex);
        Assert.Equal($"AccessLog:RetentionYears must be at least 2 years (the patient's access log shows 2 years back), not {years}.", refusal.Message);
    }

    [Fact]
    public void A_retention_period_that_is_not_a_number_stops_start_up()
    {
        using var app = new CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["AccessLog:RetentionYears"] = "two" });

        var ex = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("AccessLog:RetentionYears must be a whole number of years", Innermost(ex).Message, StringComparison.Ordinal);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex is not InvalidOperationException { Message: var m } || !m.StartsWith("AccessLog:", StringComparison.Ordinal))
        {
            if (ex.InnerException is not { } inner)
                return ex;
            ex = inner;
        }
        return ex;
    }
}
