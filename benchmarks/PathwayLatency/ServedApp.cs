using System.Diagnostics;
using System.Threading.Channels;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// This benchmark, started again with <c>--serve</c>, <c>--serve-bare</c> or <c>--serve-mixed N</c>: an app alone in
/// its own process, so that its memory and CPU are only the app's (the headless clients stay in the parent). It
/// says where it is on its first line and then talks over stdin/stdout in lines; it ends when stdin is closed.
/// </summary>
internal sealed class ServedApp : IDisposable
{
    public const string ReadyLine = "SERVING ";

    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();

    private ServedApp(Process process, Uri baseAddress, Guid patientId)
    {
        this.process = process;
        BaseAddress = baseAddress;
        PatientId = patientId;
    }

    public Uri BaseAddress { get; }

    /// <summary>Jens (the bare app has no patient: empty).</summary>
    public Guid PatientId { get; }

    public int ProcessId => process.Id;

    /// <summary>The child's CPU time so far (user and system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static ServedApp Start(params string[] mode)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardInput = true };
        // The app alone, with the GC it ships with: src/Web is a Microsoft.NET.Sdk.Web project, whose default is the
        // server GC (this benchmark's own process, with its headless clients, runs the workstation GC).
        info.Environment["DOTNET_gcServer"] = "1";
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            info.ArgumentList.Add(typeof(ServedApp).Assembly.Location);
        foreach (var argument in mode)
            info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (!line.StartsWith(ReadyLine, StringComparison.Ordinal))
                continue;
            var parts = line[ReadyLine.Length..].Split(' ');
            var served = new ServedApp(process, new Uri(parts[0]), Guid.Parse(parts[1]));
            _ = served.PumpAsync();
            return served;
        }
        throw new InvalidOperationException($"The served app ({string.Join(' ', mode)}) ended before it was ready.");
    }

    private async Task PumpAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
            await lines.Writer.WriteAsync(line);
        lines.Writer.Complete();
    }

    /// <summary>The child's next line that starts with <paramref name="prefix"/> (others, e.g. log lines, are skipped).</summary>
    public async Task<string> ReadLineAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await lines.Reader.ReadAsync(cancel.Token);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return line;
        }
    }

    /// <summary>Every line from now on, until the child ends or <paramref name="until"/> is cancelled.</summary>
    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken until) => lines.Reader.ReadAllAsync(until);

    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    public void Dispose()
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            process.Kill();
        process.Dispose();
    }
}
