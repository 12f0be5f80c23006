using System.Globalization;
using System.Text;

namespace CareWorkspace.GcdumpDiff;

/// <summary>The difference of two snapshots per circuit, as Markdown tables.</summary>
internal static class Report
{
    public static string Markdown(HeapSnapshot baseline, HeapSnapshot loaded, int per, int top)
    {
        var text = new StringBuilder();
        var perCircuit = (loaded.TotalBytes - baseline.TotalBytes) / 1024.0 / per;
        text.AppendLine(Invariant(
            $"Total: baseline {baseline.TotalBytes / 1024.0:F0} KB, loaded {loaded.TotalBytes / 1024.0:F0} KB, difference per circuit {perCircuit:F1} KB (N = {per})"));
        text.AppendLine();

        var byOwner = Difference(Sum(baseline.ByOwnerAndType, k => k.Owner), Sum(loaded.ByOwnerAndType, k => k.Owner), per);
        text.AppendLine("| Owner | KB per circuit | Objects per circuit |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (owner, bytes, objects) in byOwner.Take(top))
            text.AppendLine(Invariant($"| `{owner}` | {bytes / 1024:F1} | {objects:F1} |"));
        text.AppendLine();

        var components = Difference(baseline.Components, loaded.Components, per);
        text.AppendLine(Invariant($"Components per circuit: {components.Sum(c => c.Objects):F1}"));
        text.AppendLine();
        text.AppendLine("| Component | Per circuit |");
        text.AppendLine("|---|---:|");
        foreach (var (component, _, objects) in components.Where(c => Math.Abs(c.Objects) >= 0.5).OrderByDescending(c => c.Objects))
            text.AppendLine(Invariant($"| `{component}` | {objects:F1} |"));
        text.AppendLine();

        var byType = Difference(baseline.ByType, loaded.ByType, per);
        var ownersByType = Difference(baseline.ByOwnerAndType, loaded.ByOwnerAndType, per).ToLookup(d => d.Key.Type);
        text.AppendLine("| Type | KB per circuit | Objects per circuit | Main owners (KB per circuit) |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var (type, bytes, objects) in byType.Take(top))
        {
            var mainOwners = string.Join(", ", ownersByType[type].Where(o => o.Bytes > 0).Take(3)
                .Select(o => Invariant($"`{Short(o.Key.Owner)}` {o.Bytes / 1024:F1}")));
            text.AppendLine(Invariant($"| `{type}` | {bytes / 1024:F1} | {objects:F1} | {mainOwners} |"));
        }
        return text.ToString();
    }

    private static Dictionary<string, Tally> Sum(Dictionary<(string Owner, string Type), Tally> tallies, Func<(string Owner, string Type), string> key)
    {
        var sums = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var (k, tally) in tallies)
        {
            if (!sums.TryGetValue(key(k), out var sum))
                sums[key(k)] = sum = new Tally();
            sum.Bytes += tally.Bytes;
            sum.Objects += tally.Objects;
        }
        return sums;
    }

    private static List<(TKey Key, double Bytes, double Objects)> Difference<TKey>(Dictionary<TKey, Tally> before, Dictionary<TKey, Tally> after, int per)
        where TKey : notnull =>
        before.Keys.Union(after.Keys)
            .Select(k => (Key: k,
                Bytes: (Get(after, k).Bytes - Get(before, k).Bytes) / per,
                Objects: (Get(after, k).Objects - Get(before, k).Objects) / per))
            .OrderByDescending(d => d.Bytes)
            .ToList();

    private static Tally Get<TKey>(Dictionary<TKey, Tally> tallies, TKey key)
        where TKey : notnull => tallies.TryGetValue(key, out var t) ? t : new Tally();

    private static string Short(string typeName)
    {
        var generic = typeName.IndexOf('<', StringComparison.Ordinal);
        var head = generic < 0 ? typeName : typeName[..generic];
        var dot = head.LastIndexOf('.');
        return dot < 0 ? typeName : typeName[(dot + 1)..];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
