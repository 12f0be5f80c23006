using System.Text.RegularExpressions;
using Graphs;

namespace CareWorkspace.GcdumpDiff;

/// <summary>Bytes and objects of one heap snapshot, by type and by (owner, type).</summary>
internal sealed class HeapSnapshot
{
    public Dictionary<string, Tally> ByType { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Owner, string Type), Tally> ByOwnerAndType { get; } = new();

    /// <summary>Blazor components by type: the component each component state refers to.</summary>
    public Dictionary<string, Tally> Components { get; } = new(StringComparer.Ordinal);

    public long TotalBytes { get; private set; }

    /// <summary>
    /// Reads a .gcdump and gives every object to an owner: the nearest object on its shortest path from the roots
    /// (itself included) whose type matches one of <paramref name="owners"/>. A shortest-path parent is not a true
    /// dominator, but an object reached first through a component or the circuit's JS runtime is held by it.
    /// </summary>
    public static HeapSnapshot Read(string path, IReadOnlyList<Regex> owners)
    {
        var dump = new GCHeapDump(path);
        var graph = dump.MemoryGraph;
        var multipliers = dump.CountMultipliersByType;
        var typeNames = TypeNames(graph);
        var ownerOf = OwnerTypes(typeNames, owners);
        var parent = ShortestPathParents(graph);

        var snapshot = new HeapSnapshot();
        var node = graph.AllocNodeStorage();
        var limit = (int)graph.NodeIndexLimit;
        var ownerCache = new int[limit];
        Array.Fill(ownerCache, -2);
        for (var i = 0; i < limit; i++)
        {
            graph.GetNode((NodeIndex)i, node);
            if (node.Size == 0)
                continue;
            var type = (int)node.TypeIndex;
            var scale = multipliers is { Length: > 0 } && type < multipliers.Length && multipliers[type] > 0 ? multipliers[type] : 1f;
            var bytes = (long)(node.Size * scale);
            var name = typeNames[type];
            snapshot.TotalBytes += bytes;
            snapshot.ByType.Add(name, bytes, scale);
            var owner = Owner(i, graph, node, parent, ownerOf, ownerCache);
            snapshot.ByOwnerAndType.Add((owner < 0 ? Unowned : typeNames[owner], name), bytes, scale);
            if (ComponentState.IsMatch(name) && ComponentOf(graph, node, typeNames, name) is { } component)
                snapshot.Components.Add(component, 0, 1);
        }
        return snapshot;
    }

    private static readonly Regex ComponentState = new(@"\.(Remote)?ComponentState$", RegexOptions.CultureInvariant);

    /// <summary>The one child of a component state that is neither the renderer, a state, a builder nor a BCL object.</summary>
    private static string? ComponentOf(Graph graph, Node state, string[] typeNames, string stateType)
    {
        var child = graph.AllocNodeStorage();
        for (var c = state.GetFirstChildIndex(); c != NodeIndex.Invalid; c = state.GetNextChildIndex())
        {
            var name = typeNames[(int)graph.GetNode(c, child).TypeIndex];
            if (name != stateType && !name.StartsWith("System.", StringComparison.Ordinal) &&
                !name.StartsWith("Microsoft.AspNetCore.Components.Rendering.", StringComparison.Ordinal) &&
                !name.StartsWith("Microsoft.AspNetCore.Components.RenderTree.", StringComparison.Ordinal) &&
                !name.EndsWith("Renderer", StringComparison.Ordinal) && !name.EndsWith("[]", StringComparison.Ordinal) &&
                !name.Contains("CascadingParameterState", StringComparison.Ordinal))
                return name;
        }
        return null;
    }

    public const string Unowned = "(no owner on the path: framework, statics)";

    private static string[] TypeNames(Graph graph)
    {
        var names = new string[(int)graph.NodeTypeIndexLimit];
        var type = graph.AllocTypeNodeStorage();
        for (var t = 0; t < names.Length; t++)
            names[t] = graph.GetType((NodeTypeIndex)t, type).Name ?? "?";
        return names;
    }

    private static bool[] OwnerTypes(string[] typeNames, IReadOnlyList<Regex> owners) =>
        typeNames.Select(name => owners.Any(o => o.IsMatch(name))).ToArray();

    /// <summary>Breadth-first from the root: each object's parent is the first object found that refers to it.</summary>
    private static int[] ShortestPathParents(Graph graph)
    {
        var limit = (int)graph.NodeIndexLimit;
        var parent = new int[limit];
        Array.Fill(parent, -1);
        var queue = new Queue<int>();
        var root = (int)graph.RootIndex;
        parent[root] = root;
        queue.Enqueue(root);
        var node = graph.AllocNodeStorage();
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            graph.GetNode((NodeIndex)current, node);
            for (var child = node.GetFirstChildIndex(); child != NodeIndex.Invalid; child = node.GetNextChildIndex())
            {
                var c = (int)child;
                if (parent[c] != -1)
                    continue;
                parent[c] = current;
                queue.Enqueue(c);
            }
        }
        return parent;
    }

    private static int Owner(int index, Graph graph, Node storage, int[] parent, bool[] ownerOf, int[] cache)
    {
        var path = new List<int>();
        var current = index;
        var found = -1;
        while (current >= 0)
        {
            if (cache[current] != -2)
            {
                found = cache[current];
                break;
            }
            path.Add(current);
            var type = (int)graph.GetNode((NodeIndex)current, storage).TypeIndex;
            if (ownerOf[type])
            {
                found = type;
                break;
            }
            var up = parent[current];
            if (up == current || up < 0)
                break;
            current = up;
        }
        foreach (var p in path)
            cache[p] = found;
        return found;
    }
}

/// <summary>Bytes and objects (scaled by the snapshot's sampling multiplier, if it sampled).</summary>
internal sealed class Tally
{
    public double Bytes { get; set; }

    public double Objects { get; set; }
}

internal static class TallyExtensions
{
    public static void Add<TKey>(this Dictionary<TKey, Tally> tallies, TKey key, long bytes, float objects)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
            tallies[key] = tally = new Tally();
        tally.Bytes += bytes;
        tally.Objects += objects;
    }
}
