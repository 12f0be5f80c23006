using System.Threading.Channels;
using CareWorkspace.Domain.Access;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>
/// The in-process fan-out of pathway changes to subscribed circuits, plus the bus to other instances.
/// Subscriptions live in per-patient arrays replaced under a lock, so delivery reads a snapshot without locking.
/// Each subscription has its own bounded mailbox, drained on the thread pool, so one that blocks holds up no other.
/// </summary>
public sealed class PathwayNotifier : IPathwayNotifier, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, Subscription[]> _byPatient = [];
    private Subscription[] _all = [];
    private readonly Dictionary<AudienceKey, Subscription[]> _byAudience = [];
    private Subscription[] _audienceSubscribers = [];

    // The audience subscribers that also hear a change whose audience was not worked out (all but SubscribeNamed's).
    private Subscription[] _hearUnaddressed = [];
    private readonly Channel<PathwayChange> _queue = Channel.CreateUnbounded<PathwayChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IPathwayBus? _bus;
    private readonly ILogger<PathwayNotifier> _logger;
    private readonly TimeProvider _clock;
    private Action<PathwayChange>[] _beforeDelivery = [];
    private readonly Task _dispatcher;

    public PathwayNotifier(ILogger<PathwayNotifier> logger, TimeProvider clock, IPathwayBus? bus = null)
    {
        _logger = logger;
        _clock = clock;
        _bus = bus;
        _bus?.Subscribe(OnRemoteChange);
        _dispatcher = Task.Run(DispatchAsync);
    }

    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    public int SubscriptionCount
    {
        get
        {
            lock (_gate)
                return _all.Length + _audienceSubscribers.Length + _byPatient.Values.Sum(s => s.Length);
        }
    }

    /// <summary>
    /// How many changes may wait for one subscriber that does not keep up; beyond that its oldest are dropped (every
    /// change makes a receiver read anew, so the newest ones matter) and memory stays bounded.
    /// </summary>
    public const int MaxWaitingPerSubscriber = 1024;

    /// <summary>The most changes waiting for any one subscriber right now, for tests and diagnostics.</summary>
    public int MostWaitingForOneSubscriber
    {
        get
        {
            Subscription[] all;
            lock (_gate)
                all = [.. _all, .. _audienceSubscribers, .. _byPatient.Values.SelectMany(s => s)];
            return all.Length == 0 ? 0 : all.Max(s => s.Waiting);
        }
    }

    /// <summary>How many changes wait to be delivered, for tests and diagnostics.</summary>
    public int Queued => Volatile.Read(ref _queued);

    private int _queued;

    public int PatientsWithSubscribers
    {
        get
        {
            lock (_gate)
                return _byPatient.Count;
        }
    }

    /// <summary>
    /// Tells <paramref name="observer"/> of every change, local or remote, at once and before any subscriber hears of it
    /// (the shared reads, so that every re-load the change causes reads anew). It must be quick and must not throw.
    /// </summary>
    public IDisposable BeforeDelivery(Action<PathwayChange> observer)
    {
        lock (_gate)
            _beforeDelivery = [.. _beforeDelivery, observer];
        return new Unregister(() =>
        {
            lock (_gate)
                _beforeDelivery = [.. _beforeDelivery.Where(o => o != observer)];
        });
    }

    private void TellBeforeDelivery(PathwayChange change)
    {
        foreach (var observer in Volatile.Read(ref _beforeDelivery))
            observer(change);
    }

    public IDisposable Subscribe(Guid patientId, PatientSection? section, Func<PathwayChange, Task> onChange)
    {
        var subscription = new Subscription(this, patientId, null, section, onChange);
        lock (_gate)
            _byPatient[patientId] = _byPatient.TryGetValue(patientId, out var existing) ? [.. existing, subscription] : [subscription];
        return subscription;
    }

    public IDisposable SubscribeFor(IEnumerable<AudienceKey> keys, PatientSection? section, Func<PathwayChange, Task> onChange)
    {
        var subscription = new Subscription(this, null, [.. keys.Distinct()], section, onChange);
        lock (_gate)
        {
            _audienceSubscribers = [.. _audienceSubscribers, subscription];
            _hearUnaddressed = [.. _hearUnaddressed, subscription];
            foreach (var key in subscription.Keys!)
                _byAudience[key] = _byAudience.TryGetValue(key, out var existing) ? [.. existing, subscription] : [subscription];
        }
        return subscription;
    }

    public IDisposable SubscribeNamed(AudienceKey key, Func<PathwayChange, Task> onChange)
    {
        var subscription = new Subscription(this, null, [key], null, onChange);
        lock (_gate)
        {
            _audienceSubscribers = [.. _audienceSubscribers, subscription];
            _byAudience[key] = _byAudience.TryGetValue(key, out var existing) ? [.. existing, subscription] : [subscription];
        }
        return subscription;
    }

    public IDisposable SubscribeAll(PatientSection? section, Func<PathwayChange, Task> onChange)
    {
        var subscription = new Subscription(this, null, null, section, onChange);
        lock (_gate)
            _all = [.. _all, subscription];
        return subscription;
    }

    public void PathwayChanged(PathwayChange change)
    {
        var stamped = change with
        {
            Origin = InstanceId,
            CommittedAtUnixMs = change.CommittedAtUnixMs != 0 ? change.CommittedAtUnixMs : _clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        // Before queueing: the caller that committed the change (and anyone after it) reads anew at once.
        TellBeforeDelivery(stamped);
        Enqueue(stamped);
        if (_bus is not null)
            _ = PublishAsync(stamped);
    }

    private async Task PublishAsync(PathwayChange change)
    {
        try
        {
            await _bus!.PublishAsync(change);
        }
        catch (Exception ex)
        {
            // Other instances miss this signal; their viewers catch up on the next change or reload. This instance is unaffected.
            _logger.LogWarning(ex, "Could not publish a pathway change to other instances");
        }
    }

    private void OnRemoteChange(PathwayChange change)
    {
        if (change.Origin == InstanceId)
            return;
        TellBeforeDelivery(change);
        Enqueue(change);
    }

    private void Enqueue(PathwayChange change)
    {
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(change))
            Interlocked.Decrement(ref _queued);
    }

    private async Task DispatchAsync()
    {
        await foreach (var change in _queue.Reader.ReadAllAsync())
        {
            Interlocked.Decrement(ref _queued);
            Subscription[] targets;
            lock (_gate)
            {
                var forPatient = _byPatient.TryGetValue(change.PatientId, out var s) ? s : [];
                targets = [.. forPatient, .. _all, .. AudienceOf(change)];
            }
            foreach (var target in targets)
            {
                // Posted, not called: each subscriber hears changes in commit order from its own mailbox, so one that
                // is slow or blocks its thread does not hold up delivery to the others.
                if (target.Section is null || target.Section == change.Section)
                    target.Post(change);
            }
        }
    }

    /// <summary>The audience subscribers holding a key the change carries, each once (called under the lock).</summary>
    private IEnumerable<Subscription> AudienceOf(PathwayChange change)
    {
        if (change.SeenBy is null)
            return _hearUnaddressed;
        if (change.SeenBy.Count == 0 || _byAudience.Count == 0)
            return [];
        var found = new HashSet<Subscription>();
        foreach (var key in change.SeenBy)
        {
            if (_byAudience.TryGetValue(key, out var subscribers))
                found.UnionWith(subscribers);
        }
        return found;
    }

    private async Task DeliverAsync(Subscription target, PathwayChange change)
    {
        try
        {
            await target.OnChange(change);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A pathway subscriber failed to handle a change in {Section}", change.Section);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (subscription.Keys is { } keys)
            {
                _audienceSubscribers = [.. _audienceSubscribers.Where(s => !ReferenceEquals(s, subscription))];
                _hearUnaddressed = [.. _hearUnaddressed.Where(s => !ReferenceEquals(s, subscription))];
                foreach (var key in keys)
                {
                    if (!_byAudience.TryGetValue(key, out var holders))
                        continue;
                    var others = holders.Where(s => !ReferenceEquals(s, subscription)).ToArray();
                    if (others.Length == 0)
                        _byAudience.Remove(key);
                    else
                        _byAudience[key] = others;
                }
                return;
            }
            if (subscription.PatientId is not { } patientId)
            {
                _all = [.. _all.Where(s => !ReferenceEquals(s, subscription))];
                return;
            }
            if (!_byPatient.TryGetValue(patientId, out var existing))
                return;
            var remaining = existing.Where(s => !ReferenceEquals(s, subscription)).ToArray();
            if (remaining.Length == 0)
                _byPatient.Remove(patientId);
            else
                _byPatient[patientId] = remaining;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _dispatcher;
    }

    private sealed class Unregister(Action unregister) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                unregister();
        }
    }

    private sealed class Subscription(PathwayNotifier owner, Guid? patientId, AudienceKey[]? keys, PatientSection? section,
        Func<PathwayChange, Task> onChange) : IDisposable
    {
        private int _disposed;

        public Guid? PatientId { get; } = patientId;
        public AudienceKey[]? Keys { get; } = keys;
        public PatientSection? Section { get; } = section;
        public Func<PathwayChange, Task> OnChange { get; } = onChange;

        private readonly Queue<PathwayChange> _mailbox = new();
        private bool _delivering;
        private bool _dropping;

        public int Waiting
        {
            get
            {
                lock (_mailbox)
                    return _mailbox.Count;
            }
        }

        public void Post(PathwayChange change)
        {
            lock (_mailbox)
            {
                if (_mailbox.Count >= MaxWaitingPerSubscriber)
                {
                    _mailbox.Dequeue();
                    if (!_dropping)
                        owner._logger.LogWarning("A pathway subscriber is not keeping up; its oldest waiting changes are dropped");
                    _dropping = true;
                }
                _mailbox.Enqueue(change);
                if (_delivering)
                    return;
                _delivering = true;
            }
            _ = Task.Run(Deliver);
        }

        private void Deliver()
        {
            while (true)
            {
                PathwayChange next;
                lock (_mailbox)
                {
                    if (Volatile.Read(ref _disposed) == 1)
                        _mailbox.Clear();
                    if (!_mailbox.TryDequeue(out next!))
                    {
                        _delivering = false;
                        _dropping = false;
                        return;
                    }
                }
                // Started in order without awaiting, as before: a subscriber awaiting I/O is not waited for.
                _ = owner.DeliverAsync(this, next);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                owner.Remove(this);
        }
    }
}
