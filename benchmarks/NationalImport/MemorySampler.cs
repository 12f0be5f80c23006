namespace CareWorkspace.NationalImportBenchmark;

/// <summary>
/// Samples managed memory and the process's resident memory every 250 ms until disposed, and what survived each full
/// (gen 2) collection the runtime made meanwhile: the managed total between collections includes garbage not yet
/// collected, the survivors of a full collection are what is really held.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly List<(long Managed, long Resident, long AfterLatestCollection)> samples = [];
    private readonly Dictionary<long, long> survivedFullCollections = [];
    private readonly int fullCollectionsBefore = GC.CollectionCount(2);
    private readonly long lastFullCollectionBefore = Math.Max(GC.GetGCMemoryInfo(GCKind.FullBlocking).Index, GC.GetGCMemoryInfo(GCKind.Background).Index);
    private readonly long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    private readonly int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly long[] generationPeaks = new long[5];
    private long heapPeak;
    private long promotedPeak;

    public MemorySampler()
    {
        Sample();
        sampling = RunAsync();
    }

    /// <summary>How many full collections the runtime made, and the most and the last that survived one of those seen (0 when none was seen).</summary>
    public (int Count, long SurvivedMost, long SurvivedLast) FullCollections
    {
        get
        {
            lock (samples)
                return (GC.CollectionCount(2) - fullCollectionsBefore, survivedFullCollections.Values.DefaultIfEmpty(0).Max(),
                    survivedFullCollections.OrderBy(c => c.Key).Select(c => c.Value).LastOrDefault());
        }
    }

    public MemoryFigures Figures
    {
        get
        {
            lock (samples)
            {
                var peak = samples.MaxBy(s => s.Managed);
                return new MemoryFigures(samples[0].Managed, peak.Managed, samples[^1].Managed,
                    samples[0].Resident, samples.Max(s => s.Resident), samples[^1].Resident, samples.Count,
                    samples.Take(samples.Count / 2).Select(s => s.Managed).DefaultIfEmpty(0).Max(),
                    samples.Skip(samples.Count / 2).Select(s => s.Managed).DefaultIfEmpty(0).Max())
                {
                    ManagedPeakAfterLatestCollection = peak.AfterLatestCollection,
                    ManagedPeakByQuarter = [.. Enumerable.Range(0, 4).Select(q => samples
                        .Skip(samples.Count * q / 4).Take(samples.Count * (q + 1) / 4 - samples.Count * q / 4)
                        .Select(s => s.Managed).DefaultIfEmpty(0).Max())],
                };
            }
        }
    }

    /// <summary>
    /// What the collections themselves saw: the largest size of each generation (0, 1, 2, large objects, pinned) and of the
    /// whole GC heap after a collection, the most one collection promoted, the bytes allocated and the collections of each
    /// generation during the run. Sampled every 250 ms from the latest collection, so a generation's peak is the
    /// largest seen after any collection in a sample, not between collections.
    /// </summary>
    public GenerationFigures Generations
    {
        get
        {
            lock (samples)
                return new GenerationFigures([.. generationPeaks], heapPeak, promotedPeak, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
                    [GC.CollectionCount(0) - collectionsBefore[0], GC.CollectionCount(1) - collectionsBefore[1], GC.CollectionCount(2) - collectionsBefore[2]]);
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
        {
            var latest = GC.GetGCMemoryInfo(GCKind.Any);
            samples.Add((GC.GetTotalMemory(false), Environment.WorkingSet, latest.HeapSizeBytes - latest.FragmentedBytes));
            for (var g = 0; g < Math.Min(generationPeaks.Length, latest.GenerationInfo.Length); g++)
                generationPeaks[g] = Math.Max(generationPeaks[g], latest.GenerationInfo[g].SizeAfterBytes);
            heapPeak = Math.Max(heapPeak, latest.HeapSizeBytes);
            promotedPeak = Math.Max(promotedPeak, latest.PromotedBytes);
            foreach (var kind in new[] { GCKind.FullBlocking, GCKind.Background })
            {
                var full = GC.GetGCMemoryInfo(kind);
                if (full.Index > lastFullCollectionBefore && full.Generation == 2)
                    survivedFullCollections.TryAdd(full.Index, full.PromotedBytes);
            }
        }
    }
}

/// <summary>Start, peak and end of a run's managed and resident memory, in bytes, and the managed peak of each half of the run (growth shows as a later, higher peak).</summary>
internal sealed record MemoryFigures(long ManagedStart, long ManagedPeak, long ManagedEnd, long ResidentStart, long ResidentPeak, long ResidentEnd, int Samples,
    long ManagedPeakFirstHalf, long ManagedPeakSecondHalf)
{
    /// <summary>Managed memory still held after the run and a full collection.</summary>
    public long ManagedRetained { get; init; }

    /// <summary>The full collections the runtime made during the run, and the most and the last managed memory that survived one (of those sampled).</summary>
    public int FullCollections { get; init; }

    public long SurvivedFullCollectionMost { get; init; }

    public long SurvivedFullCollectionLast { get; init; }

    /// <summary>
    /// At the peak sample, the heap the latest collection left (live or promoted, less its free space): the peak less this
    /// is what was allocated since that collection, i.e. at most gen 0's budget and the large-object heap's.
    /// </summary>
    public long ManagedPeakAfterLatestCollection { get; init; }

    /// <summary>The managed peak in each quarter of the run's samples: a peak that grows with the run shows as later, higher quarters.</summary>
    public long[] ManagedPeakByQuarter { get; init; } = [];
}

/// <summary>The collections' view of a run (see <see cref="MemorySampler.Generations"/>).</summary>
internal sealed record GenerationFigures(long[] PeakAfterCollection, long HeapPeakAfterCollection, long MostPromoted, long Allocated, int[] Collections);
