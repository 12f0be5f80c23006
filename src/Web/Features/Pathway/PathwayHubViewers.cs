using System.Collections.Concurrent;
using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// The hub connections on this instance that joined each patient, with the actor behind each, so every notice can be
/// decided for its receiver and a connection that loses access can be removed at once.
/// </summary>
public sealed class PathwayHubViewers
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Actor>> _byPatient = new();

    public void Join(Guid patientId, string connectionId, Actor actor) =>
        _byPatient.GetOrAdd(patientId, _ => new ConcurrentDictionary<string, Actor>())[connectionId] = actor;

    public void Leave(Guid patientId, string connectionId)
    {
        if (_byPatient.TryGetValue(patientId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
            if (connections.IsEmpty)
                _byPatient.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, Actor>>(patientId, connections));
        }
    }

    public void LeaveAll(string connectionId)
    {
        foreach (var patientId in _byPatient.Keys)
            Leave(patientId, connectionId);
    }

    public IReadOnlyList<KeyValuePair<string, Actor>> Of(Guid patientId) =>
        _byPatient.TryGetValue(patientId, out var connections) ? connections.ToList() : [];

    public bool Has(Guid patientId, string connectionId) =>
        _byPatient.TryGetValue(patientId, out var connections) && connections.ContainsKey(connectionId);

    /// <summary>How many (patient, connection) pairs are held: zero once every client has left.</summary>
    public int Count => _byPatient.Values.Sum(c => c.Count);
}
