using System.Runtime;

namespace CareWorkspace.Benchmarks;

/// <summary>
/// The garbage collector of this run. The app ships with the server GC (src/Web's runtimeconfig): a benchmark that
/// hosts the app in its own process and runs another measures the app under a collector it never runs with.
/// </summary>
internal static class Collector
{
    public static string Name => GCSettings.IsServerGC ? "server GC" : "workstation GC";
}
