using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;

namespace CareWorkspace.IntegrationTests.NationalSync.Interop;

/// <summary>
/// Medplum's in-memory FHIR R4 server (<c>tests/interop/medplum/server.js</c>, npm packages <c>@medplum/fhir-router</c>
/// and <c>@medplum/core</c>) run by Node on a free loopback port for the duration of a test class. The packages are
/// installed from the npm registry (<c>npm ci</c>, from the committed lock file) the first time.
/// </summary>
public sealed class MedplumServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private Process? node;
    private string? linkBase;

    /// <summary>
    /// A server that writes its next links under <paramref name="linkBase"/> (as Medplum's server writes them from its
    /// configured base URL), whatever address it was reached at.
    /// </summary>
    public static MedplumServer WritingLinksUnder(Uri linkBase) => new() { linkBase = linkBase.ToString().TrimEnd('/') };

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>When Medplum stamped each resource loaded ("Type/id" → its <c>meta.lastUpdated</c> as Medplum answered the load).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> LastUpdated { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "interop", "medplum");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@medplum", "fhir-router")))
            await RunAsync("npm", "ci --no-audit --no-fund", folder, TimeSpan.FromMinutes(5));

        node = Start("node", linkBase is null ? "server.js 0" : $"server.js 0 {linkBase}", folder);
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                BaseUrl = new Uri($"http://127.0.0.1:{int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture)}/fhir/");
                return;
            }
        }
        throw new InvalidOperationException("Medplum's server stopped before it listened: " + await node.StandardError.ReadToEndAsync(timeout.Token));
    }

    /// <summary>Loads resources into Medplum through its FHIR API (<c>PUT {type}/{id}</c>, keeping the ids); returns how many.</summary>
    public async Task<int> LoadAsync(IEnumerable<SandboxResource> resources, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
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

    public async ValueTask DisposeAsync()
    {
        if (node is null)
            return;
        node.StandardInput.Close(); // the server exits when its input ends
        if (!node.WaitForExit(TimeSpan.FromSeconds(5)))
            node.Kill(entireProcessTree: true);
        await node.WaitForExitAsync();
        node.Dispose();
    }

    private static Process Start(string program, string arguments, string folder)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"The interoperability test needs Node.js 20 or later ({program} was not found; scripts/services.sh installs it).", ex);
        }
    }

    private static async Task RunAsync(string program, string arguments, string folder, TimeSpan timeout)
    {
        using var process = Start(program, arguments, folder);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var errors = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output}{await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CareWorkspace.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("The repository root (CareWorkspace.sln) was not found above " + AppContext.BaseDirectory);
    }
}
