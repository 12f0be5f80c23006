using System.Diagnostics;

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

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "interop", "medplum");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@medplum", "fhir-router")))
            await RunAsync("npm", "ci --no-audit --no-fund", folder, TimeSpan.FromMinutes(5));

        node = Start("node", "server.js 0", folder);
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
