using System.Globalization;

namespace CareWorkspace.PathwayLatency;

/// <summary>What to measure. <c>--suite full</c> and <c>--suite smoke</c> preset everything; options after it override.</summary>
internal sealed record Options
{
    public const string Usage = """
        Usage: PathwayLatency --suite full|smoke [options to override the preset]   (writes its results to docs/benchmarks.md)
               PathwayLatency [options]                                               (only what the options ask for)
          --edits 50 --warmup 3 --timeout-ms 5000 --gap-ms 100 --verbose             per level
          --cold                    measure after only --warmup edits (default: warm up until the JIT is quiet)
          --viewers 1,5,10          Chromium viewers on Jens' care team tab
          --circuits 100,250,500    headless circuits on the same tab
          --editor both|browser|service   who edits (browser: gp.larsen clicking Save; service: CareTeamService in-process)
          --bare                    the bare MudBlazor app at the --circuits levels and (with --idle-circuits) idle memory
          --idle-circuits 200 [--gcdump file.gcdump]   memory per idle circuit, in a fresh process
          --mixed 2000/500/300 [--mixed-rate 20] [--mixed-seconds 60]   circuits/patients/inboxes, edits per second
          --two-instances 5/100     Chromium viewers / headless circuits on instance B (PostgreSQL + Redis), editors on A
          --write-docs | --no-docs  append the results to docs/benchmarks.md (on by default with --suite)
        """;

    public string? Suite { get; init; }
    public int Edits { get; init; } = 50;
    public int Warmup { get; init; } = 3;
    public bool WarmUntilQuiet { get; init; } = true;
    public int TimeoutMs { get; init; } = 5000;
    public int GapMs { get; init; } = 100;
    public bool Verbose { get; init; }
    public IReadOnlyList<int> Viewers { get; init; } = [];
    public IReadOnlyList<int> Circuits { get; init; } = [];
    public bool BrowserEditor { get; init; } = true;
    public bool ServiceEditor { get; init; } = true;
    public bool Bare { get; init; }
    public int IdleCircuits { get; init; }
    public string? Gcdump { get; init; }
    public string? Mixed { get; init; }
    public int MixedRate { get; init; } = 20;
    public int MixedSeconds { get; init; } = 60;
    public IReadOnlyList<int> TwoInstanceViewers { get; init; } = [];
    public IReadOnlyList<int> TwoInstanceCircuits { get; init; } = [];
    public bool WriteDocs { get; init; }

    public MixedSize? MixedSize => Mixed is null ? null : PathwayLatency.MixedSize.Parse(Mixed, MixedRate, MixedSeconds);

    public static Options Full { get; } = new()
    {
        Suite = "full",
        Viewers = [1, 5, 10],
        Circuits = [100, 250, 500],
        Bare = true,
        IdleCircuits = 200,
        Mixed = "2000/500/300",
        TwoInstanceViewers = [5],
        TwoInstanceCircuits = [100],
        WriteDocs = true,
    };

    public static Options Smoke { get; } = new()
    {
        Suite = "smoke",
        Edits = 10,
        Warmup = 2,
        Viewers = [1, 5],
        Circuits = [100],
        Bare = true,
        IdleCircuits = 50,
        Mixed = "200/50/30",
        MixedSeconds = 15,
        TwoInstanceViewers = [1],
        TwoInstanceCircuits = [50],
        WriteDocs = true,
    };

    public static Options Parse(string[] args)
    {
        var options = new Options();
        var rest = args.ToList();
        if (rest.IndexOf("--suite") is var s and >= 0)
        {
            options = s + 1 < rest.Count ? rest[s + 1] switch
            {
                "full" => Full,
                "smoke" => Smoke,
                var other => throw new ArgumentException($"--suite is full or smoke, not '{other}'."),
            } : throw new ArgumentException("--suite needs a value.");
            rest.RemoveRange(s, 2);
        }
        for (var i = 0; i < rest.Count; i++)
        {
            string Next() => i + 1 < rest.Count ? rest[++i] : throw new ArgumentException($"{rest[i]} needs a value.");
            options = rest[i] switch
            {
                "--edits" => options with { Edits = Positive(Next(), "--edits") },
                "--warmup" => options with { Warmup = NonNegativeInt(Next(), "--warmup") },
                "--cold" => options with { WarmUntilQuiet = false },
                "--timeout-ms" => options with { TimeoutMs = Positive(Next(), "--timeout-ms") },
                "--gap-ms" => options with { GapMs = NonNegativeInt(Next(), "--gap-ms") },
                "--verbose" => options with { Verbose = true },
                "--viewers" => options with { Viewers = List(Next(), "--viewers") },
                "--circuits" => options with { Circuits = List(Next(), "--circuits") },
                "--editor" => Next() switch
                {
                    "both" => options with { BrowserEditor = true, ServiceEditor = true },
                    "browser" => options with { BrowserEditor = true, ServiceEditor = false },
                    "service" => options with { BrowserEditor = false, ServiceEditor = true },
                    var other => throw new ArgumentException($"--editor is both, browser or service, not '{other}'."),
                },
                "--bare" => options with { Bare = true },
                "--idle-circuits" => options with { IdleCircuits = NonNegativeInt(Next(), "--idle-circuits") },
                "--gcdump" => options with { Gcdump = Next() },
                "--mixed" => options with { Mixed = Next() is "0" or "none" ? null : rest[i] },
                "--mixed-rate" => options with { MixedRate = Positive(Next(), "--mixed-rate") },
                "--mixed-seconds" => options with { MixedSeconds = Positive(Next(), "--mixed-seconds") },
                "--two-instances" => TwoInstances(options, Next()),
                "--write-docs" => options with { WriteDocs = true },
                "--no-docs" => options with { WriteDocs = false },
                _ => throw new ArgumentException($"Unknown option {rest[i]}."),
            };
        }
        _ = options.MixedSize;
        var nothingAsked = options is { Viewers.Count: 0, Circuits.Count: 0, IdleCircuits: 0, Mixed: null, TwoInstanceViewers.Count: 0, TwoInstanceCircuits.Count: 0 };
        return nothingAsked ? options with { Viewers = [1, 5, 10] } : options;
    }

    private static Options TwoInstances(Options options, string text)
    {
        if (text is "0" or "none")
            return options with { TwoInstanceViewers = [], TwoInstanceCircuits = [] };
        var parts = text.Split('/');
        if (parts.Length != 2)
            throw new ArgumentException($"--two-instances wants viewers/circuits, e.g. 5/100, not '{text}'.");
        return options with { TwoInstanceViewers = List(parts[0], "--two-instances"), TwoInstanceCircuits = List(parts[1], "--two-instances") };
    }

    private static List<int> List(string text, string name) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => NonNegativeInt(v, name)).Where(v => v > 0)];

    private static int Positive(string text, string name) =>
        NonNegativeInt(text, name) is > 0 and var value ? value : throw new ArgumentException($"{name} must be above 0.");

    private static int NonNegativeInt(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} wants whole numbers, not '{text}'.");
}
