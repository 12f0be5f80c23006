using System.Collections.Concurrent;
using System.Text.Json;
using CareWorkspace.Domain.Access;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>
/// Who is viewing which pathway, across instances. Each open page is one entry, kept alive by a heartbeat;
/// arrivals and departures are signalled as <see cref="PatientSection.Presence"/> changes.
/// </summary>
public sealed class PresenceTracker : IAsyncDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    private readonly IPresenceStore _store;
    private readonly IPathwayNotifier _notifier;
    private readonly TimeProvider _clock;
    private readonly ILogger<PresenceTracker> _logger;
    private readonly ConcurrentDictionary<string, Guid> _local = new();
    private readonly ITimer _heartbeat;

    public PresenceTracker(IPresenceStore store, IPathwayNotifier notifier, TimeProvider clock, ILogger<PresenceTracker> logger)
    {
        _store = store;
        _notifier = notifier;
        _clock = clock;
        _logger = logger;
        _heartbeat = clock.CreateTimer(_ => _ = RefreshAsync(), null, Heartbeat, Heartbeat);
    }

    public async Task<IAsyncDisposable> JoinAsync(Guid patientId, Viewer viewer)
    {
        var entry = $"{Guid.NewGuid():N}|{JsonSerializer.Serialize(viewer)}";
        _local[entry] = patientId;
        try
        {
            await _store.AddAsync(patientId, entry, _clock.GetUtcNow() + Lifetime);
        }
        catch
        {
            // Not joined: the heartbeat must not add the entry later, when nobody will ever leave it.
            _local.TryRemove(entry, out _);
            throw;
        }
        _notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Presence, ByUserId: viewer.UserId));
        return new Departure(this, patientId, entry, viewer.UserId);
    }

    /// <summary>Everyone viewing the pathway now, once per person.</summary>
    public async Task<IReadOnlyList<Viewer>> ViewersAsync(Guid patientId)
    {
        var entries = await _store.ListAsync(patientId, _clock.GetUtcNow());
        return entries
            .Select(e => JsonSerializer.Deserialize<Viewer>(e[(e.IndexOf('|') + 1)..])!)
            .DistinctBy(v => v.UserId)
            .OrderBy(v => v.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }

    private async Task LeaveAsync(Guid patientId, string entry, string userId)
    {
        _local.TryRemove(entry, out _);
        await _store.RemoveAsync(patientId, entry);
        _notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Presence, ByUserId: userId));
    }

    private async Task RefreshAsync()
    {
        try
        {
            var expires = _clock.GetUtcNow() + Lifetime;
            foreach (var (entry, patientId) in _local)
            {
                await _store.AddAsync(patientId, entry, expires);
                // The viewer may have left while we were re-adding: do not leave a ghost behind.
                if (!_local.ContainsKey(entry))
                    await _store.RemoveAsync(patientId, entry);
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Presence heartbeat failed");
        }
    }

    public async ValueTask DisposeAsync() => await _heartbeat.DisposeAsync();

    private sealed class Departure(PresenceTracker tracker, Guid patientId, string entry, string userId) : IAsyncDisposable
    {
        private int _left;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                await tracker.LeaveAsync(patientId, entry, userId);
        }
    }
}
