namespace CareWorkspace.PathwayLatency;

/// <summary>Nearest-rank percentiles over a set of millisecond samples.</summary>
internal sealed class Stats(IEnumerable<double> samples)
{
    private readonly double[] sorted = [.. samples.Order()];

    public int Count => sorted.Length;

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double P99 => Percentile(99);

    public double Mean => sorted.Length == 0 ? double.NaN : sorted.Average();

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    public double Min => sorted.Length == 0 ? double.NaN : sorted[0];

    public double Percentile(double p)
    {
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
