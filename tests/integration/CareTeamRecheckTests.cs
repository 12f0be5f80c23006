using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// An open care team tab re-checked after a live change: each part of the tab (the care team, the relatives) is recorded
/// only when it shows the viewer something new; a tab that shows the same is neither recorded nor returned anew; a
/// refusal is recorded (ADR-003).
/// </summary>
public abstract class CareTeamRecheckTests(CareAppFactory factory)
{
    private const string What = "Care team & contacts";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_care_team_change_records_the_care_team_for_each_viewer_but_not_the_unchanged_relatives()
    {
        var (editor, jensId) = await GpAndJensAsync();
        var viewers = new[] { Viewer(editor), Viewer(editor) };
        var shown = new List<CareTeamView>();
        foreach (var viewer in viewers)
            shown.Add(await Service(s => s.GetAsync(viewer, jensId, Ct)));
        var same = await Service(s => s.RecheckAsync(viewers[0], jensId, shown[0], Ct));
        Assert.Same(shown[0], same);
        Assert.Equal([PatientSection.CareTeam, PatientSection.Relatives], await RecordsOfAsync(viewers[0].UserId));

        var input = PathwayTestData.Member(shown[0]);
        var memberId = await Service(s => s.AddMemberAsync(editor, jensId, input, Ct));

        for (var i = 0; i < viewers.Length; i++)
        {
            var viewer = viewers[i];
            var rechecked = await Service(s => s.RecheckAsync(viewer, jensId, shown[i], Ct));
            Assert.Contains(rechecked.Members, m => m.Id == memberId);
            Assert.Equal(shown[i].Relatives, rechecked.Relatives);
            Assert.Equal([PatientSection.CareTeam, PatientSection.CareTeam, PatientSection.Relatives], await RecordsOfAsync(viewer.UserId));
        }
    }

    [Fact]
    public async Task A_relative_change_records_the_relatives_and_not_the_unchanged_care_team()
    {
        var (editor, jensId) = await GpAndJensAsync();
        var viewer = Viewer(editor);
        var shown = await Service(s => s.GetAsync(viewer, jensId, Ct));
        Assert.NotNull(shown.Relatives);

        var relativeId = await Service(s => s.AddRelativeAsync(editor, jensId, PathwayTestData.Relative(), Ct));
        var rechecked = await Service(s => s.RecheckAsync(viewer, jensId, shown, Ct));

        Assert.Contains(rechecked.Relatives!, r => r.Id == relativeId);
        Assert.Equal(shown.Members, rechecked.Members);
        Assert.Equal([PatientSection.CareTeam, PatientSection.Relatives, PatientSection.Relatives], await RecordsOfAsync(viewer.UserId));
    }

    [Fact]
    public async Task A_recheck_by_a_viewer_without_access_is_refused_and_the_refusal_recorded()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var shown = await Service(s => s.GetAsync(gp, jensId, Ct));
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);
        var refusalsBefore = await RefusalsOfAsync(stranger.UserId, jensId);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.RecheckAsync(stranger, jensId, shown, Ct)));

        Assert.Equal(refusalsBefore + 1, await RefusalsOfAsync(stranger.UserId, jensId));
    }

    private async Task<(Actor Gp, Guid JensId)> GpAndJensAsync() => (await factory.ActorAsync("gp.larsen", Ct), await factory.JensIdAsync(Ct));

    /// <summary>Another viewer in the GP's place, whose access records are only this test's.</summary>
    private static Actor Viewer(Actor gp) => gp with { UserId = $"care-team-viewer-{Guid.NewGuid():N}" };

    private Task<T> Service<T>(Func<CareTeamService, Task<T>> call) => factory.CallAsync(call);

    private async Task<List<PatientSection>> RecordsOfAsync(string userId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var sections = await db.AccessRecords.AsNoTracking()
            .Where(r => r.UserId == userId && r.What == What && r.Allowed)
            .Select(r => r.Section)
            .ToListAsync(Ct);
        return [.. sections.Order()];
    }

    private async Task<int> RefusalsOfAsync(string userId, Guid patientId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking().CountAsync(r => r.UserId == userId && r.PatientId == patientId && !r.Allowed && r.What == What, Ct);
    }
}

public sealed class CareTeamRecheckTests_Sqlite(SqliteAppFactory factory) : CareTeamRecheckTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class CareTeamRecheckTests_PostgreSql(PostgreSqlAppFactory factory) : CareTeamRecheckTests(factory), IClassFixture<PostgreSqlAppFactory>;
