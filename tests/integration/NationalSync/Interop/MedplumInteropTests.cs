using System.Net.Http.Headers;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.NationalSync.Interop;

/// <summary>
/// Interoperability with a FHIR server not written here: the sandbox's hospital notifications are loaded into Medplum's
/// server through its FHIR API, and the same sync job, pointed at Medplum over the network (pages of two, so it follows
/// Medplum's next links), imports the same result as from the sandbox: the same items, timeline entries and GP tasks.
/// </summary>
public sealed class MedplumInteropTests(MedplumServer medplum, SandboxSqliteAppFactory sandbox)
    : IClassFixture<MedplumServer>, IClassFixture<SandboxSqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_hospital_notification_sync_imports_the_same_from_Medplum_as_from_the_sandbox()
    {
        var now = DateTimeOffset.UtcNow;
        var dischargedAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-2);
        sandbox.Sandbox.Place(NationalService.HospitalNotifications, SandboxMessages.HospitalNotification("interop-stay", DemoDataSeeder.JensCpr, "Jensen",
            DemoOrganisations.HospitalSor, SandboxSeed.HospitalName, DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, dischargedAt.AddDays(-3), dischargedAt),
            DemoDataSeeder.JensCpr);
        var loaded = await LoadIntoMedplumAsync(sandbox.Sandbox.All(NationalService.HospitalNotifications, "Bundle"));
        await using var viaMedplum = new CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["NationalServices:HospitalNotifications:BaseUrl"] = medplum.BaseUrl.ToString(),
            ["NationalServices:PageSize"] = "2",
            ["NationalServices:Timeout"] = "00:00:10",
        });

        var fromSandbox = await SyncAndReadAsync(sandbox);
        var fromMedplum = await SyncAndReadAsync(viaMedplum);

        Assert.True(loaded > 2, "more than one page of messages in Medplum");
        Assert.Contains(fromMedplum.Items, i => i == "Bundle/interop-stay");
        Assert.Contains(fromMedplum.Events, e => e.StartsWith($"{DemoDataSeeder.JensCpr} {PathwayEventKind.Discharged} {dischargedAt:O}", StringComparison.Ordinal));
        Assert.Equal(fromSandbox.Items, fromMedplum.Items);
        Assert.Equal(fromSandbox.Events, fromMedplum.Events);
        Assert.Equal(fromSandbox.FollowUps, fromMedplum.FollowUps);
        Assert.Equal(0, (await RunAsync(viaMedplum)).Imported);
    }

    private async Task<int> LoadIntoMedplumAsync(IEnumerable<SandboxResource> bundles)
    {
        using var http = new HttpClient { BaseAddress = medplum.BaseUrl };
        var count = 0;
        foreach (var bundle in bundles)
        {
            using var content = new StringContent(bundle.Json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
            using var answer = await http.PutAsync($"Bundle/{bundle.Id}", content, Ct);
            Assert.True(answer.IsSuccessStatusCode, $"Medplum refused Bundle/{bundle.Id}: {await answer.Content.ReadAsStringAsync(Ct)}");
            count++;
        }
        return count;
    }

    private sealed record Imported(IReadOnlyList<string> Items, IReadOnlyList<string> Events, IReadOnlyList<string> FollowUps);

    private static async Task<Imported> SyncAndReadAsync(CareAppFactory app)
    {
        var counts = await RunAsync(app);
        Assert.True(counts.Imported > 0, "the run imported something");
        Assert.Equal(0, counts.Rejected);
        await using var db = await app.CreateDbContextAsync(Ct);
        var cprs = await db.Patients.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Cpr.Value, Ct);
        var items = await db.ImportedItems.AsNoTracking().Where(i => i.Service == NationalService.HospitalNotifications).Select(i => i.SourceId).ToListAsync(Ct);
        var events = await db.PathwayEvents.AsNoTracking().Where(e => e.Kind == PathwayEventKind.Admitted || e.Kind == PathwayEventKind.Discharged).ToListAsync(Ct);
        var tasks = await db.FollowUpTasks.AsNoTracking().ToListAsync(Ct);
        return new Imported(
            [.. items.Order(StringComparer.Ordinal)],
            [.. events.Select(e => $"{cprs[e.PatientId]} {e.Kind} {e.At.ToUniversalTime():O} {e.SourceOrganisationName}").Order(StringComparer.Ordinal)],
            [.. tasks.Select(t => $"{cprs[t.PatientId]} {t.DischargedAt.ToUniversalTime():O} {t.DueBy:O}").Order(StringComparer.Ordinal)]);
    }

    private static async Task<SyncCounts> RunAsync(CareAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HospitalNotificationSyncJob>().RunAsync(Ct);
    }
}
