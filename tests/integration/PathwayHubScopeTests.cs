using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Hub notices follow the receiver's access: only sections they may read, only items meant for them, and nothing more
/// once their access has ended (the connection is told and removed without reconnecting).
/// </summary>
public abstract class PathwayHubScopeTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_patient_is_told_about_shared_threads_only_never_about_unshared_ones_or_their_read_receipts()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        await using var jens = await JoinAsync("jens", jensId);

        var unshared = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread("Between professionals"), [], Ct));
        await Messages(s => s.OpenThreadAsync(gp, unshared, Ct));
        var shared = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread("For Jens", sharedWithPatient: true), [], Ct));

        var notice = await jens.NoticeAsync(jensId, PatientSection.Messages, Ct);
        Assert.Equal(shared, notice.GetProperty("itemId").GetGuid());
        Assert.DoesNotContain(jens.Received, n => n.TryGetProperty("itemId", out var id) && id.ValueKind != System.Text.Json.JsonValueKind.Null && id.GetGuid() == unshared);
    }

    [Fact]
    public async Task A_relative_is_told_only_about_sections_in_the_consent_and_leaves_the_patient_when_the_consent_is_withdrawn()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jensActor = await factory.ActorAsync("jens", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var (relative, userName, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var consentId = await Consents(s => s.GrantAsync(jensActor, jensId, new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Timeline], null, null), Ct));
        await using var client = await JoinAsync(userName, jensId);
        var viewers = factory.Services.GetRequiredService<PathwayHubViewers>();
        Assert.Contains(viewers.Of(jensId), v => v.Value.UserId == relative.UserId);

        // A thread shared with relatives, but Messages is not in this consent: only its timeline entry may be announced.
        await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread("For the family", sharedWithPatient: true, sharedWithRelatives: true), [], Ct));
        await Assert.ThrowsAsync<TimeoutException>(() => client.NoticeAsync(jensId, PatientSection.Messages, Ct).WaitAsync(TimeSpan.FromSeconds(2), Ct));

        await Consents(s => s.WithdrawAsync(jensActor, jensId, consentId, null, Ct));

        Assert.Equal(jensId, await client.AccessEnded.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct));
        Assert.DoesNotContain(viewers.Of(jensId), v => v.Value.UserId == relative.UserId);
        var receivedBefore = client.Received.Count;
        await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread("After withdrawal", sharedWithPatient: true, sharedWithRelatives: true), [], Ct));
        await using var gpClient = await JoinAsync("gp.larsen", jensId);
        await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread("Marker", sharedWithPatient: true, sharedWithRelatives: true), [], Ct));
        await gpClient.NoticeAsync(jensId, PatientSection.Messages, Ct);
        Assert.Equal(receivedBefore, client.Received.Count);
    }

    [Fact]
    public async Task Leaving_and_disconnecting_leave_no_viewer_behind()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var viewers = factory.Services.GetRequiredService<PathwayHubViewers>();
        // The class's earlier tests' hub clients may still be disconnecting: count from a settled start.
        var settle = DateTime.UtcNow + PathwayTestData.SignalTimeout;
        while (viewers.Count != 0 && DateTime.UtcNow < settle)
            await Task.Delay(20, Ct);
        var before = viewers.Count;
        var client = await JoinAsync("gp.larsen", jensId);
        Assert.Equal(before + 1, viewers.Count);

        await client.Connection.InvokeAsync("LeavePatient", jensId, Ct);
        Assert.Equal(before, viewers.Count);
        await client.Connection.InvokeAsync("JoinPatient", jensId, Ct);
        await client.DisposeAsync();

        var deadline = DateTime.UtcNow + PathwayTestData.SignalTimeout;
        while (viewers.Count != before && DateTime.UtcNow < deadline)
            await Task.Delay(20, Ct);
        Assert.Equal(before, viewers.Count);
    }

    private async Task<PathwayHubClient> JoinAsync(string userName, Guid patientId)
    {
        var (http, cookie) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        http.Dispose();
        var client = new PathwayHubClient(factory, cookie);
        await client.Connection.StartAsync(Ct);
        await client.Connection.InvokeAsync("JoinPatient", patientId, Ct);
        return client;
    }

    private Task<T> Messages<T>(Func<MessageService, Task<T>> call) => factory.CallAsync(call);

    private Task<T> Consents<T>(Func<ConsentService, Task<T>> call) => factory.CallAsync(call);

    private Task Consents(Func<ConsentService, Task> call) => factory.CallAsync(call);
}

public sealed class PathwayHubScopeTests_Sqlite(SqliteAppFactory factory) : PathwayHubScopeTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PathwayHubScopeTests_PostgreSql(PostgreSqlAppFactory factory) : PathwayHubScopeTests(factory), IClassFixture<PostgreSqlAppFactory>;
