using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Sharing;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The sharing notice on every pathway page re-asks on each care-team and consent change, but renders (one more render
/// batch for each viewer) only when what it shows changed; a block that concerns the viewer still appears live.
/// </summary>
public abstract class SharingNoticeLiveTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_care_team_change_that_leaves_the_notice_as_it_was_is_not_rendered_again_but_a_block_for_the_viewer_is()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        await using var page = new LivePageContext(factory, nurse);
        var shared = page.Services.GetRequiredService<SharedReads>();
        var notice = page.Render<SharingNoticeView>(p => p.Add(x => x.PatientId, jensId));
        await WaitUntilAsync(() => shared.ReadsOf(PatientAccessGuard.SharedRelationshipKey) >= 1);
        await page.Database.AllEndedAsync(Ct);
        await SettleAsync(notice);
        var rendersBefore = notice.RenderCount;
        var readsBefore = shared.ReadsOf(PatientAccessGuard.SharedRelationshipKey);

        notifier.PathwayChanged(new PathwayChange(jensId, PatientSection.CareTeam));
        // The notice re-asked (the relationship was read anew after the change) and had nothing new to show.
        await WaitUntilAsync(() => shared.ReadsOf(PatientAccessGuard.SharedRelationshipKey) > readsBefore);
        await page.Database.AllEndedAsync(Ct);
        await SettleAsync(notice);

        Assert.Equal(rendersBefore, notice.RenderCount);
        Assert.Empty(notice.FindAll("[data-testid=blocked-notice]"));

        var blockId = await factory.CallAsync<SharingBlockService, Guid>(s => s.BlockAsync(jens, jensId,
            new BlockInput(PatientSection.Calendar, null, null, BlockAudienceKind.Sectors, [], [Sector.Municipality]), Ct));
        try
        {
            notice.WaitForElement("[data-testid=blocked-notice]", LivePageContext.Timeout);
            Assert.True(notice.RenderCount > rendersBefore);
        }
        finally
        {
            await factory.CallAsync<SharingBlockService>(s => s.LiftAsync(jens, jensId, blockId, null, Ct));
        }
    }

    // A live re-load that has finished reading still has its last step on the page's dispatcher.
    private static async Task SettleAsync(IRenderedComponent<SharingNoticeView> notice)
    {
        await Task.Delay(300, Ct);
        await notice.InvokeAsync(() => { });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(LivePageContext.Timeout);
        while (!condition() && !timeout.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
    }
}

public sealed class SharingNoticeLiveTests_Sqlite(SqliteAppFactory factory) : SharingNoticeLiveTests(factory), IClassFixture<SqliteAppFactory>;
