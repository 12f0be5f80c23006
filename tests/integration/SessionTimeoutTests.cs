using System.Net;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareWorkspace.IntegrationTests;

/// <summary>An app whose sessions last only seconds: the hub connection and the cookie end with the session.</summary>
public sealed class SessionTimeoutTests(SessionTimeoutTests.ShortSessionsApp factory) : IClassFixture<SessionTimeoutTests.ShortSessionsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hub_connection_that_only_receives_is_closed_when_the_idle_limit_passes()
    {
        var (client, cookie) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        using var _client = client;
        await using var hub = new PathwayHubClient(factory, cookie);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.Connection.StartAsync(Ct);
        await hub.Connection.InvokeAsync("JoinPatient", await factory.JensIdAsync(Ct), Ct);

        await closed.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct);

        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
        var page = await client.GetAsync("/patients", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString);
    }

    public sealed class ShortSessionsApp() : CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?>
    {
        ["Sessions:Roles:GeneralPractitioner:IdleTimeout"] = "00:00:02",
    });
}
