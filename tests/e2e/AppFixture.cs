using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Starts the real app on a free loopback port (Kestrel, SQLite in a fresh temp folder, demo data on)
/// and one headless Debian Chromium, shared by every test in the <see cref="AppCollection"/>.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "careworkspace-e2e-" + Guid.NewGuid().ToString("N"));
    private CareWorkspaceFactory? factory;
    private IPlaywright? playwright;

    /// <summary>The app's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The running app's services (used only to look up ids of demo data, never to change it).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>tests/e2e/artifacts: screenshots of every test, and of failures.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "e2e", "artifacts");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataFolder);
        Directory.CreateDirectory(ArtifactsFolder);

        factory = new CareWorkspaceFactory(dataFolder);
        factory.UseKestrel(0);
        factory.StartServer();
        BaseAddress = ReadServerAddress(factory.Services);

        await WaitUntilAliveAsync(BaseAddress);

        // Slow shared machine: give Playwright's auto-retrying assertions more room than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh, isolated browser context (own cookies) for one user in one test, in English: the tests assert English
    /// texts, so the context carries the language cookie a person gets by choosing English.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync() => NewContextAsync(locale: "en-GB", languageCookie: "en-GB");

    /// <summary>
    /// A fresh context whose browser prefers <paramref name="locale"/> (Accept-Language) and, unless null, has the
    /// language cookie set to <paramref name="languageCookie"/> (any text, also an unknown culture).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string locale, string? languageCookie)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = locale,
        });
        if (languageCookie is not null)
        {
            await context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture",
                Value = $"c={languageCookie}|uic={languageCookie}",
                Url = BaseAddress.ToString(),
            }]);
        }
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null)
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
        // Kestrel may report a wildcard or 'localhost'; the browser should use the loopback address.
        var uri = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" };
        return uri.Uri;
    }

    private static async Task WaitUntilAliveAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("alive", ct);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"The app at {baseAddress} did not answer /alive within 60 s.");
            await Task.Delay(250, ct);
        }
    }

    private sealed class CareWorkspaceFactory(string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataFolder", dataFolder);
            builder.UseSetting("ConnectionStrings:Care", "");
            builder.UseSetting("Demo:Enabled", "true");
            // Every test signs in from 127.0.0.1; the login limits are proven by the integration tests.
            builder.UseSetting("Security:LoginRateLimit:PerIpPermitLimit", "100000");
            builder.UseSetting("Security:LoginRateLimit:PerUserNamePermitLimit", "100000");
            // Jens' demo calendar holds a GP follow-up, so the follow-up check (every 5 minutes) closes a discharge task a
            // test has just created, at a moment no test controls. Its behaviour is proven by the integration tests.
            builder.UseSetting("FollowUp:Schedule", "0 0 31 2 *");
        }
    }
}

/// <summary>All browser tests share one app and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}

/// <summary>Finds the repository root (the folder holding CareWorkspace.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CareWorkspace.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"CareWorkspace.sln not found above {AppContext.BaseDirectory}.");
    }
}
