namespace CareWorkspace.PathwayLatency;

/// <summary>A set of viewers on Jens' care team tab that report when a marker first reached them.</summary>
internal interface IViewerGroup : IAsyncDisposable
{
    string Kind { get; }

    int Count { get; }

    /// <summary>
    /// Per viewer, the Unix ms at which <paramref name="marker"/> first appeared, or null if it had not
    /// appeared within <paramref name="timeoutMs"/> of this call.
    /// </summary>
    Task<long?[]> WaitForAsync(string marker, int timeoutMs);
}
