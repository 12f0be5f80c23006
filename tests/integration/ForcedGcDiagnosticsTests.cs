using System.Net;
using System.Net.Http.Json;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The forced-GC endpoint the memory benchmark uses stalls every circuit while it runs: it exists only when an
/// operator turns Diagnostics:ForcedGc on, and never in Production even then.
/// </summary>
public sealed class ForcedGcDiagnosticsTests
{
    private static readonly HttpStatusCode[] NotThere = [HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task By_default_the_endpoint_does_not_exist()
    {
        await using var factory = HostIn("Development", forcedGc: null);
        using var client = factory.CreateClient();

        Assert.False(HasForcedGcEndpoint(factory));
        using var response = await client.PostAsync(ForcedGcDiagnostics.Path, null, Ct);
        // Nothing answers a POST there: the router's own 404 or 405 (a GET-only page route), never a collection.
        Assert.Contains(response.StatusCode, NotThere);
    }

    [Fact]
    public async Task In_Production_the_switch_is_ignored()
    {
        await using var factory = HostIn("Production", forcedGc: "true");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://care.example.org"),
            AllowAutoRedirect = false,
        });

        Assert.False(HasForcedGcEndpoint(factory));
        using var response = await client.PostAsync(ForcedGcDiagnostics.Path, null, Ct);
        // Nothing answers a POST there: the router's own 404 or 405 (a GET-only page route), never a collection.
        Assert.Contains(response.StatusCode, NotThere);
    }

    [Fact]
    public async Task Switched_on_outside_Production_it_collects_and_reports_the_memory()
    {
        await using var factory = HostIn("Development", forcedGc: "true");
        using var client = factory.CreateClient();

        Assert.True(HasForcedGcEndpoint(factory));
        using var response = await client.PostAsync(ForcedGcDiagnostics.Path, null, Ct);
        response.EnsureSuccessStatusCode();
        var memory = await response.Content.ReadFromJsonAsync<MemoryAfterFullCollection>(Ct);
        Assert.NotNull(memory);
        Assert.True(memory.ManagedBytes > 0);
        Assert.True(memory.WorkingSetBytes > memory.ManagedBytes);
        Assert.Equal(Environment.ProcessId, memory.ProcessId);
    }

    private static bool HasForcedGcEndpoint(CareAppFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Any(e => string.Equals("/" + e.RoutePattern.RawText?.TrimStart('/'), ForcedGcDiagnostics.Path, StringComparison.OrdinalIgnoreCase));

    private static CareAppFactory HostIn(string environment, string? forcedGc) =>
        new(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = environment,
            [ForcedGcDiagnostics.Setting] = forcedGc,
        });
}
