using System.Globalization;
using CareWorkspace.Benchmarks;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>What one level (one set of viewers, one editor) measured.</summary>
internal sealed record LevelResult(
    string Setting, string Kind, int Viewers, string Editor, int Edits, Stats Latency, Stats AllViewers, int Misses, Stats Service, Stats Load,
    int FailedEdits)
{
    public string Name => $"{Viewers} {Kind}";
}

/// <summary>
/// One level: the editor makes an edit, waits until every viewer has the marker (or the timeout passed), pauses,
/// and makes the next; the first few edits are warm-up and left out.
/// </summary>
internal static class Levels
{
    public static async Task<LevelResult> RunAsync(string setting, IEditor editor, IViewerGroup viewers, Options options)
    {
        Console.WriteLine($"-- {setting}: {viewers.Count} {viewers.Kind}, editor {editor.Kind}; load {Machine.Load()}");
        var loads = new List<double>();
        var latencies = new List<double>();
        var lastViewer = new List<double>();
        var service = new List<double>();
        var misses = 0;
        var failed = 0;
        var warmup = await WarmUpAsync(editor, viewers, options);
        Console.WriteLine($"   warm-up: {warmup}");
        var cpuAtStart = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < options.Edits; i++)
        {
            loads.Add(Machine.LoadValue());
            if (await editor.EditAsync() is not { } commit)
            {
                failed++;
                continue;
            }
            var seen = await viewers.WaitForAsync(commit.Marker, options.TimeoutMs);
            service.Add(commit.ServiceMs);
            var perViewer = seen.Where(s => s is not null).Select(s => (double)(s!.Value - commit.CommittedAtUnixMs)).ToList();
            latencies.AddRange(perViewer);
            misses += seen.Count(s => s is null);
            if (perViewer.Count == seen.Length)
                lastViewer.Add(perViewer.Max());
            if (options.Verbose)
            {
                var shown = string.Join(" ", seen.Select(s => s is { } v ? (v - commit.CommittedAtUnixMs).ToString(CultureInfo.InvariantCulture) : "miss"));
                Console.WriteLine($"   {commit.Marker}: editor {commit.ServiceMs:F1} ms; seen after {shown}");
            }
            await Task.Delay(options.GapMs);
        }
        // The whole process (app and headless clients, gaps included) per measured edit: it moves less with the machine's load than latency does.
        var cpuPerEdit = (Environment.CpuUsage.TotalTime - cpuAtStart).TotalMilliseconds / Math.Max(1, options.Edits);
        var result = new LevelResult(setting, viewers.Kind, viewers.Count, editor.Kind, options.Edits, new Stats(latencies), new Stats(lastViewer), misses,
            new Stats(service), new Stats(loads), failed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   p50 {result.Latency.P50:F0} ms, p95 {result.Latency.P95:F0} ms, p99 {result.Latency.P99:F0} ms, max {result.Latency.Max:F0} ms, "
            + $"misses {result.Misses}/{options.Edits * viewers.Count}, failed edits {failed}; last viewer p50 {result.AllViewers.P50:F0} ms, p95 {result.AllViewers.P95:F0} ms; "
            + $"editor p50 {result.Service.P50:F1} ms; process CPU {cpuPerEdit:F0} ms per edit; load {result.Load.Min:F1}–{result.Load.Max:F1}"));
        return result;
    }

    /// <summary>At least <see cref="Options.Warmup"/> unmeasured edits, then on until the JIT is quiet (<see cref="JitQuiet"/>).</summary>
    private static async Task<string> WarmUpAsync(IEditor editor, IViewerGroup viewers, Options options)
    {
        async Task EditAsync()
        {
            if (await editor.EditAsync() is { } commit)
                await viewers.WaitForAsync(commit.Marker, options.TimeoutMs);
            await Task.Delay(options.GapMs);
        }

        if (options.WarmUntilQuiet)
            return await JitQuiet.WarmUpAsync(EditAsync, options.Warmup);
        for (var i = 0; i < options.Warmup; i++)
            await EditAsync();
        return $"{options.Warmup} unmeasured edits (--cold)";
    }

    /// <summary>Runs the level once per editor on the same open viewers; one that cannot run is reported, the others still run.</summary>
    public static async Task<List<LevelResult>> RunEachAsync(string setting, IReadOnlyList<IEditor> editors, IViewerGroup viewers, Options options,
        Report report)
    {
        var results = new List<LevelResult>();
        foreach (var editor in editors)
        {
            try
            {
                results.Add(await RunAsync(setting, editor, viewers, options));
            }
            catch (Exception ex) when (ex is TimeoutException or PlaywrightException or InvalidOperationException)
            {
                report.Failed($"{setting}, {viewers.Count} {viewers.Kind}, {editor.Kind} editor", ex);
            }
        }
        return results;
    }

    /// <summary>Until the previous level's circuits have ended and dropped their subscriptions (or 30 s passed).</summary>
    public static async Task WaitForIdleAsync(IPathwayNotifier notifier, int idleSubscriptions)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (notifier.SubscriptionCount > idleSubscriptions && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        if (notifier.SubscriptionCount > idleSubscriptions)
            Console.WriteLine($"   warning: {notifier.SubscriptionCount - idleSubscriptions} subscriptions of ended viewers are still live");
    }

    /// <param name="baseline">The bare app's rows, for the ratio column (same viewer count, server-event editor).</param>
    public static string Table(IEnumerable<LevelResult> results, IReadOnlyList<LevelResult> baseline)
    {
        var lines = new List<string>
        {
            "| Setting | Viewers | Editor | Samples | p50 | p95 | p99 | max | Misses | Last viewer p50 / p95 | Editor's own wait p50 / p95 | p50 / p95 vs bare app | Load (1 min) during |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        };
        foreach (var r in results)
        {
            var bare = baseline.FirstOrDefault(b => b.Viewers == r.Viewers && b.Kind == r.Kind);
            var ratio = bare is null || ReferenceEquals(bare, r) ? "—" : $"{Ratio(r.Latency.P50, bare.Latency.P50)} / {Ratio(r.Latency.P95, bare.Latency.P95)}";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Setting} | {r.Name} | {r.Editor}{(r.FailedEdits > 0 ? $" ({r.FailedEdits} edits not saved)" : "")} | {r.Latency.Count} | {r.Latency.P50:F0} ms | {r.Latency.P95:F0} ms | {r.Latency.P99:F0} ms | {r.Latency.Max:F0} ms | {r.Misses} | "
                + $"{r.AllViewers.P50:F0} / {r.AllViewers.P95:F0} ms | {r.Service.P50:F1} / {r.Service.P95:F1} ms | {ratio} | {r.Load.Min:F1}–{r.Load.Max:F1} |"));
        }
        return string.Join(Environment.NewLine, lines);
    }

    public static string Ratio(double value, double baseline) =>
        baseline > 0 ? string.Create(CultureInfo.InvariantCulture, $"{value / baseline:F1}×") : "—";
}
