using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Live;
using CareWorkspace.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Extensions;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Bad input to the live view: a burst of a thousand changes to one patient, a viewer whose circuit stalls, a database
/// that is slow for five seconds. Nothing is lost (every viewer ends showing the last change), the other viewers are
/// not held up, and what waits (reads, queued changes, work for a stalled circuit) stays bounded.
/// </summary>
public abstract class BadInputTests(CareAppFactory factory)
{
    private const int Burst = 1000;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private PathwayNotifier Notifier => (PathwayNotifier)factory.Services.GetRequiredService<IPathwayNotifier>();

    [Fact]
    public async Task A_burst_of_a_thousand_changes_ends_with_every_viewer_showing_the_last_at_a_few_reads_each()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var subscriptionsBefore = Notifier.SubscriptionCount;
        var pages = Enumerable.Range(0, 4).Select(i => new LivePageContext(factory, Viewer(gp, "burst", i))).ToList();
        try
        {
            var sections = pages.Select(OpenCareTeam(jensId)).ToList();
            var reads = pages.Select(p => p.Services.GetRequiredService<SharedReads>()).ToList();
            var readsBefore = reads.Select(r => r.ReadsOf(CareTeamSnapshot.Key)).ToList();

            var last = await ChangeChannelAsync(gp, jensId, Burst - 1);

            foreach (var section in sections)
                section.WaitForAssertion(() => Assert.Equal(last, ShownChannel(section)), LivePageContext.Timeout);
            await WaitUntilAsync(() => Notifier.Queued == 0);
            foreach (var page in pages)
                await page.Database.AllEndedAsync(Ct);

            Assert.Equal(0, Notifier.Queued);
            foreach (var (shared, before) in reads.Zip(readsBefore))
            {
                // A re-load per change would be a thousand reads; merged, a viewer reads a few times.
                Assert.InRange(shared.ReadsOf(CareTeamSnapshot.Key) - before, 1, 10);
                Assert.InRange(shared.Kept, 1, 10);
            }
        }
        finally
        {
            foreach (var page in pages)
                await page.DisposeAsync();
        }
        await WaitUntilAsync(() => Notifier.SubscriptionCount == subscriptionsBefore);
        Assert.Equal(subscriptionsBefore, Notifier.SubscriptionCount);
    }

    [Fact]
    public async Task A_stalled_viewer_does_not_hold_up_the_others_and_waits_with_one_merged_reload()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handedToCircuit = 0;
        var reloads = 0;
        // A circuit whose dispatcher does not proceed: work handed to it waits until the stall ends.
        using var stalled = new LiveUpdates(Notifier, new CircuitReconnectNotifier(), async work =>
        {
            Interlocked.Increment(ref handedToCircuit);
            await stall.Task;
            await work();
        }, () =>
        {
            Interlocked.Increment(ref reloads);
            return Task.CompletedTask;
        }, NullLogger.Instance);
        stalled.WatchPatient(jensId, [PatientSection.MasterData]);
        // Subscribed after the stalled viewer, so it hears each change after the stalled viewer was handed it.
        var delivered = 0;
        using var probe = Notifier.Subscribe(jensId, PatientSection.MasterData, _ =>
        {
            Interlocked.Increment(ref delivered);
            return Task.CompletedTask;
        });
        var pages = Enumerable.Range(0, 2).Select(i => new LivePageContext(factory, Viewer(gp, "stall", i))).ToList();
        try
        {
            var sections = pages.Select(OpenCareTeam(jensId)).ToList();

            var last = await ChangeChannelAsync(gp, jensId, Burst - 1);

            foreach (var section in sections)
                section.WaitForAssertion(() => Assert.Equal(last, ShownChannel(section)), LivePageContext.Timeout);
            await WaitUntilAsync(() => Volatile.Read(ref delivered) == Burst);
            Assert.Equal(Burst, Volatile.Read(ref delivered));
            Assert.Equal(1, Volatile.Read(ref handedToCircuit));
            Assert.Equal(0, Volatile.Read(ref reloads));

            stall.SetResult();
            await WaitUntilAsync(() => Volatile.Read(ref reloads) == 1);
            Assert.Equal(1, Volatile.Read(ref reloads));
            Assert.Equal(1, Volatile.Read(ref handedToCircuit));
        }
        finally
        {
            stall.TrySetResult();
            foreach (var page in pages)
                await page.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_subscriber_that_blocks_its_thread_does_not_hold_up_the_others_and_its_waiting_changes_stay_bounded()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        using var stuck = new ManualResetEventSlim();
        var ct = Ct;
        var entered = 0;
        // Subscribed before the viewers: delivered to in turn, it would hold up every change to them.
        var blocking = Notifier.Subscribe(jensId, PatientSection.MasterData, _ =>
        {
            Interlocked.Increment(ref entered);
            stuck.Wait(ct);
            return Task.CompletedTask;
        });
        var pages = Enumerable.Range(0, 2).Select(i => new LivePageContext(factory, Viewer(gp, "blocked", i))).ToList();
        try
        {
            var sections = pages.Select(OpenCareTeam(jensId)).ToList();

            var last = await ChangeChannelAsync(gp, jensId, Burst - 1);

            foreach (var section in sections)
                section.WaitForAssertion(() => Assert.Equal(last, ShownChannel(section)), LivePageContext.Timeout);
            Assert.Equal(1, Volatile.Read(ref entered));

            // Far more than may wait for it: the oldest are dropped, the newest kept.
            for (var i = 0; i < PathwayNotifier.MaxWaitingPerSubscriber; i++)
                Notifier.PathwayChanged(new PathwayChange(jensId, PatientSection.MasterData));
            await WaitUntilAsync(() => Notifier.Queued == 0);
            Assert.Equal(PathwayNotifier.MaxWaitingPerSubscriber, Notifier.MostWaitingForOneSubscriber);

            stuck.Set();
            // The open pages' own subscribers hear the same burst and empty their mailboxes on their own threads meanwhile.
            await WaitUntilAsync(() => Volatile.Read(ref entered) == 1 + PathwayNotifier.MaxWaitingPerSubscriber
                && Notifier.MostWaitingForOneSubscriber == 0);
            Assert.Equal(1 + PathwayNotifier.MaxWaitingPerSubscriber, Volatile.Read(ref entered));
            Assert.Equal(0, Notifier.MostWaitingForOneSubscriber);
        }
        finally
        {
            stuck.Set();
            blocking.Dispose();
            foreach (var page in pages)
                await page.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_database_slow_for_five_seconds_loses_no_change_and_no_access_record_and_waiting_viewers_get_their_data()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var recordsDatabase = new TestDatabase(factory);
        var acknowledged = 0;
        var writer = new AccessRecordWriter(async (batch, ct) =>
        {
            await using var db = await recordsDatabase.CreateDbContextAsync(ct);
            db.AccessRecords.AddRange(batch);
            await db.SaveChangesAsync(ct);
            Interlocked.Add(ref acknowledged, batch.Count);
        }, NullLogger<AccessRecordWriter>.Instance);
        var run = Guid.NewGuid().ToString("N")[..8];
        var pages = new List<LivePageContext>();
        var opened = 0;
        LivePageContext NewPage() => new(factory, Viewer(gp, $"slow-{run}", opened++), accessRecords: writer);
        try
        {
            for (var i = 0; i < 3; i++)
                pages.Add(NewPage());
            var sections = pages.Select(OpenCareTeam(jensId)).ToList();
            var acknowledgedBefore = Volatile.Read(ref acknowledged);

            var slowly = TimeSpan.FromMilliseconds(250);
            recordsDatabase.SlowBy = slowly;
            foreach (var page in pages)
                page.Database.SlowBy = slowly;
            // Viewers opening while the database is slow wait for their data.
            for (var i = 0; i < 2; i++)
            {
                var page = NewPage();
                pages.Add(page);
                page.Database.SlowBy = slowly;
                page.Render<MudPopoverProvider>();
                sections.Add(page.Render<CareTeamSection>(p => p.Add(x => x.PatientId, jensId)));
            }
            var last = ContactChannel.Phone;
            for (var second = 0; second < 5; second++)
            {
                last = await ChangeChannelAsync(gp, jensId, 9);
                await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            }
            var acknowledgedWhileSlow = Volatile.Read(ref acknowledged) - acknowledgedBefore;
            recordsDatabase.SlowBy = null;
            foreach (var page in pages)
                page.Database.SlowBy = null;

            foreach (var section in sections)
                section.WaitForAssertion(() => Assert.Equal(last, ShownChannel(section)), LivePageContext.Timeout);
            foreach (var page in pages)
                await page.Database.AllEndedAsync(Ct);

            Assert.True(acknowledgedWhileSlow > 0, "No access record was written while the database was slow.");
            await using var db = await factory.CreateDbContextAsync(Ct);
            var recorded = await db.AccessRecords.AsNoTracking().Where(r => r.UserId.StartsWith($"slow-{run}-"))
                .Select(r => new { r.UserId, r.Section }).ToListAsync(Ct);
            Assert.Equal(Volatile.Read(ref acknowledged), recorded.Count);
            Assert.All(Enumerable.Range(0, pages.Count), i =>
                Assert.Contains(recorded, r => r.UserId == $"slow-{run}-{i}" && r.Section == PatientSection.CareTeam));
        }
        finally
        {
            foreach (var page in pages)
                await page.DisposeAsync();
            await writer.StopAsync(Ct);
        }
    }

    private static Actor Viewer(Actor gp, string run, int i) => gp with { UserId = $"{run}-{i}", DisplayName = $"Viewer {i}" };

    private static Func<LivePageContext, IRenderedComponent<CareTeamSection>> OpenCareTeam(Guid patientId) => page =>
    {
        page.Render<MudPopoverProvider>();
        var section = page.Render<CareTeamSection>(p => p.Add(x => x.PatientId, patientId));
        section.WaitForElement("[data-testid=care-team-table]", LivePageContext.Timeout);
        return section;
    };

    private static ContactChannel ShownChannel(IRenderedComponent<CareTeamSection> section) =>
        section.FindComponent<MudSelect<ContactChannel>>().Instance.GetState(x => x.Value);

    /// <summary>
    /// Announces <paramref name="signals"/> changes to Jens' master data in a tight loop, then really changes his
    /// preferred contact channel (which announces itself): the last change is the only one that changed anything.
    /// </summary>
    private async Task<ContactChannel> ChangeChannelAsync(Actor gp, Guid patientId, int signals)
    {
        for (var i = 0; i < signals; i++)
            Notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.MasterData));
        var channel = (await factory.CallAsync<CareTeamService, CareTeamView>(s => s.GetAsync(gp, patientId, Ct))).PreferredContactChannel;
        var next = (ContactChannel)(((int)channel + 1) % Enum.GetValues<ContactChannel>().Length);
        await factory.CallAsync<CareTeamService>(s => s.ChangeContactChannelAsync(gp, patientId, channel, next, Ct));
        return next;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(LivePageContext.Timeout);
        while (!condition() && !timeout.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
    }
}

public sealed class BadInputTests_Sqlite(SqliteAppFactory factory) : BadInputTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class BadInputTests_PostgreSql(PostgreSqlAppFactory factory) : BadInputTests(factory), IClassFixture<PostgreSqlAppFactory>;
