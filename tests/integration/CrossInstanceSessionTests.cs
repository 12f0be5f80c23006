using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Administration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>A deactivation on one instance ends the sessions held on the other, through Redis, at once.</summary>
public sealed class CrossInstanceSessionTests(TwoHostsFixture hosts) : IClassFixture<TwoHostsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivating_on_host_A_closes_the_hub_connection_and_refuses_the_cookie_on_host_B()
    {
        var userName = $"gp.x{Guid.NewGuid().ToString("N")[..8]}";
        string userId;
        await using (var scope = hosts.A.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
            var clinic = (await hosts.A.ActorAsync("gp.larsen", Ct)).OrganisationId;
            var user = new CareUser { UserName = userName, DisplayName = "Cross Instance", Role = UserRole.GeneralPractitioner, OrganisationId = clinic, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            userId = user.Id;
        }
        var (client, cookie) = await HttpSignIn.SignInAsync(hosts.B, userName, Ct);
        using var _client = client;
        await using var hub = new PathwayHubClient(hosts.B, cookie);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.Connection.StartAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", Ct)).StatusCode);

        var admin = await hosts.A.ActorAsync("admin", Ct);
        await using (var scope = hosts.A.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AdministrationService>().DeactivateAsync(admin, userId, Ct);

        await closed.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.Connection.State);
        var page = await client.GetAsync("/patients", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString);
    }
}
