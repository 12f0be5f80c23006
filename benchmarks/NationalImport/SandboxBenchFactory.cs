using CareWorkspace.Benchmarks;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.NationalImportBenchmark;

/// <summary>
/// The app as the benchmarks host it (demo data, no job server, quiet logs; see BenchFactory) whose national-service
/// clients reach its own sandbox over the test server's HTTP handler, as the sandbox integration tests do. The attempt
/// timeout is generous: a page of 500 resources is read and parsed while other engineers build on the same 2 cores.
/// </summary>
internal sealed class SandboxBenchFactory(DatabaseProvider provider, string connection, string folder) : BenchFactory(provider, connection, folder)
{
    public const int PageSize = 500;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NationalServices:SandboxOrigin", "http://localhost");
        builder.UseSetting("NationalServices:Timeout", "00:02:00");
        builder.UseSetting("NationalServices:Retries", "1");
        builder.UseSetting("NationalServices:RetryDelay", "00:00:01");
        // The sandbox serves at most 500 a page (SandboxSearch.MaxCount).
        builder.UseSetting("NationalServices:PageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.ConfigureHttpClientDefaults(client =>
            client.ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler())));
    }
}
