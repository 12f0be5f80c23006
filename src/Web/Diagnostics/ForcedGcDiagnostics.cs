using System.Diagnostics;
using System.Runtime;

namespace CareWorkspace.Web.Diagnostics;

/// <summary>
/// An opt-in endpoint for the memory benchmark: a forced, compacting full collection, then the managed heap and
/// the process' resident memory. Mapped only when <c>Diagnostics:ForcedGc</c> is true and the environment is not
/// Production: a forced collection stalls every circuit, so no real deployment may offer it.
/// </summary>
public static class ForcedGcDiagnostics
{
    public const string Path = "/diagnostics/forced-gc";
    public const string Setting = "Diagnostics:ForcedGc";

    public static WebApplication MapForcedGcDiagnostics(this WebApplication app)
    {
        if (app.Environment.IsProduction() || !app.Configuration.GetValue<bool>(Setting))
            return app;
        app.MapPost(Path, () => Results.Ok(CollectAndMeasure()));
        return app;
    }

    private static MemoryAfterFullCollection CollectAndMeasure()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        // Aggressive: also gives the freed memory back to the OS, so that the resident figure is what the circuits hold,
        // not what the GC keeps committed for later allocations.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new MemoryAfterFullCollection(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64,
            process.PrivateMemorySize64, process.Id);
    }
}

/// <summary>What the benchmark reads: managed heap bytes, resident (working set) and private bytes, and the process id.</summary>
public sealed record MemoryAfterFullCollection(long ManagedBytes, long WorkingSetBytes, long PrivateBytes, int ProcessId);
