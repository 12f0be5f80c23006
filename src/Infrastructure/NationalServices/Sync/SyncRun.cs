using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// The frame every recurring sync run has: its state says started, then succeeded with its counts (and the newest change
/// seen, which moves the watermark), or failed with why and what it had done so far when the service could not be read.
/// </summary>
internal static class SyncRun
{
    /// <param name="updateState">Writes a change to the service's <see cref="SyncState"/>.</param>
    /// <param name="body">The run itself: counts into the tally, returns the newest source change it saw (or null).</param>
    public static async Task<SyncCounts> RecordAsync(Func<Action<SyncState>, CancellationToken, Task> updateState, TimeProvider clock,
        Func<SyncTally, Task<DateTimeOffset?>> body, CancellationToken ct)
    {
        var tally = new SyncTally();
        await updateState(s => s.Started(clock.GetUtcNow()), ct);
        try
        {
            var newest = await body(tally);
            var counts = tally.ToCounts();
            await updateState(s => s.Succeeded(clock.GetUtcNow(), newest, counts), ct);
            return counts;
        }
        catch (NationalServiceException ex)
        {
            var counts = tally.ToCounts();
            // The failure is recorded even when the run was cancelled: the state must not keep saying "running".
            await updateState(s => s.Failed(clock.GetUtcNow(), ex.Message, counts), CancellationToken.None);
            throw;
        }
    }
}
