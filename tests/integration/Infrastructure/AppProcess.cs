using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// One run of the app (a process) over a <see cref="LastingDatabase"/>, reaching national services that run elsewhere
/// (another app's sandbox, over its test server, which outlives this process) with small pages. Disposing it is the
/// process stopping; a new one over the same database is the restart. A <see cref="SyncStopPoint"/>, when given, sees
/// its requests to the national services and its database commits.
/// </summary>
public sealed class AppProcess(DatabaseProvider provider, LastingDatabase database, CareAppFactory national, SyncStopPoint? stop = null)
    : CareAppFactory(provider, new Dictionary<string, string?>(database.Settings)
    {
        ["NationalServices:SandboxOrigin"] = "http://localhost",
        ["NationalServices:Timeout"] = "00:00:10",
        ["NationalServices:Retries"] = "1",
        ["NationalServices:RetryDelay"] = "00:00:00.010",
        ["NationalServices:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
{
    /// <summary>How many resources a page of a national search holds here.</summary>
    public const int PageSize = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() =>
            {
                var service = national.Server.CreateHandler();
                if (stop is null)
                    return service;
                var hook = stop.Requests();
                hook.InnerHandler = service;
                return hook;
            }));
            if (stop is not null)
                services.ConfigureDbContext<CareDbContext>(o => o.AddInterceptors(stop.Commits()));
        });
    }
}
