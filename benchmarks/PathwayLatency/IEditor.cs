namespace CareWorkspace.PathwayLatency;

/// <summary>Who makes the edits of a level: a browser clicking Save, or the app's service called in-process.</summary>
internal interface IEditor : IAsyncDisposable
{
    /// <summary>How the edit is made, as the tables name it ("browser", "service call", "server event").</summary>
    string Kind { get; }

    /// <summary>
    /// Makes one edit that puts a new marker on the viewers' page and says when it was made; null when the edit was
    /// not saved (the editor says why), which the level counts as a failed edit and leaves out.
    /// </summary>
    Task<Commit?> EditAsync();
}

/// <summary>
/// One edit: its marker, the Unix ms the latency counts from (the browser's click, or the moment the service call
/// returned) and how long the editor itself waited (the service call, or click until the dialog closed).
/// </summary>
internal sealed record Commit(string Marker, long CommittedAtUnixMs, double ServiceMs);

/// <summary>The texts "bench-N" the viewers look for: unique per process, whichever editor makes them.</summary>
internal static class Markers
{
    private static int next;

    public static string Next() => $"bench-{Interlocked.Increment(ref next)}";
}
