using System.Globalization;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// The targets of issue 7, each MET, NOT MET or not measured in this run. A level with a miss (a viewer that never
/// saw an edit) does not meet its latency target whatever its percentiles.
/// </summary>
internal sealed class Targets
{
    private readonly List<(string Target, bool? Met, string Measured)> checks = [];

    /// <summary>True when every measured target was met.</summary>
    public bool AllMet => checks.All(c => c.Met != false);

    public void Check(string target, bool met, string measured) => checks.Add((target, met, measured));

    public void NotMeasured(string target, string why) => checks.Add((target, null, why));

    /// <summary>Latency targets of one level: the service-call row, as the issue's figures were measured.</summary>
    public void Latency(string target, LevelResult? level, double p50, double p95)
    {
        if (level is null)
        {
            NotMeasured(target, "level not run");
            return;
        }
        var met = level.Misses == 0 && level.Latency.P50 <= p50 && level.Latency.P95 <= p95;
        Check(target, met, string.Create(CultureInfo.InvariantCulture,
            $"p50 {level.Latency.P50:F0} ms, p95 {level.Latency.P95:F0} ms, misses {level.Misses}"));
    }

    public string Table()
    {
        var lines = new List<string> { "| Target | Result | Measured |", "|---|---|---|" };
        lines.AddRange(checks.Select(c => $"| {c.Target} | {(c.Met switch { true => "MET", false => "**NOT MET**", null => "not measured" })} | {c.Measured} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
