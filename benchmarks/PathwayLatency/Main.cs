using System.Globalization;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// Edit-to-visible latency and memory of the live pathway, against a bare MudBlazor app in the same run, with
/// MET / NOT MET per target of issue 7. One command for everything (see docs/benchmarks.md):
/// <c>dotnet run -c Release --project benchmarks/PathwayLatency -- --suite full</c>.
/// </summary>
internal static class Bench
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private const string SingleInstance = "1 instance, SQLite";
    private const string BareSetting = "bare MudBlazor app";

    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["--serve"]:
                return await ServeAsync();
            case ["--serve-bare"]:
                return await BareApp.ServeAsync();
            case ["--serve-mixed", var patients]:
                return await MixedLoad.ServeAsync(int.Parse(patients, CultureInfo.InvariantCulture));
        }
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        var report = new Report(options, args);
        Console.WriteLine($"PathwayLatency {string.Join(' ', args)}; {Machine.Describe()}; load {Machine.LoadAverages()}; commit {Machine.SourceVersion()}");
        var bare = new List<LevelResult>();
        var levels = new List<LevelResult>();
        var idle = new List<IdleResult>();
        MixedResult? mixed = null;

        if (options.Bare && options.Circuits.Count > 0)
            await Part(report, "Bare app levels", async () => bare.AddRange(await BareLevelsAsync(options)));
        if (options.Viewers.Count > 0 || options.Circuits.Count > 0)
            await Part(report, "Single-instance levels", async () => levels.AddRange(await SingleInstanceAsync(options, report)));
        if (options.TwoInstanceViewers.Count > 0 || options.TwoInstanceCircuits.Count > 0)
        {
            await Part(report, "Two instances", async () =>
            {
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await LaunchAsync(playwright);
                levels.AddRange(await TwoInstances.RunAsync(browser, options, report));
            });
        }
        if (options.IdleCircuits > 0)
        {
            await Part(report, "Idle memory (app)", async () => idle.Add(await IdleMemory.PathwayAsync(options.IdleCircuits, options.Gcdump)));
            if (options.Bare)
                await Part(report, "Idle memory (bare app)", async () => idle.Add(await IdleMemory.BareAsync(options.IdleCircuits)));
        }
        if (options.MixedSize is { } size)
            await Part(report, "Mixed load", async () => mixed = await MixedLoad.RunAsync(size, options));

        if (levels.Count > 0 || bare.Count > 0)
            report.Add("Edit → visible", Levels.Table(levels.Concat(bare), bare));
        if (idle.Count > 0)
            report.Add("Memory per idle circuit (after a forced full GC, app alone in a fresh process)", IdleMemory.Table(idle));
        if (mixed is not null)
            report.Add("Mixed load (app alone in a fresh process)", MixedLoad.Table(mixed));
        var targets = Evaluate(levels, idle, options);
        var markdown = report.Markdown(targets);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.WriteDocs)
            Report.AppendToDocs(markdown);
        return report.AnyFailed ? 3 : targets.AllMet ? 0 : 1;
    }

    private static async Task Part(Report report, string name, Func<Task> part)
    {
        try
        {
            await part();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            report.Failed(name, ex);
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

    /// <summary>The bare app in this process, its server event as the editor, headless circuits at the --circuits levels.</summary>
    private static async Task<List<LevelResult>> BareLevelsAsync(Options options)
    {
        await using var app = await BareApp.StartAsync();
        var editor = new BareEditor(app.Rows);
        var results = new List<LevelResult>();
        foreach (var count in options.Circuits)
        {
            await using var circuits = await CircuitViewers.OpenAsync(app.BaseAddress, BareApp.PagePath, BareApp.ReadyText, count, null);
            results.Add(await Levels.RunAsync(BareSetting, editor, circuits, options));
        }
        return results;
    }

    /// <summary>The app on SQLite in this process: Chromium viewers, then headless circuits, each level with each editor.</summary>
    private static async Task<List<LevelResult>> SingleInstanceAsync(Options options, Report report)
    {
        await using var app = await BenchApp.StartAsync();
        Console.WriteLine($"App on {app.BaseAddress}");
        var service = await Editor.CreateAsync(app.Services);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var logins = new LoginStates(browser, app.BaseAddress);
        var editors = new List<IEditor>();
        if (options.BrowserEditor)
            editors.Add(await BrowserEditor.OpenAsync(browser, app.BaseAddress, service.PatientId, service.OrganisationName, logins));
        if (options.ServiceEditor)
            editors.Add(service);

        var notifier = app.Services.GetRequiredService<IPathwayNotifier>();
        var idleSubscriptions = notifier.SubscriptionCount;
        var results = new List<LevelResult>();
        try
        {
            foreach (var count in options.Viewers)
            {
                await Part(report, $"{SingleInstance}, {count} Chromium", async () =>
                {
                    await using var viewers = await BrowserViewers.OpenAsync(browser, app.BaseAddress, service.PatientId, count, logins);
                    results.AddRange(await Levels.RunEachAsync(SingleInstance, editors, viewers, options, report));
                });
                await Levels.WaitForIdleAsync(notifier, idleSubscriptions);
            }
            foreach (var count in options.Circuits)
            {
                await Part(report, $"{SingleInstance}, {count} headless circuits", async () =>
                {
                    await using var circuits = await CircuitViewers.OpenAsync(app.BaseAddress, service.PatientId, count, logins);
                    results.AddRange(await Levels.RunEachAsync(SingleInstance, editors, circuits, options, report));
                });
                await Levels.WaitForIdleAsync(notifier, idleSubscriptions);
            }
            var reload = await service.MeasureViewerReloadAsync("nurse.holm", 50);
            report.Add("One viewer's re-load on the server", string.Create(CultureInfo.InvariantCulture,
                $"`CareTeamService.GetAsync` as nurse.holm, 50 in a row with no viewers open: p50 {reload.P50:F1} ms, p95 {reload.P95:F1} ms."));
        }
        finally
        {
            foreach (var editor in editors)
                await editor.DisposeAsync();
        }
        return results;
    }

    private static Targets Evaluate(IReadOnlyList<LevelResult> levels, IReadOnlyList<IdleResult> idle, Options options)
    {
        var targets = new Targets();
        LevelResult? Level(string kind, int viewers) =>
            levels.FirstOrDefault(l => l.Setting == SingleInstance && l.Kind == kind && l.Viewers == viewers && l.Editor == "service call");
        targets.Latency("5 Chromium viewers keep p50 24 / p95 47 ms (+25 %: p50 ≤ 30 ms, p95 ≤ 59 ms)", Level("Chromium", 5), 30, 59);
        targets.Latency("100 headless circuits: p50 ≤ 30 ms, p95 ≤ 80 ms", Level("headless circuits", 100), 30, 80);
        targets.Latency("250 headless circuits: p50 ≤ 50 ms, p95 ≤ 150 ms", Level("headless circuits", 250), 50, 150);
        if (idle.FirstOrDefault(i => !i.App.StartsWith("bare", StringComparison.Ordinal)) is { } app)
        {
            targets.Check("Idle circuit ≤ 350 KB managed", app.ManagedKb <= 350, string.Create(CultureInfo.InvariantCulture, $"{app.ManagedKb:F0} KB ({app.Circuits} circuits)"));
            targets.Check("Idle circuit ≤ 500 KB resident (RSS)", app.ResidentKb <= 500, string.Create(CultureInfo.InvariantCulture, $"{app.ResidentKb:F0} KB ({app.Circuits} circuits)"));
        }
        else
        {
            targets.NotMeasured("Idle circuit ≤ 350 KB managed, ≤ 500 KB resident", options.IdleCircuits > 0 ? "failed" : "not run (--idle-circuits)");
        }
        return targets;
    }

    /// <summary>The <c>--serve</c> side: the app alone with forced GC on, say where it is, run until the parent closes stdin.</summary>
    private static async Task<int> ServeAsync()
    {
        await using var app = await BenchApp.StartAsync(forcedGc: true);
        var editor = await Editor.CreateAsync(app.Services);
        Console.WriteLine($"{ServedApp.ReadyLine}{app.BaseAddress} {editor.PatientId}");
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
