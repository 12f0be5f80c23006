using System.Globalization;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// Edit-to-visible latency: an edit committed through the app's own service, until the DOM of every other
/// viewer shows it. Usage (see docs/benchmarks.md):
/// <c>dotnet run -c Release --project benchmarks/PathwayLatency -- --edits 50 --viewers 1,5,10 [--circuits 100]</c>
/// </summary>
internal static class Bench
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--serve"])
            return await ServedApp.ServeAsync();
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        if (options.IdleCircuits > 0)
        {
            Console.WriteLine($"PathwayLatency: memory per idle circuit, {options.IdleCircuits} headless circuits; load {Load()}; repository HEAD now {SourceVersion()}");
            return await IdleMemory.RunAsync(options.IdleCircuits, options.Gcdump);
        }

        Console.WriteLine($"PathwayLatency: {options.Edits} edits per level (+{options.Warmup} warm-up), viewers {string.Join(",", options.Viewers)}"
            + (options.Circuits > 0 ? $", {options.Circuits} headless circuits" : "")
            + $", timeout {options.TimeoutMs} ms, gap {options.GapMs} ms; load {Load()}");

        await using var app = await BenchApp.StartAsync();
        Console.WriteLine($"App on {app.BaseAddress}; repository HEAD now {SourceVersion()} (the build may be older)");
        var editor = await Editor.CreateAsync(app.Services);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        var logins = new LoginStates(browser, app.BaseAddress);

        var notifier = app.Services.GetRequiredService<IPathwayNotifier>();
        var idleSubscriptions = notifier.SubscriptionCount;
        var results = new List<LevelResult>();
        foreach (var count in options.Viewers)
        {
            await using (var viewers = await BrowserViewers.OpenAsync(browser, app.BaseAddress, editor.PatientId, count, logins))
                results.Add(await RunLevelAsync(editor, viewers, notifier, options));
            await WaitForIdleAsync(notifier, idleSubscriptions);
        }
        if (options.Circuits > 0)
        {
            await using (var circuits = await CircuitViewers.OpenAsync(app.BaseAddress, editor.PatientId, options.Circuits, logins))
            {
                if (options.Verbose)
                    Console.WriteLine("   JS calls answered with null: " + string.Join(", ", HeadlessCircuit.JsCalls.Select(c => $"{c.Key} x{c.Value}")));
                results.Add(await RunLevelAsync(editor, circuits, notifier, options));
            }
            await WaitForIdleAsync(notifier, idleSubscriptions);
        }

        var reload = await editor.MeasureViewerReloadAsync("nurse.holm", 50);
        Console.WriteLine();
        Console.WriteLine(Table(results));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"One viewer's re-load on the server (CareTeamService.GetAsync as nurse.holm, 50 in a row, no viewers open): p50 {reload.P50:F1} ms, p95 {reload.P95:F1} ms"));
        var met = results.Where(r => r.Kind == "Chromium").All(r => r.Misses == 0 && r.Latency.P50 <= 100 && r.Latency.P95 <= 250);
        Console.WriteLine($"Targets (Chromium viewers, loopback: p50 <= 100 ms, p95 <= 250 ms, no misses): {(met ? "MET" : "NOT MET")}");
        return 0;
    }

    /// <summary>Until the previous level's circuits have ended and dropped their subscriptions (or 30 s passed).</summary>
    private static async Task WaitForIdleAsync(IPathwayNotifier notifier, int idleSubscriptions)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (notifier.SubscriptionCount > idleSubscriptions && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        if (notifier.SubscriptionCount > idleSubscriptions)
            Console.WriteLine($"   warning: {notifier.SubscriptionCount - idleSubscriptions} subscriptions of ended viewers are still live");
    }

    private static async Task<LevelResult> RunLevelAsync(Editor editor, IViewerGroup viewers, IPathwayNotifier notifier, Options options)
    {
        Console.WriteLine($"-- {viewers.Count} {viewers.Kind} viewer(s) ready, {notifier.SubscriptionCount} notifier subscriptions; load {Load()}");
        var loads = new List<double>();
        var latencies = new List<double>();
        var lastViewer = new List<double>();
        var service = new List<double>();
        var misses = 0;
        for (var i = -options.Warmup; i < options.Edits; i++)
        {
            loads.Add(LoadValue());
            var commit = await editor.EditAsync();
            var seen = await viewers.WaitForAsync(commit.Marker, options.TimeoutMs);
            if (i >= 0)
            {
                service.Add(commit.ServiceMs);
                var perViewer = seen.Where(s => s is not null).Select(s => (double)(s!.Value - commit.CommittedAtUnixMs)).ToList();
                latencies.AddRange(perViewer);
                misses += seen.Count(s => s is null);
                if (perViewer.Count == seen.Length)
                    lastViewer.Add(perViewer.Max());
            }
            if (options.Verbose)
            {
                var shown = string.Join(" ", seen.Select(s => s is { } v ? (v - commit.CommittedAtUnixMs).ToString(CultureInfo.InvariantCulture) : "miss"));
                Console.WriteLine($"   {commit.Marker}: service {commit.ServiceMs:F1} ms; seen after {shown}");
            }
            await Task.Delay(options.GapMs);
        }
        var result = new LevelResult(viewers.Kind, viewers.Count, options.Edits, new Stats(latencies), new Stats(lastViewer), misses,
            new Stats(service), new Stats(loads));
        Console.WriteLine($"   {result.Viewers} {result.Kind}: p50 {result.Latency.P50:F0} ms, p95 {result.Latency.P95:F0} ms, max {result.Latency.Max:F0} ms, "
            + $"misses {result.Misses}/{options.Edits * viewers.Count}; last viewer p50 {result.AllViewers.P50:F0} ms, p95 {result.AllViewers.P95:F0} ms; "
            + $"service call p50 {result.Service.P50:F1} ms, p95 {result.Service.P95:F1} ms; load {result.Load.Min:F1}–{result.Load.Max:F1}");
        return result;
    }

    private static string Table(IReadOnlyList<LevelResult> results)
    {
        var lines = new List<string>
        {
            "| Viewers | Edits | Samples | p50 | p95 | max | Misses | Last viewer p50 / p95 | Service call p50 / p95 | Load avg (1 min) during |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        };
        foreach (var r in results)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Viewers} {r.Kind} | {r.Edits} | {r.Latency.Count} | {r.Latency.P50:F0} ms | {r.Latency.P95:F0} ms | {r.Latency.Max:F0} ms | {r.Misses} | "
                + $"{r.AllViewers.P50:F0} / {r.AllViewers.P95:F0} ms | {r.Service.P50:F1} / {r.Service.P95:F1} ms | {r.Load.Min:F1}–{r.Load.Max:F1} |"));
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The commit the app was built from, and whether src/ had uncommitted changes (others share this tree).</summary>
    private static string SourceVersion()
    {
        try
        {
            if (RepositoryRoot() is not { } root)
                return "unknown";
            var commit = Git(root, "rev-parse --short HEAD");
            var dirty = Git(root, "status --porcelain -- src db").Length > 0;
            return commit + (dirty ? " (src/db with uncommitted changes)" : "");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }

    /// <summary>The folder holding CareWorkspace.sln, above the build output.</summary>
    public static string? RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CareWorkspace.sln")))
            root = root.Parent;
        return root?.FullName;
    }

    private static string Git(string repository, string arguments)
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", $"-C \"{repository}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }

    /// <summary>The 1-minute load average: other engineers' test runs share these two cores.</summary>
    public static string Load() => LoadValue().ToString("F2", CultureInfo.InvariantCulture);

    private static double LoadValue()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}

