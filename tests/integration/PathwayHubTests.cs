using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>The change-notice hub at /hubs/pathway: only signed-in users with a care relationship join a patient.</summary>
public abstract class PathwayHubTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_nurse_without_a_care_relationship_is_refused_joining_Jens_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var (http, cookie) = await HttpSignIn.SignInAsync(factory, "nurse.roskilde", Ct);
        http.Dispose();
        var refusalsBefore = await CountAsync(nurse.UserId, jensId, allowed: false);
        await using var client = new PathwayHubClient(factory, cookie);
        await client.Connection.StartAsync(Ct);

        var ex = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("JoinPatient", jensId, Ct));

        Assert.Contains("access denied", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(refusalsBefore + 1, await CountAsync(nurse.UserId, jensId, allowed: false));
        Assert.Equal(0, await CountAsync(nurse.UserId, jensId, allowed: true));
    }

    [Fact]
    public async Task The_GP_joins_Jens_and_is_told_when_the_care_team_changes()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var (http, cookie) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        http.Dispose();
        var allowedBefore = await CountAsync(gp.UserId, jensId, allowed: true);
        await using var client = new PathwayHubClient(factory, cookie);
        await client.Connection.StartAsync(Ct);

        await client.Connection.InvokeAsync("JoinPatient", jensId, Ct);
        Assert.Equal(allowedBefore + 1, await CountAsync(gp.UserId, jensId, allowed: true));

        Guid memberId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var careTeam = scope.ServiceProvider.GetRequiredService<CareTeamService>();
            memberId = await careTeam.AddMemberAsync(gp, jensId, PathwayTestData.Member(await careTeam.GetAsync(gp, jensId, Ct)), Ct);
        }

        var notice = await client.NoticeAsync(jensId, PatientSection.CareTeam, Ct);
        Assert.True(notice.TryGetProperty("itemId", out var itemId) && itemId.GetGuid() == memberId, notice.GetRawText());
        // A notice names what changed, never the patient data itself.
        Assert.Equal(["itemId", "patientId", "section"], notice.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_connection_is_refused_at_negotiate()
    {
        await using var client = new PathwayHubClient(factory, cookie: null);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.Connection.StartAsync(Ct));

        Assert.True(ex.StatusCode == HttpStatusCode.Unauthorized,
            $"An anonymous negotiate should be refused with 401 Unauthorized, but it answered {(int?)ex.StatusCode} {ex.StatusCode}: {ex.Message}");
    }

    private async Task<int> CountAsync(string userId, Guid patientId, bool allowed)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking()
            .CountAsync(r => r.UserId == userId && r.PatientId == patientId && r.Allowed == allowed && r.Action == AccessAction.Read
                && r.Section == PatientSection.MasterData && r.What == "Live change notices (hub)", Ct);
    }
}

public sealed class PathwayHubTests_Sqlite(SqliteAppFactory factory) : PathwayHubTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PathwayHubTests_PostgreSql(PostgreSqlAppFactory factory) : PathwayHubTests(factory), IClassFixture<PostgreSqlAppFactory>;
