using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CareWorkspace.NationalImportBenchmark;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, with the type of the object that crossed it),
/// summed by type and by heap (small or large objects): which objects a run allocates most, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<(string Type, bool Large), long> bytes = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
            return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var kind = e.PayloadNames.IndexOf("AllocationKind") is var k and >= 0 ? Convert.ToInt32(e.Payload[k], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytes.AddOrUpdate((type, kind == 1), amount, (_, sum) => sum + amount);
    }

    /// <summary>The types that took most, largest first, with their sampled bytes.</summary>
    public IEnumerable<(string Type, bool Large, long Bytes)> Top(int count) =>
        bytes.OrderByDescending(b => b.Value).Take(count).Select(b => (b.Key.Type, b.Key.Large, b.Value));
}
