using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// The real app on a free loopback port, started exactly like tests/e2e/AppFixture.cs does:
/// Kestrel, SQLite in a fresh temp folder, demo data on, Development environment.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private readonly string dataFolder;
    private readonly CareWorkspaceFactory factory;

    private BenchApp(string dataFolder, CareWorkspaceFactory factory, Uri baseAddress)
    {
        this.dataFolder = dataFolder;
        this.factory = factory;
        BaseAddress = baseAddress;
    }

    /// <summary>The app's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's root service provider (same process: the editor calls the app's services directly).</summary>
    public IServiceProvider Services => factory.Services;

    /// <param name="forcedGc">Maps the app's opt-in forced-GC diagnostics endpoint (the idle-circuit memory mode).</param>
    /// <param name="settings">Overrides, e.g. PostgreSQL and Redis for the two-instance level.</param>
    public static async Task<BenchApp> StartAsync(bool forcedGc = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "careworkspace-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        // WebApplicationFactory finds the app's content root (src/Web) through MvcTestingAppManifest.json in the
        // current directory, as under a test runner; `dotnet run` starts in the repository root instead.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var factory = new CareWorkspaceFactory(dataFolder, forcedGc, settings ?? new Dictionary<string, string>());
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = ReadServerAddress(factory.Services);
        await WaitUntilAliveAsync(baseAddress);
        return new BenchApp(dataFolder, factory, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; the temp folder is harmless.
        }
    }

    private static Uri ReadServerAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server exposes no IServerAddressesFeature.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Kestrel reports no http address (got: {string.Join(", ", addresses)}).");
        // Kestrel may report a wildcard or 'localhost'; browsers and clients use the loopback address.
        return new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri;
    }

    private static async Task WaitUntilAliveAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("alive");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"The app at {baseAddress} did not answer /alive within 60 s.");
            await Task.Delay(250);
        }
    }

    private sealed class CareWorkspaceFactory(string dataFolder, bool forcedGc, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataFolder", dataFolder);
            builder.UseSetting("ConnectionStrings:Care", "");
            builder.UseSetting("Demo:Enabled", "true");
            if (forcedGc)
            {
                builder.UseSetting("Diagnostics:ForcedGc", "true");
                // The idle-circuit mode reads the served process' stdout; a log line per request would bury it.
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
            }
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        }
    }
}
