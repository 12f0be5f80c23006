using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareWorkspace.Benchmarks;

/// <summary>The app as the benchmarks host it: demo data on the chosen database, no job server, quiet logs.</summary>
internal class BenchFactory(DatabaseProvider provider, string connection, string folder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:DataFolder", folder);
        builder.UseSetting("ConnectionStrings:Care", connection);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
