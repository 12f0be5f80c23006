using System.Globalization;
using CareWorkspace.Benchmarks;

namespace CareWorkspace.PathwayLatency;

/// <summary>What the figures were measured on: the machine, its load (others share these cores) and the commit.</summary>
internal static class Machine
{
    /// <summary>The 1-minute load average: other engineers' test runs share these two cores.</summary>
    public static string Load() => LoadValue().ToString("F2", CultureInfo.InvariantCulture);

    public static double LoadValue() => double.TryParse(LoadAverages().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : double.NaN;

    /// <summary>"1-min 5-min 15-min" from /proc/loadavg.</summary>
    public static string LoadAverages()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>nproc, CPU model, RAM, runtime and collector, e.g. "nproc 2, AMD EPYC 7B13, 23.5 GiB RAM, .NET 10.0.12, server GC".</summary>
    public static string Describe()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var ram = long.TryParse(memKb, out var kb) ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1048576.0:F1} GiB RAM") : "unknown RAM";
        return $"nproc {Environment.ProcessorCount}, {cpu}, {ram}, .NET {Environment.Version}, {Collector.Name}";
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>The commit the app was built from, and whether src/ had uncommitted changes (others share this tree).</summary>
    public static string SourceVersion()
    {
        try
        {
            if (RepositoryRoot() is not { } root)
                return "unknown";
            var commit = Git(root, "rev-parse --short HEAD");
            var dirty = Git(root, "status --porcelain -- src db benchmarks").Length > 0;
            return commit + (dirty ? " (src/db/benchmarks with uncommitted changes)" : "");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }

    /// <summary>The folder holding CareWorkspace.sln, above the build output.</summary>
    public static string? RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CareWorkspace.sln")))
            root = root.Parent;
        return root?.FullName;
    }

    private static string Git(string repository, string arguments)
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", $"-C \"{repository}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }
}
