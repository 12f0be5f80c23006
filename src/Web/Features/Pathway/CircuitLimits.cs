namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// Bounds on what one Blazor circuit may hold on the server, so that thousands of open pathways stay affordable
/// and one stalled or misbehaving browser cannot grow without limit. Each value and why: docs/benchmarks.md,
/// "Circuit options".
/// </summary>
public static class CircuitLimits
{
    public static IServerSideBlazorBuilder AddCircuitLimits(this IServerSideBlazorBuilder blazor)
    {
        blazor.AddCircuitOptions(o =>
        {
            // A tablet carried between wards reconnects within seconds to a minute; beyond that a fresh page load
            // re-reads everything anyway. Retained circuits keep their whole component tree in memory.
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(2);
            o.DisconnectedCircuitMaxRetained = 100;
            // No pathway call into the browser waits for a person; a browser that does not answer in 30 s is gone.
            o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            // A viewer that stops acknowledging renders (a frozen tab) holds at most this many render batches.
            o.MaxBufferedUnacknowledgedRenderBatches = 5;
        });
        blazor.AddHubOptions(o =>
        {
            // The browser sends events and JS results, never files (attachments go through their own endpoint).
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.MaximumParallelInvocationsPerClient = 1;
            o.StreamBufferCapacity = 4;
        });
        return blazor;
    }
}
