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

/// <summary>The sandbox app for runs that make many requests (one per patient): a slow moment on a busy machine is not a timeout.</summary>
public sealed class PatientSandboxSqliteAppFactory() : SandboxAppFactory(DatabaseProvider.Sqlite, "00:00:10");

/// <inheritdoc cref="PatientSandboxSqliteAppFactory"/>
public sealed class PatientSandboxPostgreSqlAppFactory() : SandboxAppFactory(DatabaseProvider.PostgreSql, "00:00:10");
