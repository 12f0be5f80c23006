using System.Collections.Concurrent;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CareWorkspace.Web.Security;

/// <summary>The open <c>/hubs/pathway</c> connections of each user, so that a revoked session also loses its connections.</summary>
public sealed class HubConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private readonly ILogger<HubConnections> _logger;

    public HubConnections(SessionRevocations revocations, ILogger<HubConnections> logger)
    {
        _logger = logger;
        _subscription = revocations.Subscribe(null, r => AbortAll(r.UserId));
    }

    public int Count => _connections.Count;

    public void Add(HubCallerContext connection) => _connections[connection.ConnectionId] = connection;

    public void Remove(HubCallerContext connection) => _connections.TryRemove(connection.ConnectionId, out _);

    /// <summary>Closes every connection of the user on this instance.</summary>
    public void AbortAll(string userId)
    {
        foreach (var connection in _connections.Values.Where(c => c.UserIdentifier == userId).ToList())
        {
            _logger.LogInformation("Closing hub connection {ConnectionId} of user {UserId}: session ended", connection.ConnectionId, userId);
            connection.Abort();
            _connections.TryRemove(connection.ConnectionId, out _);
        }
    }

    public void Dispose() => _subscription.Dispose();
}
