using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CareWorkspace.MedicationChecksBenchmark;

internal static class Program
{
    // The medication checks for a patient with 30 current drugs against 5,000 interaction rules (issue 13: under 20 ms).
    // Usage: dotnet run -c Release --project benchmarks/MedicationChecks -- [BenchmarkDotNet arguments, e.g. --filter *]
    // A short job in this process: the checks are pure code, and a separate build of a child project would only cost time.
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args,
            DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator));
}
