using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Localization;
using CareWorkspace.Web.Security;

namespace CareWorkspace.Web.Features.Live;

/// <summary>
/// Keeps one live view (a section, the pathway header, presence, the inbox) up to date: it re-loads the view on the
/// circuit's dispatcher when a watched change arrives, merges a burst of changes that arrive during a re-load into one
/// more re-load, and re-loads once when the browser reconnects, to catch up with what changed while it was away.
/// </summary>
/// <remarks>
/// Create it before the component's first await, so that disposing the component always finds it; once disposed it
/// subscribes to nothing and re-loads nothing. Watching starts and stops explicitly (a new patient, access refused).
/// </remarks>
public sealed class LiveUpdates : IDisposable
{
    private readonly IPathwayNotifier _notifier;
    private readonly CircuitReconnectNotifier _connection;
    private readonly Func<Func<Task>, Task> _onCircuit;
    private readonly Func<Task> _reload;
    private readonly Func<Exception, Task> _onFailure;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly CircuitCulture _culture = new();
    private volatile bool _disposed;

    // 1 while a re-load has been handed to the circuit and has not started there yet.
    private int _waitingOnCircuit;

    // Touched only on the circuit's dispatcher, one call at a time.
    private bool _reloading;
    private bool _pending;

    /// <param name="onCircuit">The component's <c>InvokeAsync</c>: runs work on its circuit's dispatcher.</param>
    /// <param name="reload">Re-loads the view and renders it; runs on the dispatcher.</param>
    /// <param name="onFailure">What to do with a re-load's failure (by default it is logged and the view keeps what it shows).</param>
    public LiveUpdates(IPathwayNotifier notifier, CircuitReconnectNotifier connection, Func<Func<Task>, Task> onCircuit, Func<Task> reload,
        ILogger logger, Func<Exception, Task>? onFailure = null)
    {
        _notifier = notifier;
        _connection = connection;
        _onCircuit = onCircuit;
        _reload = reload;
        _onFailure = onFailure ?? (ex =>
        {
            logger.LogWarning(ex, "A live re-load failed; the view keeps what it shows until the next change");
            return Task.CompletedTask;
        });
        _connection.Reconnected += OnReconnectedAsync;
    }

    public bool IsWatching
    {
        get
        {
            lock (_subscriptions)
                return _subscriptions.Count > 0;
        }
    }

    /// <summary>Follows changes to these sections of one patient (a pathway page).</summary>
    public void WatchPatient(Guid patientId, IEnumerable<PatientSection> sections)
    {
        foreach (var section in sections)
            Add(() => _notifier.Subscribe(patientId, section, OnChangeAsync));
    }

    /// <summary>Follows changes to a section of any patient that the holder of one of these keys may see (the inbox).</summary>
    public void WatchAudience(IEnumerable<AudienceKey> keys, PatientSection section) =>
        Add(() => _notifier.SubscribeFor(keys, section, OnChangeAsync));

    /// <summary>Follows only changes that name this key, in any section (one user's notifications).</summary>
    public void WatchNamed(AudienceKey key) =>
        Add(() => _notifier.SubscribeNamed(key, OnChangeAsync));

    /// <summary>
    /// Also re-loads every <paramref name="interval"/>, for views whose content moves with the clock (a dose turning due
    /// or missed); stopped with the other subscriptions.
    /// </summary>
    public void WatchClock(TimeSpan interval) =>
        Add(() => new Timer(_ => _ = ReloadAsync(), null, interval, interval));

    /// <summary>Stops following changes (and catching up after a reconnect) until told to watch again.</summary>
    public void StopWatching()
    {
        IDisposable[] ending;
        lock (_subscriptions)
        {
            ending = [.. _subscriptions];
            _subscriptions.Clear();
        }
        foreach (var subscription in ending)
            subscription.Dispose();
    }

    /// <summary>Re-loads now, merged with any re-load already running (e.g. after joining presence).</summary>
    public Task ReloadAsync() => _disposed ? Task.CompletedTask : _onCircuit(ReloadMergedAsync);

    private void Add(Func<IDisposable> subscribe)
    {
        lock (_subscriptions)
        {
            if (_disposed)
                return;
            _subscriptions.Add(subscribe());
        }
    }

    private async Task OnChangeAsync(PathwayChange change)
    {
        // A stalled or busy circuit has at most one re-load waiting for it, however many changes arrive meanwhile:
        // that one starts after them all, so it shows the last. A change arriving once it has started asks for another.
        if (_disposed || Interlocked.Exchange(ref _waitingOnCircuit, 1) == 1)
            return;
        var started = 0;
        try
        {
            await _onCircuit(() =>
            {
                Volatile.Write(ref started, 1);
                Volatile.Write(ref _waitingOnCircuit, 0);
                return ReloadMergedAsync();
            });
        }
        finally
        {
            // The circuit refused the work (e.g. it has ended): the next change may hand over another.
            if (Volatile.Read(ref started) == 0)
                Volatile.Write(ref _waitingOnCircuit, 0);
        }
    }

    private Task OnReconnectedAsync() => IsWatching ? ReloadAsync() : Task.CompletedTask;

    private async Task ReloadMergedAsync()
    {
        // A change is delivered on its publisher's thread, in the publisher's language: re-load in the reader's.
        _culture.Apply();
        // A change arriving during a re-load only asks for one more pass; however many arrive, there is one.
        _pending = true;
        if (_reloading)
            return;
        _reloading = true;
        try
        {
            while (_pending && !_disposed)
            {
                _pending = false;
                await _reload();
            }
        }
        catch (Exception ex)
        {
            // A live re-load is nobody's click: it must not reach the notifier or the circuit handler.
            await _onFailure(ex);
        }
        finally
        {
            _reloading = false;
        }
    }

    public void Dispose()
    {
        lock (_subscriptions)
            _disposed = true;
        _connection.Reconnected -= OnReconnectedAsync;
        StopWatching();
    }
}
