using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>The served app's answer from /diagnostics/forced-gc (see src/Web/Diagnostics/ForcedGcDiagnostics.cs).</summary>
internal sealed record ServerMemory(long ManagedBytes, long WorkingSetBytes, long PrivateBytes, int ProcessId);

/// <summary>
/// Memory per idle circuit on <c>/patients/{id}</c>, in a fresh process: this benchmark starts itself again with
/// <c>--serve</c> (the app alone, with the forced-GC diagnostics switch on), warms it up with a few circuits, measures
/// after a forced full GC, opens N headless circuits as the demo viewers, lets them settle, and measures again.
/// </summary>
internal static class IdleMemory
{
    private const int WarmupCircuits = 7;
    private const double TargetManagedKb = 350;
    private const double TargetResidentKb = 500;

    public static async Task<int> RunAsync(int count, string? gcdumpPath)
    {
        using var server = ServedApp.Start();
        Console.WriteLine($"Served app on {server.BaseAddress} (process {server.ProcessId}); Jens is {server.PatientId}");
        var path = $"patients/{server.PatientId}";
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Bench.ChromiumArgs });
        var logins = new LoginStates(browser, server.BaseAddress);

        // JIT, EF model, MudBlazor statics and first-use caches belong to the baseline, not to a circuit.
        await using (await CircuitViewers.OpenAsync(server.BaseAddress, path, "pathway-sections", WarmupCircuits, logins))
            await Task.Delay(TimeSpan.FromSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await ForcedGcAsync(http);
        Console.WriteLine($"Baseline after {WarmupCircuits} warm-up circuits ended: {Describe(before)}");
        if (gcdumpPath is not null)
            await CollectGcdumpAsync(server.ProcessId, Path.ChangeExtension(gcdumpPath, ".baseline.gcdump"));

        await using var circuits = await CircuitViewers.OpenAsync(server.BaseAddress, path, "pathway-sections", count, logins);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await ForcedGcAsync(http);
        Console.WriteLine($"With {count} idle circuits: {Describe(after)}");
        Console.WriteLine("JS calls answered with null (all circuits): " + string.Join(", ", HeadlessCircuit.JsCalls.Select(c => $"{c.Key} x{c.Value}")));
        if (gcdumpPath is not null)
            await CollectGcdumpAsync(server.ProcessId, gcdumpPath);

        var managedKb = (after.ManagedBytes - before.ManagedBytes) / 1024.0 / count;
        var residentKb = (after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / count;
        var privateKb = (after.PrivateBytes - before.PrivateBytes) / 1024.0 / count;
        var managedMet = managedKb <= TargetManagedKb;
        var residentMet = residentKb <= TargetResidentKb;
        Console.WriteLine();
        Console.WriteLine("| Idle circuits | Managed per circuit | Resident (RSS) per circuit | Private per circuit | Load avg (1 min) |");
        Console.WriteLine("|---:|---:|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {managedKb:F0} KB | {residentKb:F0} KB | {privateKb:F0} KB | {Bench.Load()} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target managed <= {TargetManagedKb} KB per idle circuit: {(managedMet ? "MET" : "NOT MET")} ({managedKb:F0} KB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target resident <= {TargetResidentKb} KB per idle circuit: {(residentMet ? "MET" : "NOT MET")} ({residentKb:F0} KB)"));
        return managedMet && residentMet ? 0 : 1;
    }

    private static async Task<ServerMemory> ForcedGcAsync(HttpClient http)
    {
        using var response = await http.PostAsync("diagnostics/forced-gc", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ServerMemory>() ?? throw new InvalidOperationException("Empty answer from the forced GC.");
    }

    private static string Describe(ServerMemory m) => string.Create(CultureInfo.InvariantCulture,
        $"managed {m.ManagedBytes / 1048576.0:F1} MiB, resident {m.WorkingSetBytes / 1048576.0:F1} MiB, private {m.PrivateBytes / 1048576.0:F1} MiB");

    /// <summary>A heap snapshot of the served app (baseline, then with the circuits open) (<c>dotnet tool restore</c> first); read it with <c>dotnet-gcdump report</c>.</summary>
    private static async Task CollectGcdumpAsync(int processId, string output)
    {
        using var tool = Process.Start(new ProcessStartInfo("dotnet", $"tool run dotnet-gcdump collect -p {processId} -o \"{Path.GetFullPath(output)}\"")
        {
            WorkingDirectory = Bench.RepositoryRoot() ?? Environment.CurrentDirectory,
        })!;
        await tool.WaitForExitAsync();
        Console.WriteLine(tool.ExitCode == 0 ? $"gcdump written to {output}" : $"dotnet-gcdump failed with exit code {tool.ExitCode}");
    }
}

/// <summary>This benchmark, started again with <c>--serve</c>: the app alone in its own process, so its memory is only the app's.</summary>
internal sealed class ServedApp : IDisposable
{
    private readonly Process process;

    private ServedApp(Process process, Uri baseAddress, Guid patientId)
    {
        this.process = process;
        BaseAddress = baseAddress;
        PatientId = patientId;
    }

    public const string ReadyLine = "SERVING ";

    public Uri BaseAddress { get; }

    public Guid PatientId { get; }

    public int ProcessId => process.Id;

    public static ServedApp Start()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var arguments = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? $"\"{typeof(ServedApp).Assembly.Location}\" --serve"
            : "--serve";
        var process = Process.Start(new ProcessStartInfo(self, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        })!;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (!line.StartsWith(ReadyLine, StringComparison.Ordinal))
                continue;
            var parts = line[ReadyLine.Length..].Split(' ');
            _ = process.StandardOutput.ReadToEndAsync();
            return new ServedApp(process, new Uri(parts[0]), Guid.Parse(parts[1]));
        }
        throw new InvalidOperationException("The served app ended before it was ready.");
    }

    /// <summary>The <c>--serve</c> side: start the app, say where it is, run until the parent closes stdin.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var app = await BenchApp.StartAsync(forcedGc: true);
        var editor = await Editor.CreateAsync(app.Services);
        Console.WriteLine($"{ReadyLine}{app.BaseAddress} {editor.PatientId}");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            process.Kill();
        process.Dispose();
    }
}