internal sealed record Options(int Edits, IReadOnlyList<int> Viewers, int Circuits, int Warmup, int TimeoutMs, int GapMs, bool Verbose,
    int IdleCircuits = 0, string? Gcdump = null)
{
    public const string Usage =
        "Usage: PathwayLatency [--edits 50] [--viewers 1,5,10] [--circuits 0] [--warmup 3] [--timeout-ms 5000] [--gap-ms 100] [--verbose]\n"
        + "       PathwayLatency --idle-circuits 200 [--gcdump file.gcdump]   (memory per idle circuit, in a fresh process)";

    public static Options Parse(string[] args)
    {
        var options = new Options(50, [1, 5, 10], 0, 3, 5000, 100, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--edits" => options with { Edits = NonNegativeInt(Next(), "--edits") is > 0 and var e ? e : throw new ArgumentException("--edits must be above 0.") },
                "--viewers" => options with { Viewers = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => NonNegativeInt(v, "--viewers")).Where(v => v > 0)] },
                "--circuits" => options with { Circuits = NonNegativeInt(Next(), "--circuits") },
                "--warmup" => options with { Warmup = NonNegativeInt(Next(), "--warmup") },
                "--timeout-ms" => options with { TimeoutMs = NonNegativeInt(Next(), "--timeout-ms") is > 0 and var t ? t : throw new ArgumentException("--timeout-ms must be above 0.") },
                "--gap-ms" => options with { GapMs = NonNegativeInt(Next(), "--gap-ms") },
                "--verbose" => options with { Verbose = true },
                "--idle-circuits" => options with { IdleCircuits = NonNegativeInt(Next(), "--idle-circuits") },
                "--gcdump" => options with { Gcdump = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }

    private static int NonNegativeInt(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} wants whole numbers, not '{text}'.");
}
