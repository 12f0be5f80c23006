using System.Globalization;

namespace CareWorkspace.Benchmarks;

/// <summary>
/// Warms the process up before anything is measured: tiered compilation keeps re-compiling hot code in the background
/// for a minute or more after start (and in bursts after that), and on two cores that competes with the work being
/// measured. A server that has been up for a while runs warm; that is what users feel, not its first minute.
/// </summary>
internal static class JitQuiet
{
    /// <summary>Steps per round whose compiled methods are counted.</summary>
    public const int Round = 10;

    /// <summary>Fewer methods compiled than this in two rounds in a row is quiet.</summary>
    public const int QuietMethods = 5;

    public const int MaxSteps = 400;

    /// <summary>
    /// Runs <paramref name="step"/> at least <paramref name="minimum"/> times, then in rounds of <see cref="Round"/> until
    /// two rounds in a row made the JIT compile fewer than <see cref="QuietMethods"/> methods, or <see cref="MaxSteps"/>
    /// steps were made. Returns what happened, for the report.
    /// </summary>
    public static async Task<string> WarmUpAsync(Func<Task> step, int minimum)
    {
        var steps = 0;
        for (; steps < minimum; steps++)
            await step();
        var quietRounds = 0;
        long compiled = 0;
        while (quietRounds < 2 && steps < MaxSteps)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < Round; i++, steps++)
                await step();
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            quietRounds = compiled < QuietMethods ? quietRounds + 1 : 0;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{steps} unmeasured steps; the JIT compiled {compiled} methods in the last {Round}{(quietRounds < 2 ? " (not yet quiet: the warm-up's cap was reached)" : "")}");
    }
}
