using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>The served app's answer from /diagnostics/forced-gc (see src/Web/Diagnostics/ForcedGcDiagnostics.cs).</summary>
internal sealed record ServerMemory(long ManagedBytes, long WorkingSetBytes, long PrivateBytes, int ProcessId);

/// <summary>Memory per idle circuit of one app, in KB.</summary>
internal sealed record IdleResult(string App, int Circuits, double ManagedKb, double ResidentKb, double PrivateKb, string Load);

/// <summary>
/// Memory per idle circuit, in a fresh process: this benchmark starts itself again with <c>--serve</c> (the app alone,
/// with the forced-GC diagnostics switch on) or <c>--serve-bare</c> (the bare app), warms it up with a few circuits,
/// measures after a forced full GC, opens N headless circuits, lets them settle, and measures again.
/// </summary>
internal static class IdleMemory
{
    private const int WarmupCircuits = 7;

    /// <summary>N idle circuits on Jens' <c>/patients/{id}</c> (Overview tab), as the demo viewers in turn.</summary>
    public static async Task<IdleResult> PathwayAsync(int count, string? gcdumpPath)
    {
        using var server = ServedApp.Start("--serve");
        Console.WriteLine($"-- idle memory, app: served on {server.BaseAddress} (process {server.ProcessId}); load {Machine.Load()}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Bench.ChromiumArgs });
        var logins = new LoginStates(browser, server.BaseAddress);
        return await MeasureAsync("CareWorkspace `/patients/{id}`", server, $"patients/{server.PatientId}", "pathway-sections", logins, count, gcdumpPath);
    }

    /// <summary>N idle circuits on the bare app's table page.</summary>
    public static async Task<IdleResult> BareAsync(int count)
    {
        using var server = ServedApp.Start("--serve-bare");
        Console.WriteLine($"-- idle memory, bare app: served on {server.BaseAddress} (process {server.ProcessId}); load {Machine.Load()}");
        return await MeasureAsync("bare MudBlazor app", server, BareApp.PagePath, BareApp.ReadyText, null, count, null);
    }

    private static async Task<IdleResult> MeasureAsync(string app, ServedApp server, string path, string readyText, LoginStates? logins, int count,
        string? gcdumpPath)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        // JIT, EF model, MudBlazor statics and first-use caches belong to the baseline, not to a circuit.
        await using (await CircuitViewers.OpenAsync(server.BaseAddress, path, readyText, WarmupCircuits, logins))
            await Task.Delay(TimeSpan.FromSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await ForcedGcAsync(http);
        Console.WriteLine($"   baseline after {WarmupCircuits} warm-up circuits ended: {Describe(before)}");
        if (gcdumpPath is not null)
            await CollectGcdumpAsync(server.ProcessId, Path.ChangeExtension(gcdumpPath, ".baseline.gcdump"));

        await using var circuits = await CircuitViewers.OpenAsync(server.BaseAddress, path, readyText, count, logins);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await ForcedGcAsync(http);
        Console.WriteLine($"   with {count} idle circuits: {Describe(after)}");
        if (gcdumpPath is not null)
            await CollectGcdumpAsync(server.ProcessId, gcdumpPath);

        var result = new IdleResult(app, count,
            (after.ManagedBytes - before.ManagedBytes) / 1024.0 / count,
            (after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / count,
            (after.PrivateBytes - before.PrivateBytes) / 1024.0 / count,
            Machine.Load());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   per idle circuit: managed {result.ManagedKb:F0} KB, resident {result.ResidentKb:F0} KB, private {result.PrivateKb:F0} KB"));
        return result;
    }

    public static string Table(IReadOnlyList<IdleResult> results)
    {
        var bare = results.FirstOrDefault(r => r.App.StartsWith("bare", StringComparison.Ordinal));
        var lines = new List<string>
        {
            "| App | Idle circuits | Managed per circuit | Resident (RSS) per circuit | Private per circuit | Managed / RSS vs bare app | Load (1 min) after |",
            "|---|---:|---:|---:|---:|---:|---|",
        };
        foreach (var r in results)
        {
            var ratio = bare is null || ReferenceEquals(bare, r) ? "—" : $"{Levels.Ratio(r.ManagedKb, bare.ManagedKb)} / {Levels.Ratio(r.ResidentKb, bare.ResidentKb)}";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {r.App} | {r.Circuits} | {r.ManagedKb:F0} KB | {r.ResidentKb:F0} KB | {r.PrivateKb:F0} KB | {ratio} | {r.Load} |"));
        }
        return string.Join(Environment.NewLine, lines);
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
            WorkingDirectory = Machine.RepositoryRoot() ?? Environment.CurrentDirectory,
        })!;
        await tool.WaitForExitAsync();
        Console.WriteLine(tool.ExitCode == 0 ? $"gcdump written to {output}" : $"dotnet-gcdump failed with exit code {tool.ExitCode}");
    }
}
