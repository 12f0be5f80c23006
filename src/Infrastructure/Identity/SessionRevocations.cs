using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Identity;

/// <summary>
/// The push signal that ends a user's sessions at once (deactivation, a new password, role or organisation,
/// "Sign out everywhere"): open circuits and hub connections listen, and cookies issued before the revocation
/// are refused on their next request. With Redis configured, every instance hears it.
/// </summary>
public sealed class SessionRevocations
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Listener> _listeners = new();
    private readonly TimeProvider _clock;
    private readonly ISessionRevocationBus? _bus;
    private readonly ILogger<SessionRevocations> _logger;

    public SessionRevocations(TimeProvider clock, ILogger<SessionRevocations> logger, ISessionRevocationBus? bus = null)
    {
        _clock = clock;
        _logger = logger;
        _bus = bus;
        _bus?.Subscribe(r =>
        {
            if (r.Origin != InstanceId)
                Raise(r);
        });
    }

    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Ends every session of <paramref name="userId"/> that exists now, here and on the other instances.</summary>
    public async Task RevokeAsync(string userId, string reason)
    {
        var revocation = new SessionRevocation(userId, _clock.GetUtcNow(), reason, InstanceId);
        Raise(revocation);
        if (_bus is null)
            return;
        try
        {
            await _bus.PublishAsync(revocation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The stamp has already changed in the database: other instances still end the session at their next stamp check.
            _logger.LogWarning(ex, "Could not publish the session revocation of user {UserId} to the other instances", userId);
        }
    }

    /// <summary>True when the user's sessions were revoked after a session (or cookie) was issued at <paramref name="issuedAt"/>.</summary>
    public bool IsRevokedSince(string userId, DateTimeOffset issuedAt) =>
        _latest.TryGetValue(userId, out var at) && at > issuedAt;

    /// <summary>Calls <paramref name="onRevoked"/> for revocations of one user, or of everyone when <paramref name="userId"/> is null.</summary>
    public IDisposable Subscribe(string? userId, Action<SessionRevocation> onRevoked)
    {
        var id = Guid.NewGuid();
        _listeners[id] = new Listener(userId, onRevoked);
        return new Subscription(() => _listeners.TryRemove(id, out _));
    }

    public int ListenerCount => _listeners.Count;

    private void Raise(SessionRevocation revocation)
    {
        _latest.AddOrUpdate(revocation.UserId, revocation.At, (_, old) => old > revocation.At ? old : revocation.At);
        foreach (var listener in _listeners.Values.Where(l => l.UserId is null || l.UserId == revocation.UserId))
        {
            try
            {
                listener.OnRevoked(revocation);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A session listener failed on the revocation of user {UserId}", revocation.UserId);
            }
        }
    }

    private sealed record Listener(string? UserId, Action<SessionRevocation> OnRevoked);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}
