namespace CareWorkspace.Benchmarks;

/// <summary>The median, the 95th percentile and the maximum of a benchmark's timed runs (nearest rank).</summary>
internal sealed record Percentiles(double P50, double P95, double Max)
{
    public static Percentiles Of(List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new Percentiles(At(0.5), At(0.95), sorted[^1]);
    }
}
