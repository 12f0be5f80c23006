namespace CareWorkspace.NationalImportBenchmark;

/// <summary>Samples managed memory and the process's resident memory every 250 ms until disposed.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly List<(long Managed, long Resident)> samples = [];

    public MemorySampler()
    {
        Sample();
        sampling = RunAsync();
    }

    public MemoryFigures Figures
    {
        get
        {
            lock (samples)
                return new MemoryFigures(samples[0].Managed, samples.Max(s => s.Managed), samples[^1].Managed,
                    samples[0].Resident, samples.Max(s => s.Resident), samples[^1].Resident, samples.Count,
                    samples.Take(samples.Count / 2).Select(s => s.Managed).DefaultIfEmpty(0).Max(),
                    samples.Skip(samples.Count / 2).Select(s => s.Managed).DefaultIfEmpty(0).Max());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        Sample();
        stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
                Sample();
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Sample()
    {
        lock (samples)
            samples.Add((GC.GetTotalMemory(false), Environment.WorkingSet));
    }
}

/// <summary>Start, peak and end of a run's managed and resident memory, in bytes, and the managed peak of each half of the run (growth shows as a later, higher peak).</summary>
internal sealed record MemoryFigures(long ManagedStart, long ManagedPeak, long ManagedEnd, long ResidentStart, long ResidentPeak, long ResidentEnd, int Samples,
    long ManagedPeakFirstHalf, long ManagedPeakSecondHalf)
{
    /// <summary>Managed memory still held after the run and a full collection.</summary>
    public long ManagedRetained { get; init; }
}
