using System.Text.RegularExpressions;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// A dropped connection: the styled banner shows while the browser cannot reach the server, and once it is back
/// the same page (no reload) shows what changed while it was away.
/// </summary>
public sealed class ReconnectTests(AppFixture app) : BrowserTest(app)
{
    private static readonly Regex BlazorHub = new("/_blazor");

    [Fact]
    public Task Dropped_connection_shows_banner_and_catches_up_after_reconnect() => RunAsync(async () =>
    {
        var ct = TestContext.Current.CancellationToken;
        var jensId = await JensIdAsync();
        var nurse = await NurseHolmAsync(ct);
        var gp = await OpenPageAsync("gp");
        await LogInAsync(gp, "gp.larsen");

        // Stand between the page and the server's Blazor hub, so the test can cut the line and restore it.
        var reachable = true;
        var open = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await gp.RouteWebSocketAsync(BlazorHub, ws =>
        {
            if (!reachable)
            {
                _ = ws.CloseAsync(new() { Code = 1011, Reason = "offline" });
                return;
            }
            lock (open)
                open.Add((ws, ws.ConnectToServer()));
        });
        await gp.RouteAsync(BlazorHub, route => reachable ? route.ContinueAsync() : route.AbortAsync());

        await gp.GotoAsync($"patients/{jensId}/care-team");
        await Expect(gp.GetByTestId("relatives-table")).ToContainTextAsync("Ulla Jensen");
        await gp.EvaluateAsync("() => { window.__marker = 1; }");
        var url = gp.Url;

        reachable = false;
        (IWebSocketRoute Page, IWebSocketRoute Server)[] toClose;
        lock (open)
            toClose = [.. open];
        foreach (var (page, server) in toClose)
        {
            await server.CloseAsync();
            await page.CloseAsync(new() { Code = 1011, Reason = "offline" });
        }

        var banner = gp.Locator("#components-reconnect-modal");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(banner).ToContainTextAsync(new Regex("Connection lost|Still offline"));
        DocsScreenshots.Publish(await ScreenshotAsync(gp, "reconnect-banner"), "reconnect-banner.png");

        // While the GP is away, the nurse adds a relative.
        var name = $"Away Tester {Guid.NewGuid():N}"[..20];
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CareTeamService>()
                .AddRelativeAsync(nurse, jensId, new RelativeInput(name, RelationshipCode.FRND, "+45 44 55 66 77", false), ct);
        }

        reachable = true;
        await Expect(gp.GetByTestId("relatives-table")).ToContainTextAsync(name, new() { Timeout = 20_000 });
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 10_000 });
        Assert.True(await gp.EvaluateAsync<bool>("() => window.__marker === 1"), "The page was reloaded instead of reconnecting.");
        Assert.Equal(url, gp.Url);
    });

    private async Task<Actor> NurseHolmAsync(CancellationToken ct)
    {
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var nurse = await db.Users.SingleAsync(u => u.UserName == "nurse.holm", ct);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == nurse.OrganisationId, ct);
        return new Actor(nurse.Id, nurse.DisplayName, nurse.Role, organisation.Id, organisation.Name);
    }
}
