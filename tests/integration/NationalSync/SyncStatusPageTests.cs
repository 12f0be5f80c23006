using Bunit;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.NationalSync;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>The /sync page on the real services, database and sandbox (bunit): status per service, Sync now, a failure explained.</summary>
public sealed class SyncStatusPageTests(SandboxSqliteAppFactory factory) : IClassFixture<SandboxSqliteAppFactory>, IDisposable
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public void Dispose() => factory.Faults.ClearAll();

    [Fact]
    public async Task Sync_now_imports_a_new_discharge_and_the_row_shows_the_run()
    {
        var id = "page-" + Guid.NewGuid().ToString("N");
        var dischargedAt = new DateTimeOffset(DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow.Month, DateTimeOffset.UtcNow.Day, 6, 0, 0, TimeSpan.Zero);
        factory.Sandbox.Place(NationalService.HospitalNotifications, SandboxMessages.HospitalNotification(id, DemoDataSeeder.JensCpr, "Jensen",
            DemoOrganisations.HospitalSor, SandboxSeed.HospitalName, DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, dischargedAt.AddDays(-4), dischargedAt),
            DemoDataSeeder.JensCpr);
        await using var page = await PageAsync("coordinator.dahl");

        var cut = page.Render<SyncStatusPage>();
        cut.WaitForAssertion(() => Assert.Equal(Enum.GetValues<NationalService>().Length, cut.FindAll("[data-testid=sync-status] tbody tr").Count), LivePageContext.Timeout);
        Assert.Contains("Never", cut.Find("[data-testid=sync-HospitalNotifications]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Sync now: Organisation register (SOR)", cut.Find("[data-testid=sync-Organisation] button").GetAttribute("aria-label"));

        await cut.ClickNowAsync("[data-testid=sync-HospitalNotifications] button");

        cut.WaitForAssertion(() => Assert.Contains("Hospital notifications synced:", cut.Find("[data-testid=sync-outcome]").TextContent, StringComparison.Ordinal),
            LivePageContext.Timeout);
        Assert.DoesNotContain("Never", cut.Find("[data-testid=sync-HospitalNotifications]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Sync now: Hospital notifications", cut.Find("[data-testid=sync-HospitalNotifications] button").GetAttribute("aria-label"));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        Assert.True(await db.PathwayEvents.AnyAsync(e => e.PatientId == jensId && e.Kind == PathwayEventKind.Discharged && e.At == dischargedAt, Ct));
    }

    [Fact]
    public async Task Sync_now_on_the_medication_record_imports_Jens_medications()
    {
        await using var page = await PageAsync("coordinator.dahl");
        var cut = page.Render<SyncStatusPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=sync-Medication] button")), LivePageContext.Timeout);

        await cut.ClickNowAsync("[data-testid=sync-Medication] button");

        cut.WaitForAssertion(() => Assert.Contains("Shared medication record synced:", cut.Find("[data-testid=sync-outcome]").TextContent, StringComparison.Ordinal),
            LivePageContext.Timeout);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        Assert.True(await db.MedicationEntries.AnyAsync(m => m.PatientId == jensId && m.AtcCode == "R03BB04", Ct));
    }

    [Fact]
    public async Task A_failing_service_is_explained_and_the_page_keeps_working()
    {
        factory.Faults.Set(NationalService.HospitalNotifications, SandboxFault.ServerError);
        await using var page = await PageAsync("admin");
        var cut = page.Render<SyncStatusPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=sync-HospitalNotifications] button")), LivePageContext.Timeout);

        await cut.ClickNowAsync("[data-testid=sync-HospitalNotifications] button");

        cut.WaitForAssertion(() => Assert.Contains("Hospital notifications could not be synced: HospitalNotifications: answered HTTP 500",
            cut.Find("[data-testid=sync-outcome]").TextContent, StringComparison.Ordinal), LivePageContext.Timeout);
        Assert.Contains("answered HTTP 500", cut.Find("[data-testid=sync-HospitalNotifications]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=sync-HospitalNotifications] button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_run_going_on_elsewhere_shows_its_progress_until_it_ends()
    {
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await ChangeStateAsync(NationalService.Organisation, s => { s.Started(now); s.Progressed(new SyncCounts(200, 190, 6, 4)); });
        await using var page = await PageAsync("coordinator.dahl");

        var cut = page.Render<SyncStatusPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=sync-running-Organisation]")), LivePageContext.Timeout);
        Assert.Contains("Running: 200 read so far", cut.Find("[data-testid=sync-Organisation]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=sync-running-Person]"));

        await ChangeStateAsync(NationalService.Organisation, s => s.Succeeded(now.AddSeconds(1), null, new SyncCounts(250, 240, 6, 4)));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=sync-running-Organisation]")), LivePageContext.Timeout);
        Assert.Contains("240", cut.Find("[data-testid=sync-Organisation]").TextContent, StringComparison.Ordinal);
    }

    private async Task ChangeStateAsync(NationalService service, Action<SyncState> change)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var state = await db.SyncStates.SingleOrDefaultAsync(s => s.Service == service, Ct);
        if (state is null)
        {
            state = new SyncState(service);
            db.SyncStates.Add(state);
        }
        change(state);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Someone_who_is_neither_coordinator_nor_administrator_is_refused_by_the_service()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().StatusAsync(nurse, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service().SyncNowAsync(nurse, NationalService.HospitalNotifications, Ct));
    }

    private async Task<LivePageContext> PageAsync(string userName)
    {
        var page = new LivePageContext(factory, await factory.ActorAsync(userName, Ct));
        page.Services.AddScoped(_ => Service());
        return page;
    }

    private SyncStatusService Service() =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CareDbContext>>(), factory.Services.GetRequiredService<NationalServicesSettings>(),
            factory.Services.GetRequiredService<JobStorage>(), factory.Services, factory.Services.GetRequiredService<TimeProvider>());
}
