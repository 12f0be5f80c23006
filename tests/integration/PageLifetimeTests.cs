using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Nothing of a page outlives it: opened and left quickly, many times (also while its loads are still in flight),
/// the pathway page, its sections and its presence leave no subscription on the real notifier, no entry in the real
/// presence store, and a load of a page already left writes no access record.
/// </summary>
public abstract class PageLifetimeTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private PathwayNotifier Notifier => (PathwayNotifier)factory.Services.GetRequiredService<IPathwayNotifier>();

    private PresenceTracker Presence => factory.Services.GetRequiredService<PresenceTracker>();

    [Fact]
    public async Task Pages_opened_and_left_many_times_leave_no_subscription_and_no_presence()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var before = Notifier.SubscriptionCount;

        for (var round = 0; round < 12; round++)
        {
            await using var page = new LivePageContext(factory, nurse);
            page.Render<MudPopoverProvider>();
            switch (round % 4)
            {
                case 0:
                    // Left while the header is still loading.
                    var hold = page.Database.HoldNext();
                    page.Render<PathwayPage>(p => p.Add(x => x.PatientId, jensId));
                    await page.DisposeComponentsAsync();
                    hold.SetResult();
                    break;
                case 1:
                    // Left when everything has loaded and the nurse is shown as viewing.
                    var shown = page.Render<PathwayPage>(p => p.Add(x => x.PatientId, jensId));
                    shown.WaitForElement("[data-testid=care-team-table], [data-testid=pathway-header]", LivePageContext.Timeout);
                    await WaitUntilAsync(async () => (await Presence.ViewersAsync(jensId)).Any(v => v.UserId == nurse.UserId));
                    break;
                case 2:
                    // Presence left while it is still finding out who is signed in.
                    var signIn = page.HoldNextSignIn();
                    page.Render<PathwayPresence>(p => p.Add(x => x.PatientId, jensId));
                    await page.DisposeComponentsAsync();
                    signIn.SetResult();
                    break;
                case 3:
                    // A section left while its first load is in flight.
                    var load = page.Database.HoldNext();
                    page.Render<CareTeamSection>(p => p.Add(x => x.PatientId, jensId));
                    await page.DisposeComponentsAsync();
                    load.SetResult();
                    break;
            }
            await page.DisposeComponentsAsync();
            await page.Database.AllEndedAsync(Ct);
        }

        await WaitUntilAsync(() => Task.FromResult(Notifier.SubscriptionCount == before));
        await WaitUntilAsync(async () => (await Presence.ViewersAsync(jensId)).Count == 0);
        Assert.Equal(before, Notifier.SubscriptionCount);
        Assert.Empty(await Presence.ViewersAsync(jensId));
    }

    [Fact]
    public async Task A_browser_that_drops_while_presence_is_joining_leaves_no_ghost_and_is_shown_again_when_it_is_back()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await WaitUntilAsync(async () => (await Presence.ViewersAsync(jensId)).Count == 0);

        await using var page = new LivePageContext(factory, nurse);
        var connection = page.Services.GetRequiredService<CircuitReconnectNotifier>();
        var signIn = page.HoldNextSignIn();
        page.Render<PathwayPresence>(p => p.Add(x => x.PatientId, jensId));
        // The browser is gone before presence has joined: its Disconnected finds nothing to leave yet.
        await page.Renderer.Dispatcher.InvokeAsync(() => connection.OnConnectionDownAsync(null!, Ct));
        signIn.SetResult();
        // The server still holds the circuit (it may come back), but nobody is viewing, not even for a moment.
        for (var look = 0; look < 50; look++)
        {
            Assert.Empty(await Presence.ViewersAsync(jensId));
            await Task.Delay(20, Ct);
        }

        await page.Renderer.Dispatcher.InvokeAsync(() => connection.OnConnectionUpAsync(null!, Ct));
        await WaitUntilAsync(async () => (await Presence.ViewersAsync(jensId)).Any(v => v.UserId == nurse.UserId));
        Assert.Contains(await Presence.ViewersAsync(jensId), v => v.UserId == nurse.UserId);

        await page.DisposeComponentsAsync();
        await WaitUntilAsync(async () => (await Presence.ViewersAsync(jensId)).Count == 0);
        Assert.Empty(await Presence.ViewersAsync(jensId));
    }

    [Fact]
    public async Task A_page_left_while_its_load_is_in_flight_writes_no_access_record()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var lastRecord = await LastRecordIdAsync();

        await using (var page = new LivePageContext(factory, nurse))
        {
            page.Render<MudPopoverProvider>();
            var header = page.Database.HoldNext();
            page.Render<PathwayPage>(p => p.Add(x => x.PatientId, jensId));
            var section = page.Database.HoldNext();
            page.Render<CareTeamSection>(p => p.Add(x => x.PatientId, jensId));
            await page.DisposeComponentsAsync();
            header.SetResult();
            section.SetResult();
            await page.Database.AllEndedAsync(Ct);
            // The header and the section share one read of the relationship (SharedReads), started on its own task (it may
            // not have asked for its unit of work yet); it was held, so no read of the record started.
            Assert.InRange(page.Database.Created, 0, 1);
        }

        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Empty(await db.AccessRecords.AsNoTracking().Where(r => r.Id > lastRecord && r.UserId == nurse.UserId).Select(r => r.What).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_page_left_after_loading_has_written_its_access_records()
    {
        // The counterpart: the same page, left only after it loaded, did record its reads.
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var lastRecord = await LastRecordIdAsync();

        await using (var page = new LivePageContext(factory, nurse))
        {
            page.Render<MudPopoverProvider>();
            var section = page.Render<CareTeamSection>(p => p.Add(x => x.PatientId, jensId));
            section.WaitForElement("[data-testid=care-team-table]", LivePageContext.Timeout);
        }

        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Contains(await db.AccessRecords.AsNoTracking().Where(r => r.Id > lastRecord && r.UserId == nurse.UserId).ToListAsync(Ct),
            r => r.Section == PatientSection.CareTeam && r.Action == AccessAction.Read && r.PatientId == jensId);
    }

    private async Task<long> LastRecordIdAsync()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.MaxAsync(r => (long?)r.Id, Ct) ?? 0;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(LivePageContext.Timeout);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
                return;
            await Task.Delay(20, CancellationToken.None);
        }
    }
}

public sealed class PageLifetimeTests_Sqlite(SqliteAppFactory factory) : PageLifetimeTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PageLifetimeTests_PostgreSql(PostgreSqlAppFactory factory) : PageLifetimeTests(factory), IClassFixture<PostgreSqlAppFactory>;
