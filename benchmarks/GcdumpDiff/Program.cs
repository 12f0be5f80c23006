using System.Globalization;
using System.Text.RegularExpressions;
using CareWorkspace.GcdumpDiff;

const string usage = """
    Usage: GcdumpDiff <baseline.gcdump> <loaded.gcdump> [--per N] [--top K] [--owner REGEX]...

    Prints, per N (the idle circuits opened between the two snapshots), the bytes and objects of
    (loaded − baseline): by owner, by type, and for the top types which owners hold them.
    An owner is the nearest object on an object's shortest path from the roots whose type matches an
    --owner pattern (defaults: the app's and MudBlazor's types, the JS runtime's JsonSerializerOptions,
    Blazor's component states and circuit host).
    """;

if (args.Length < 2 || args.Contains("--help"))
{
    Console.WriteLine(usage);
    return args.Contains("--help") ? 0 : 2;
}

var per = 1;
var top = 30;
var owners = new List<Regex>();
for (var i = 2; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--per":
            per = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--top":
            top = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--owner":
            owners.Add(new Regex(args[++i], RegexOptions.CultureInvariant));
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}.{Environment.NewLine}{usage}");
            return 2;
    }
}
if (owners.Count == 0)
    owners.AddRange(Owners.Defaults);

var baseline = HeapSnapshot.Read(args[0], owners);
var loaded = HeapSnapshot.Read(args[1], owners);
Console.Write(Report.Markdown(baseline, loaded, per, top));
return 0;
