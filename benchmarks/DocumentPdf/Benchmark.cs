using System.Diagnostics;
using CareWorkspace.Infrastructure.Documents;
using PdfSharp.Pdf.IO;

namespace CareWorkspace.DocumentPdfBenchmark;

internal static class Benchmark
{
    public static void Main(string[] args)
    {
        // A five-page care plan through the document-layout layer (issue 10: under 100 ms each, at least 30 a second, warm).
        // Usage: dotnet run -c Release --project benchmarks/DocumentPdf -- [documents for latency] [seconds for throughput]
        //        dotnet run -c Release --project benchmarks/DocumentPdf -- --write sample.pdf   (the sample, for a look or a screenshot)
        if (args.Length == 2 && args[0] == "--write")
        {
            File.WriteAllBytes(args[1], PdfDocumentWriter.Write(CarePlanSample.Build()));
            return;
        }
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 300;
        var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 15;
        Console.WriteLine($"Load before: {Load()}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");

        var document = CarePlanSample.Build();
        var first = Stopwatch.StartNew();
        var pdf = PdfDocumentWriter.Write(document);
        first.Stop();
        using (var read = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
            Console.WriteLine($"Cold first document: {first.Elapsed.TotalMilliseconds:F0} ms, {read.PageCount} pages, {pdf.Length / 1024} KB");
        for (var i = 0; i < 30; i++)
            PdfDocumentWriter.Write(document);

        // Latency: one document after another, each timed on its own.
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            PdfDocumentWriter.Write(CarePlanSample.Build());
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        double At(double q) => times[(int)Math.Min(times.Length - 1, Math.Ceiling(q * times.Length) - 1)];
        Console.WriteLine($"Latency, {count} documents one at a time: mean {times.Average():F1} ms, p50 {At(0.5):F1}, p95 {At(0.95):F1}, p99 {At(0.99):F1}, max {times[^1]:F1} ms");

        // Throughput: one writer per core for a fixed time, as concurrent downloads would run.
        var done = 0;
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(() =>
        {
            while (until.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                PdfDocumentWriter.Write(CarePlanSample.Build());
                Interlocked.Increment(ref done);
            }
        })).ToArray();
        Task.WaitAll(workers);
        var perSecond = done / until.Elapsed.TotalSeconds;
        Console.WriteLine($"Throughput, {Environment.ProcessorCount} writers for {seconds} s: {done} documents, {perSecond:F1} a second");
        Console.WriteLine($"Load after: {Load()}");
        Console.WriteLine($"Target p95 < 100 ms -> {(At(0.95) < 100 ? "MET" : "NOT MET")}; target >= 30 a second -> {(perSecond >= 30 ? "MET" : "NOT MET")}");
    }

    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
