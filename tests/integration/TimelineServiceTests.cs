using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>The pathway's events across sectors, newest first, filtered and paged on the server.</summary>
public abstract class TimelineServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Sector.Hospital)]
    [InlineData(Sector.GeneralPractice)]
    [InlineData(Sector.Municipality)]
    public async Task Filtering_by_sector_gives_exactly_that_sectors_events(Sector sector)
    {
        var expected = await StoredAsync(e => e.Sector == sector);

        var page = await GetAsync(new TimelineFilter(Sectors: new HashSet<Sector> { sector }));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.ToHashSet(), page.Entries.Select(e => e.Id).ToHashSet());
        Assert.All(page.Entries, e => Assert.Equal(sector, e.Sector));
    }

    [Fact]
    public async Task Filtering_by_type_and_sector_combines_both()
    {
        var types = new HashSet<PathwayEventType> { PathwayEventType.Appointment, PathwayEventType.PlanChange };
        var expectedByType = await StoredAsync(e => types.Contains(e.Type));
        var expectedBoth = await StoredAsync(e => types.Contains(e.Type) && e.Sector == Sector.GeneralPractice);

        var byType = await GetAsync(new TimelineFilter(Types: types));
        var both = await GetAsync(new TimelineFilter(new HashSet<Sector> { Sector.GeneralPractice }, types));

        Assert.Equal(expectedByType.ToHashSet(), byType.Entries.Select(e => e.Id).ToHashSet());
        Assert.All(byType.Entries, e => Assert.Contains(e.Type, types));
        Assert.NotEmpty(expectedBoth);
        Assert.True(expectedBoth.Count < expectedByType.Count);
        Assert.Equal(expectedBoth.ToHashSet(), both.Entries.Select(e => e.Id).ToHashSet());
        Assert.Equal(expectedBoth.Count, both.TotalCount);
    }

    [Fact]
    public async Task Pages_are_disjoint_newest_first_and_together_hold_every_event()
    {
        const int pageSize = 3;
        var all = await StoredAsync(_ => true);
        var first = await GetAsync(new TimelineFilter(), 0, pageSize);
        Assert.Equal(all.Count, first.TotalCount);
        Assert.True(first.PageCount >= 3, $"Jens should have events for at least three pages of {pageSize}, has {first.TotalCount}.");

        var seen = new List<TimelineEntry>();
        for (var page = 0; page < first.PageCount; page++)
        {
            var result = page == 0 ? first : await GetAsync(new TimelineFilter(), page, pageSize);
            Assert.Equal(first.TotalCount, result.TotalCount);
            Assert.Equal(page < first.PageCount - 1 ? pageSize : first.TotalCount - (first.PageCount - 1) * pageSize, result.Entries.Count);
            foreach (var entry in result.Entries)
                Assert.DoesNotContain(seen, s => s.Id == entry.Id);
            seen.AddRange(result.Entries);
        }

        Assert.Equal(all.ToHashSet(), seen.Select(e => e.Id).ToHashSet());
        Assert.Equal(seen.OrderByDescending(e => e.At).Select(e => e.At), seen.Select(e => e.At));
        Assert.Empty((await GetAsync(new TimelineFilter(), first.PageCount, pageSize)).Entries);
    }

    [Fact]
    public async Task A_nurse_of_another_municipality_is_refused_the_timeline()
    {
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await using var scope = factory.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<TimelineService>().GetAsync(nurse, jensId, new TimelineFilter(), 0, 10, Ct));
    }

    [Fact]
    public async Task An_event_stored_before_kinds_existed_reads_as_free_text_as_written()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2001, 2, 3, 10, 0, 0, TimeSpan.Zero);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            // Written the way rows were before the TimelineKinds migration: no kind, no values, an English sentence.
            var sqlite = db.Database.IsSqlite();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"PathwayEvents\" (\"Id\", \"PatientId\", \"At\", \"Type\", \"Sector\", \"SourceOrganisationName\", \"Title\", \"Detail\") " +
                "VALUES ({0}, {1}, {2}, 'Admission', 'Hospital', 'Havby Hospital', 'Old sentence joined the care team', 'Old detail')",
                [Key(id, sqlite), Key(jensId, sqlite), sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)! : at], Ct);
        }
        try
        {
            var page = await GetAsync(new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.Admission }));

            var entry = Assert.Single(page.Entries, e => e.Id == id);
            Assert.Equal(PathwayEventKind.Text, entry.Kind);
            Assert.Empty(entry.Parameters!);
            Assert.Equal(("Old sentence joined the care team", "Old detail"), (entry.Title, entry.Detail));
        }
        finally
        {
            await using var db = await factory.CreateDbContextAsync(Ct);
            await db.PathwayEvents.Where(e => e.Id == id).ExecuteDeleteAsync(Ct);
        }
    }

    // SQLite stores keys as upper-case text; PostgreSQL as uuid.
    private static object Key(Guid id, bool sqlite) => sqlite ? id.ToString().ToUpperInvariant() : id;

    private async Task<TimelinePage> GetAsync(TimelineFilter filter, int page = 0, int pageSize = TimelineService.MaxPageSize)
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimelineService>().GetAsync(gp, jensId, filter, page, pageSize, Ct);
    }

    private async Task<List<Guid>> StoredAsync(Func<PathwayEvent, bool> predicate)
    {
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var events = await db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == jensId).ToListAsync(Ct);
        return events.Where(predicate).Select(e => e.Id).ToList();
    }
}

public sealed class TimelineServiceTests_Sqlite(SqliteAppFactory factory) : TimelineServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class TimelineServiceTests_PostgreSql(PostgreSqlAppFactory factory) : TimelineServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
