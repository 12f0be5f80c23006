namespace CareWorkspace.Infrastructure.Realtime;

public sealed class LocalPresenceStore : IPresenceStore
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, Dictionary<string, DateTimeOffset>> _entries = [];

    public Task AddAsync(Guid patientId, string entry, DateTimeOffset expires)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(patientId, out var forPatient))
                _entries[patientId] = forPatient = [];
            forPatient[entry] = expires;
        }
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid patientId, string entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(patientId, out var forPatient) && forPatient.Remove(entry) && forPatient.Count == 0)
                _entries.Remove(patientId);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(Guid patientId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(patientId, out var forPatient))
                return Task.FromResult<IReadOnlyList<string>>([]);
            return Task.FromResult<IReadOnlyList<string>>(forPatient.Where(e => e.Value > now).Select(e => e.Key).ToList());
        }
    }
}
