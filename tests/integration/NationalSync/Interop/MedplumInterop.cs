using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.NationalSync.Interop;

/// <summary>
/// For one test class: Medplum's FHIR server (<see cref="MedplumServer"/>) and the app on a fresh database with every
/// national service's base URL pointing at it over the network, in pages of two so that each sync follows next links.
/// Each service reads its own resource types, so one Medplum server holds them all.
/// </summary>
public abstract class MedplumInterop(DatabaseProvider provider) : IAsyncLifetime
{
    public MedplumServer Medplum { get; } = new();

    public CareAppFactory App { get; private set; } = null!;

    /// <summary>When Medplum stamped each resource loaded ("Type/id" → its <c>meta.lastUpdated</c> as Medplum answered the load).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> LastUpdated { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        await Medplum.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["NationalServices:PageSize"] = "2",
            ["NationalServices:Timeout"] = "00:00:10",
        };
        foreach (var service in Enum.GetValues<NationalService>())
            settings[$"NationalServices:{service}:BaseUrl"] = Medplum.BaseUrl.ToString();
        App = new CareAppFactory(provider, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
        await Medplum.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Loads resources into Medplum through its FHIR API (<c>PUT {type}/{id}</c>, keeping the ids); returns how many.</summary>
    public async Task<int> LoadAsync(IEnumerable<SandboxResource> resources, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Medplum.BaseUrl };
        var count = 0;
        foreach (var resource in resources)
        {
            using var content = new StringContent(resource.Json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
            using var answer = await http.PutAsync($"{resource.Type}/{resource.Id}", content, ct);
            var body = await answer.Content.ReadAsStringAsync(ct);
            Assert.True(answer.IsSuccessStatusCode, $"Medplum refused {resource.Type}/{resource.Id}: {body}");
            var stamped = JsonNode.Parse(body)!["meta"]!["lastUpdated"]!.GetValue<string>();
            LastUpdated[$"{resource.Type}/{resource.Id}"] = DateTimeOffset.Parse(stamped, CultureInfo.InvariantCulture);
            count++;
        }
        return count;
    }
}

public sealed class MedplumSqliteInterop() : MedplumInterop(DatabaseProvider.Sqlite);

public sealed class MedplumPostgreSqlInterop() : MedplumInterop(DatabaseProvider.PostgreSql);
