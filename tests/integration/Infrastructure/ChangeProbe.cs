using System.Collections.Concurrent;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// Subscribes to one patient's section on a notifier and, the moment each signal is delivered, observes the world
/// (e.g. reads the database), so that a test can check what was already true when the signal arrived.
/// Signals are keyed (by default by their item id), so a test waits for exactly the signal of its own change.
/// </summary>
public sealed class ChangeProbe<T> : IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(PathwayChange Change, T Observed)>> _arrivals = new();
    private readonly IDisposable _subscription;
    private readonly Func<PathwayChange, string?> _key;

    public ChangeProbe(IPathwayNotifier notifier, Guid patientId, PatientSection section, Func<PathwayChange, Task<T>> observe,
        Func<PathwayChange, string?>? key = null)
    {
        _key = key ?? (c => c.ItemId?.ToString());
        _subscription = notifier.Subscribe(patientId, section, async change =>
        {
            if (_key(change) is not { } k)
                return;
            var arrival = Slot(k);
            if (arrival.Task.IsCompleted)
                return;
            try
            {
                arrival.TrySetResult((change, await observe(change)));
            }
            catch (Exception ex)
            {
                arrival.TrySetException(ex);
            }
        });
    }

    /// <summary>The first signal with this key and what was observed when it arrived; fails after <see cref="PathwayTestData.SignalTimeout"/>.</summary>
    public async Task<(PathwayChange Change, T Observed)> ArrivalAsync(string key, CancellationToken ct)
    {
        try
        {
            return await Slot(key).Task.WaitAsync(PathwayTestData.SignalTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No pathway signal for '{key}' arrived within {PathwayTestData.SignalTimeout.TotalSeconds:0} s.");
        }
    }

    public Task<(PathwayChange Change, T Observed)> ArrivalAsync(Guid itemId, CancellationToken ct) => ArrivalAsync(itemId.ToString(), ct);

    private TaskCompletionSource<(PathwayChange Change, T Observed)> Slot(string key) =>
        _arrivals.GetOrAdd(key, _ => new TaskCompletionSource<(PathwayChange, T)>(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Dispose() => _subscription.Dispose();
}
