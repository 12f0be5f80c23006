using System.Diagnostics;

namespace CareWorkspace.PathwayLatency;

/// <summary>The run's results as Markdown: printed at the end and, with --write-docs, appended to docs/benchmarks.md.</summary>
internal sealed class Report(Options options, IReadOnlyList<string> args)
{
    private readonly List<(string Title, string Body)> sections = [];
    private readonly List<string> failures = [];
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private readonly string loadAtStart = Machine.LoadAverages();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public bool AnyFailed => failures.Count > 0;

    public void Add(string title, string body) => sections.Add((title, body));

    /// <summary>A part that could not run: the others still run, and the run exits non-zero.</summary>
    public void Failed(string part, Exception ex)
    {
        failures.Add($"{part}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        Console.Error.WriteLine($"{part} failed: {ex}");
    }

    public string Markdown(Targets targets)
    {
        var lines = new List<string>
        {
            $"### {(options.Suite is { } suite ? $"Suite {suite}" : "Run")} — {started:yyyy-MM-dd HH:mm} UTC",
            "",
            $"- Command: `dotnet run -c Release --project benchmarks/PathwayLatency -- {string.Join(' ', args)}`",
            $"- Machine: {Machine.Describe()}",
            $"- Commit: `{Machine.SourceVersion()}`",
            $"- Load average (1/5/15 min): {loadAtStart} at the start, {Machine.LoadAverages()} at the end; the run took {clock.Elapsed.TotalMinutes:F0} min",
        };
        if (options.Suite == "smoke")
            lines.Add("- **Smoke run**: small counts and few edits, to check that every part works; not a measurement of the targets.");
        if (double.TryParse(loadAtStart.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) && load > 1)
            lines.Add("- **Noisy**: the machine was busy at the start (1-minute load above 1); compare only with runs under the same load.");
        foreach (var (title, body) in sections)
            lines.AddRange(["", $"#### {title}", "", body]);
        if (failures.Count > 0)
            lines.AddRange(["", "#### Parts that failed", "", .. failures.Select(f => $"- {f}")]);
        lines.AddRange(["", "#### Targets", "", targets.Table()]);
        return string.Join(Environment.NewLine, lines);
    }

    public static void AppendToDocs(string markdown)
    {
        var root = Machine.RepositoryRoot() ?? throw new InvalidOperationException("No repository root (CareWorkspace.sln) above the build output.");
        var path = Path.Combine(root, "docs", "benchmarks.md");
        File.AppendAllText(path, Environment.NewLine + markdown + Environment.NewLine);
        Console.WriteLine($"Results appended to {path}");
    }
}
