using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Two app instances sharing one PostgreSQL database and one Redis: a change committed on one instance reaches
/// the viewers, the presence list and the hub clients of the other.
/// </summary>
public sealed class CrossInstanceTests(TwoHostsFixture hosts) : IClassFixture<TwoHostsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_hosts_share_the_database_seeded_once()
    {
        Assert.NotEqual(Notifier(hosts.A).InstanceId, Notifier(hosts.B).InstanceId);
        Assert.Equal(await hosts.A.JensIdAsync(Ct), await hosts.B.JensIdAsync(Ct));
        await using var db = await hosts.B.CreateDbContextAsync(Ct);
        // Seeded once: the demo's organisations, each once, though both hosts started on the same database.
        Assert.Equal(CareWorkspace.Infrastructure.Demo.DemoOrganisations.Create().Count, await db.Organisations.CountAsync(Ct));
    }

    [Fact]
    public async Task A_change_committed_on_host_A_reaches_a_subscriber_on_host_B_which_then_reads_it()
    {
        var gp = await hosts.A.ActorAsync("gp.larsen", Ct);
        var jensId = await hosts.A.JensIdAsync(Ct);
        var input = PathwayTestData.Member(await CareTeamAsync(hosts.A, s => s.GetAsync(gp, jensId, Ct)));
        using var probe = new ChangeProbe<CareTeamMemberView?>(Notifier(hosts.B), jensId, PatientSection.CareTeam, async change =>
        {
            // As a viewer on B would: re-read the section through B's own service when the signal arrives.
            var view = await CareTeamAsync(hosts.B, s => s.GetAsync(gp, jensId, CancellationToken.None));
            return view.Members.SingleOrDefault(m => m.Id == change.ItemId);
        });

        var memberId = await CareTeamAsync(hosts.A, s => s.AddMemberAsync(gp, jensId, input, Ct));

        var (change, seenOnB) = await probe.ArrivalAsync(memberId, Ct);
        Assert.Equal(Notifier(hosts.A).InstanceId, change.Origin);
        Assert.Equal((jensId, gp.UserId), (change.PatientId, change.ByUserId));
        Assert.NotNull(seenOnB);
        Assert.Equal(input.PersonName, seenOnB.PersonName);
    }

    [Fact]
    public async Task A_viewer_joining_on_host_A_is_listed_on_host_B_until_they_leave()
    {
        var gp = await hosts.A.ActorAsync("gp.larsen", Ct);
        var jensId = await hosts.A.JensIdAsync(Ct);
        var trackerA = hosts.A.Services.GetRequiredService<PresenceTracker>();
        var trackerB = hosts.B.Services.GetRequiredService<PresenceTracker>();
        Assert.DoesNotContain(await trackerB.ViewersAsync(jensId), v => v.UserId == gp.UserId);

        IAsyncDisposable departure;
        using (var joined = PresenceProbe(jensId))
        {
            departure = await trackerA.JoinAsync(jensId, Viewer.From(gp));
            var (signal, viewersWhenSignalled) = await joined.ArrivalAsync(gp.UserId, Ct);
            Assert.Equal(Notifier(hosts.A).InstanceId, signal.Origin);
            Assert.Contains(viewersWhenSignalled, v => v.UserId == gp.UserId);
        }
        var viewer = Assert.Single(await trackerB.ViewersAsync(jensId), v => v.UserId == gp.UserId);
        Assert.Equal(("Peter Larsen", UserRole.GeneralPractitioner, "Lægerne Strandvejen"), (viewer.DisplayName, viewer.Role, viewer.OrganisationName));

        using (var left = PresenceProbe(jensId))
        {
            await departure.DisposeAsync();
            var (signal, viewersWhenSignalled) = await left.ArrivalAsync(gp.UserId, Ct);
            Assert.Equal(Notifier(hosts.A).InstanceId, signal.Origin);
            Assert.DoesNotContain(viewersWhenSignalled, v => v.UserId == gp.UserId);
        }
        Assert.DoesNotContain(await trackerB.ViewersAsync(jensId), v => v.UserId == gp.UserId);
    }

    [Fact]
    public async Task A_hub_client_on_host_B_is_told_of_a_change_committed_on_host_A_through_the_backplane()
    {
        var gp = await hosts.A.ActorAsync("gp.larsen", Ct);
        var jensId = await hosts.A.JensIdAsync(Ct);
        var (http, cookie) = await HttpSignIn.SignInAsync(hosts.B, "gp.larsen", Ct);
        http.Dispose();
        await using var client = new PathwayHubClient(hosts.B, cookie);
        await client.Connection.StartAsync(Ct);
        await client.Connection.InvokeAsync("JoinPatient", jensId, Ct);

        var memberId = await CareTeamAsync(hosts.A, async s => await s.AddMemberAsync(gp, jensId, PathwayTestData.Member(await s.GetAsync(gp, jensId, Ct)), Ct));

        var notice = await client.NoticeAsync(jensId, PatientSection.CareTeam, Ct);
        Assert.Equal(memberId, notice.GetProperty("itemId").GetGuid());
        Assert.Equal(jensId, notice.GetProperty("patientId").GetGuid());
        // The backplane carries A's notices (the timeline changed too); B's own bridge must not forward A's change a second time.
        var timeline = await client.NoticeAsync(jensId, PatientSection.Timeline, Ct);
        Assert.Equal(memberId, timeline.GetProperty("itemId").GetGuid());
        Assert.Single(client.Received, n => PathwayHubClient.SectionOf(n) == PatientSection.CareTeam && n.GetProperty("itemId").GetGuid() == memberId);
    }

    /// <summary>Presence signals on host B, keyed by the user who came or went, with B's viewer list when each arrives.</summary>
    private ChangeProbe<IReadOnlyList<Viewer>> PresenceProbe(Guid patientId) =>
        new(Notifier(hosts.B), patientId, PatientSection.Presence,
            _ => hosts.B.Services.GetRequiredService<PresenceTracker>().ViewersAsync(patientId),
            change => change.ByUserId);

    private static IPathwayNotifier Notifier(CareAppFactory host) => host.Services.GetRequiredService<IPathwayNotifier>();

    private static async Task<T> CareTeamAsync<T>(CareAppFactory host, Func<CareTeamService, Task<T>> call)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<CareTeamService>());
    }
}
