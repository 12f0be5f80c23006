using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// An open pathway header re-checked after a live change: a header that would show exactly what the viewer already has
/// is neither recorded nor returned anew; anything new is an ordinary, recorded read; a refusal is recorded (ADR-003).
/// </summary>
public abstract class PathwayHeaderRecheckTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recheck_showing_the_same_records_nothing_and_one_showing_something_new_records_every_section_it_read()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var viewer = gp with { UserId = $"header-viewer-{Guid.NewGuid():N}" };
        var jensId = await factory.JensIdAsync(Ct);
        var shown = await Header(s => s.GetAsync(viewer, jensId, Ct));
        var afterOpening = await RecordsOfAsync(viewer.UserId);

        var same = await Header(s => s.RecheckAsync(viewer, jensId, shown, Ct));
        var afterSame = await RecordsOfAsync(viewer.UserId);
        var changed = await Header(s => s.RecheckAsync(viewer, jensId, shown with { GpName = "Not the GP any more" }, Ct));
        var afterChanged = await RecordsOfAsync(viewer.UserId);

        Assert.Same(shown, same);
        Assert.Equal(afterOpening, afterSame);
        Assert.True(PathwayHeader.Same(shown, changed));
        Assert.NotEmpty(afterOpening);
        Assert.Equal([.. afterOpening.Concat(afterOpening).Order()], afterChanged);
    }

    [Fact]
    public async Task A_recheck_by_a_viewer_without_access_is_refused_and_the_refusal_recorded()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var shown = await Header(s => s.GetAsync(gp, jensId, Ct));
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);
        var refusalsBefore = await RefusalsOfAsync(stranger.UserId, jensId);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Header(s => s.RecheckAsync(stranger, jensId, shown, Ct)));

        Assert.Equal(refusalsBefore + 1, await RefusalsOfAsync(stranger.UserId, jensId));
    }

    private async Task<int> RefusalsOfAsync(string userId, Guid patientId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking().CountAsync(r => r.UserId == userId && r.PatientId == patientId && !r.Allowed && r.What == "Pathway header", Ct);
    }

    private Task<PathwayHeader> Header(Func<PathwayHeaderService, Task<PathwayHeader>> call) => factory.CallAsync(call);

    private async Task<List<PatientSection>> RecordsOfAsync(string userId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var sections = await db.AccessRecords.AsNoTracking()
            .Where(r => r.UserId == userId && r.What == "Pathway header" && r.Allowed)
            .Select(r => r.Section)
            .ToListAsync(Ct);
        return [.. sections.Order()];
    }
}

public sealed class PathwayHeaderRecheckTests_Sqlite(SqliteAppFactory factory) : PathwayHeaderRecheckTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PathwayHeaderRecheckTests_PostgreSql(PostgreSqlAppFactory factory) : PathwayHeaderRecheckTests(factory), IClassFixture<PostgreSqlAppFactory>;
