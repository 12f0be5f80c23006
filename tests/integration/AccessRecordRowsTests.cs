using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The group-committed access records are written as multi-row INSERTs, not through the change tracker: every field
/// comes back as written (time, nulls, enums, texts), also for a batch larger than one command holds.
/// </summary>
public abstract class AccessRecordRowsTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_large_batch_of_records_is_saved_field_for_field()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var at = new DateTimeOffset(2026, 11, 29, 14, 3, 7, 123, TimeSpan.Zero);
        var patientId = Guid.NewGuid();
        var staff = new Actor($"rows-{run}-staff", "Lise Dahl", UserRole.Coordinator, Guid.NewGuid(), "Region Midtjylland");
        var relative = new Actor($"rows-{run}-relative", "Ulla Hansen", UserRole.Relative, null, null);
        var records = Enumerable.Range(0, 450).Select(i => i % 2 == 0
                ? new AccessRecord(at.AddMilliseconds(i), staff, patientId, PatientSection.CareTeam, $"Care team & contacts {i}", AccessAction.Read, true, "Member of the care team.")
                : new AccessRecord(at.AddMilliseconds(i), relative, null, PatientSection.Relatives, $"Pathway header {i}", AccessAction.Read, false, "No consent covers this section."))
            .ToList();

        await factory.Services.GetRequiredService<AccessRecordWriter>().WriteAsync(records, Ct);

        await using var db = await factory.CreateDbContextAsync(Ct);
        var saved = await db.AccessRecords.AsNoTracking().Where(r => r.UserId.StartsWith($"rows-{run}-")).ToListAsync(Ct);
        Assert.Equal(records.Count, saved.Count);
        Assert.Equal(saved.Count, saved.Select(r => r.Id).Distinct().Count());
        var byWhat = saved.ToDictionary(r => r.What);
        foreach (var written in records)
        {
            var read = byWhat[written.What];
            Assert.Equal(written.At, read.At);
            Assert.Equal((written.UserId, written.UserDisplayName, written.Role, written.OrganisationId, written.OrganisationName),
                (read.UserId, read.UserDisplayName, read.Role, read.OrganisationId, read.OrganisationName));
            Assert.Equal((written.PatientId, written.Section, written.Action, written.Allowed, written.Reason),
                (read.PatientId, read.Section, read.Action, read.Allowed, read.Reason));
        }
    }
}

public sealed class AccessRecordRowsTests_Sqlite(SqliteAppFactory factory) : AccessRecordRowsTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessRecordRowsTests_PostgreSql(PostgreSqlAppFactory factory) : AccessRecordRowsTests(factory), IClassFixture<PostgreSqlAppFactory>;
