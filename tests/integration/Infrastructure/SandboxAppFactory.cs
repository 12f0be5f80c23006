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
public class SandboxAppFactory(DatabaseProvider provider) : CareAppFactory(provider, new Dictionary<string, string?>
{
    ["NationalServices:SandboxOrigin"] = "http://localhost",
    ["NationalServices:Timeout"] = "00:00:01",
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
