using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// One read per change, shared by every viewer, with every viewer's own access record group-committed before it sees
/// the data: many viewers of Jens' care team cost one read of it per change and leave one access record each.
/// </summary>
public abstract class SharedReadTests(CareAppFactory factory)
{
    private const int Viewers = 50;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_concurrent_viewers_after_each_change_cost_one_read_of_the_care_team_and_leave_fifty_access_records()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var viewers = ViewersLike(gp);
        var shared = factory.Services.GetRequiredService<SharedReads>();

        foreach (var round in new[] { 1, 2 })
        {
            var channel = (await factory.CallAsync<CareTeamService, CareTeamView>(s => s.GetAsync(gp, jensId, Ct))).PreferredContactChannel;
            var changedTo = channel == ContactChannel.Phone ? ContactChannel.SecureMessage : ContactChannel.Phone;
            await factory.CallAsync<CareTeamService>(s => s.ChangeContactChannelAsync(gp, jensId, channel, changedTo, Ct));
            var readsBefore = shared.ReadsOf(CareTeamSnapshot.Key);

            var views = await Task.WhenAll(viewers.Select(viewer =>
                Task.Run(() => factory.CallAsync<CareTeamService, CareTeamView>(s => s.GetAsync(viewer, jensId, Ct)), Ct)));

            Assert.Equal(1, shared.ReadsOf(CareTeamSnapshot.Key) - readsBefore);
            Assert.All(views, v => Assert.Equal(changedTo, v.PreferredContactChannel));
            Assert.All(views, v => Assert.NotNull(v.Relatives));
            await using var db = await factory.CreateDbContextAsync(Ct);
            var ids = viewers.Select(v => v.UserId).ToList();
            var records = await db.AccessRecords.AsNoTracking()
                .Where(r => ids.Contains(r.UserId) && r.PatientId == jensId && r.What == "Care team & contacts" && r.Allowed)
                .Select(r => new { r.UserId, r.Section })
                .ToListAsync(Ct);
            Assert.Equal(Viewers * round, records.Count(r => r.Section == PatientSection.CareTeam));
            Assert.Equal(Viewers * round, records.Count(r => r.Section == PatientSection.Relatives));
            Assert.All(ids, id => Assert.Equal(round, records.Count(r => r.UserId == id && r.Section == PatientSection.CareTeam)));
        }
    }

    /// <summary>Care-team viewers of the GP's own organisation, each a different user (the log has no foreign keys).</summary>
    private static List<Actor> ViewersLike(Actor gp)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return [.. Enumerable.Range(1, Viewers).Select(i => gp with { UserId = $"viewer-{run}-{i}", DisplayName = $"Viewer {i}" })];
    }
}

public sealed class SharedReadTests_Sqlite(SqliteAppFactory factory) : SharedReadTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class SharedReadTests_PostgreSql(PostgreSqlAppFactory factory) : SharedReadTests(factory), IClassFixture<PostgreSqlAppFactory>;

/// <summary>
/// The access-record writer stopped mid-batch (the process going down with no time left): every read that returned
/// data has its access record in the database, and no read started after the stop returns data. Its own app, since
/// the writer does not come back.
/// </summary>
public abstract class AccessRecordWriterStopTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_the_writer_while_reads_are_in_flight_leaves_no_read_shown_without_its_record()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        var writer = factory.Services.GetRequiredService<AccessRecordWriter>();
        Task<CareTeamView> Read(int i) => Task.Run(() => factory.CallAsync<CareTeamService, CareTeamView>(s =>
            s.GetAsync(gp with { UserId = $"stop-{run}-{i}" }, jensId, Ct)), Ct);

        var inFlight = Enumerable.Range(0, 40).Select(Read).ToList();
        await Task.WhenAny(inFlight);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.StopAsync(new CancellationToken(canceled: true)));
        var afterStop = Enumerable.Range(40, 10).Select(Read).ToList();

        var outcomes = new List<(int Viewer, bool Shown)>();
        foreach (var (read, i) in inFlight.Concat(afterStop).Select((r, i) => (r, i)))
        {
            try
            {
                await read;
                outcomes.Add((i, true));
            }
            catch (AccessRecordNotSavedException)
            {
                outcomes.Add((i, false));
            }
        }

        await using var db = await factory.CreateDbContextAsync(Ct);
        var recorded = (await db.AccessRecords.AsNoTracking()
            .Where(r => r.UserId.StartsWith($"stop-{run}-") && r.Section == PatientSection.CareTeam && r.Allowed)
            .Select(r => r.UserId).ToListAsync(Ct)).ToHashSet();
        Assert.Contains(outcomes, o => o.Shown);
        Assert.All(outcomes.Where(o => o.Shown), o => Assert.Contains($"stop-{run}-{o.Viewer}", recorded));
        Assert.All(outcomes.Where(o => o.Viewer >= 40), o => Assert.False(o.Shown, "A read started after the stop was shown."));
    }
}

public sealed class AccessRecordWriterStopTests_Sqlite(SqliteAppFactory factory) : AccessRecordWriterStopTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessRecordWriterStopTests_PostgreSql(PostgreSqlAppFactory factory) : AccessRecordWriterStopTests(factory), IClassFixture<PostgreSqlAppFactory>;
