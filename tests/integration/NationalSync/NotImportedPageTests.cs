using Bunit;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.NationalSync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// /sync/not-imported on the real database (bunit): coordinators see where items came from and why, ask for a parked
/// one to be tried again; only an administrator opens what was received, with a reason, and both are logged.
/// </summary>
public sealed class NotImportedPageTests(SandboxSqliteAppFactory factory) : IClassFixture<SandboxSqliteAppFactory>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_sees_why_and_asks_for_a_parked_item_to_be_tried_again_which_is_logged()
    {
        var parked = await AddAsync(ParkedItem("Bundle/parked-" + Guid.NewGuid().ToString("N")));
        await using var page = await PageAsync("coordinator.dahl");

        var cut = page.Render<NotImportedPage>();
        var row = $"[data-testid='not-imported-{parked.SourceId}']";
        cut.WaitForAssertion(() => Assert.Contains("Parked", cut.Find(row).TextContent, StringComparison.Ordinal), LivePageContext.Timeout);
        Assert.Contains("database said no", cut.Find(row).TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll($"{row} button[aria-label^='Inspect']"));

        await cut.ClickNowAsync($"{row} button[aria-label^='Try again']");

        cut.WaitForAssertion(() => Assert.Contains("will be tried again on the next sync of Hospital notifications",
            cut.Find("[data-testid=not-imported-outcome]").TextContent, StringComparison.Ordinal), LivePageContext.Timeout);
        cut.WaitForAssertion(() => Assert.Contains("Waiting to be tried again", cut.Find(row).TextContent, StringComparison.Ordinal), LivePageContext.Timeout);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(ParkedImportState.Retrying, (await db.ParkedImports.SingleAsync(p => p.Id == parked.Id, Ct)).State);
        Assert.True(await db.AdministrationLog.AnyAsync(e => e.Action == AdministrationAction.NationalImportRetried && e.Details.Contains(parked.SourceId), Ct));
    }

    [Fact]
    public async Task An_administrator_opens_what_was_received_only_with_a_reason_and_the_opening_is_logged()
    {
        var parked = await AddAsync(ParkedItem("Bundle/inspect-" + Guid.NewGuid().ToString("N")));
        await using var page = await PageAsync("admin");
        var cut = page.Render<NotImportedPage>();
        var row = $"[data-testid='not-imported-{parked.SourceId}']";
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"{row} button[aria-label^='Inspect']")), LivePageContext.Timeout);

        await cut.ClickNowAsync($"{row} button[aria-label^='Inspect']");
        await cut.ClickNowAsync("[data-testid=not-imported-show]");

        cut.WaitForAssertion(() => Assert.Contains("Write why you need to see what was received.",
            cut.Find("[data-testid=not-imported-outcome]").TextContent, StringComparison.Ordinal), LivePageContext.Timeout);
        Assert.Empty(cut.FindAll("[data-testid=not-imported-payload]"));

        cut.Find("input[data-testid=not-imported-reason], [data-testid=not-imported-reason] input").Input("Checking why the hospital's message failed");
        await cut.ClickNowAsync("[data-testid=not-imported-show]");

        cut.WaitForAssertion(() => Assert.Contains("\"resourceType\":\"Bundle\"", cut.Find("[data-testid=not-imported-payload]").TextContent, StringComparison.Ordinal),
            LivePageContext.Timeout);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var entry = await db.AdministrationLog.SingleAsync(e => e.Action == AdministrationAction.NationalImportInspected && e.Details.Contains(parked.SourceId), Ct);
        Assert.Contains("Checking why the hospital's message failed", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_open_payloads_and_only_coordinators_and_administrators_see_the_list()
    {
        var parked = await AddAsync(ParkedItem("Bundle/refused-" + Guid.NewGuid().ToString("N")));
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().InspectAsync(coordinator, parked.Id, "curious", Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().ListAsync(nurse, null, 0, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().TryAgainAsync(nurse, parked.Id, Ct));
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.False(await db.AdministrationLog.AnyAsync(e => e.Details.Contains(parked.SourceId), Ct));
        Assert.Equal(ParkedImportState.Parked, (await db.ParkedImports.SingleAsync(p => p.Id == parked.Id, Ct)).State);
    }

    [Fact]
    public async Task The_list_is_filtered_by_service_and_paged()
    {
        var marker = Guid.NewGuid().ToString("N");
        for (var i = 0; i < NotImportedService.PageSize + 2; i++)
            await AddAsync(ParkedImport.Rejected(NationalService.Measurements, $"Observation/{marker}-{i}", "Not valid FHIR R4", "{}", DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(i)));
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);

        var first = await Service().ListAsync(coordinator, NationalService.Measurements, 0, Ct);
        var second = await Service().ListAsync(coordinator, NationalService.Measurements, 1, Ct);

        Assert.True(first.Total >= NotImportedService.PageSize + 2);
        Assert.Equal(NotImportedService.PageSize, first.Rows.Count);
        Assert.All(first.Rows.Concat(second.Rows), r => Assert.Equal(NationalService.Measurements, r.Service));
        Assert.Equal($"Observation/{marker}-{NotImportedService.PageSize + 1}", first.Rows[0].SourceId);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
    }

    private static ParkedImport ParkedItem(string sourceId)
    {
        var item = ParkedImport.Failed(NationalService.HospitalNotifications, sourceId, "The database said no", "{\"resourceType\":\"Bundle\",\"id\":\"x\"}", DateTimeOffset.UtcNow);
        while (item.State != ParkedImportState.Parked)
            item.FailedAgain("The database said no", DateTimeOffset.UtcNow);
        return item;
    }

    private async Task<ParkedImport> AddAsync(ParkedImport item)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        db.ParkedImports.Add(item);
        await db.SaveChangesAsync(Ct);
        return item;
    }

    private async Task<LivePageContext> PageAsync(string userName)
    {
        var page = new LivePageContext(factory, await factory.ActorAsync(userName, Ct));
        page.Services.AddScoped(_ => Service());
        return page;
    }

    private NotImportedService Service() =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CareDbContext>>(), factory.Services.GetRequiredService<TimeProvider>());
}
