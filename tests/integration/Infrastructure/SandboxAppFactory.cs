using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// The app in demo mode whose national-service clients reach its own sandbox over the test server's HTTP handler (the
/// same requests, resilience pipeline and parsing as over the network), with short timeouts and retry delays.
/// </summary>
/// <param name="timeout">
/// The attempt timeout. Over the test server it covers reading the whole answer too, so tests that read full pages of
/// many resources (and never test slowness) give it more room on a loaded machine.
/// </param>
public class SandboxAppFactory(DatabaseProvider provider, string timeout = "00:00:01") : CareAppFactory(provider, new Dictionary<string, string?>
{
    ["NationalServices:SandboxOrigin"] = "http://localhost",
    ["NationalServices:Timeout"] = timeout,
    ["NationalServices:Retries"] = "1",
    ["NationalServices:RetryDelay"] = "00:00:00.010",
})
{
    public SandboxStore Sandbox => Services.GetRequiredService<SandboxStore>();

    public SandboxFaults Faults => Services.GetRequiredService<SandboxFaults>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureHttpClientDefaults(client =>
            client.ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler())));
    }
}

public sealed class SandboxSqliteAppFactory() : SandboxAppFactory(DatabaseProvider.Sqlite);

public sealed class SandboxPostgreSqlAppFactory() : SandboxAppFactory(DatabaseProvider.PostgreSql);

/// <summary>The sandbox app with a 10 s attempt timeout, for tests that read many full pages (the medication sync).</summary>
public sealed class RoomySandboxSqliteAppFactory() : SandboxAppFactory(DatabaseProvider.Sqlite, "00:00:10");

public sealed class RoomySandboxPostgreSqlAppFactory() : SandboxAppFactory(DatabaseProvider.PostgreSql, "00:00:10");
