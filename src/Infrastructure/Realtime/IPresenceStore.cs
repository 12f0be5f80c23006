namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>Where presence entries live: in this process, or in Redis so that all instances share them.</summary>
public interface IPresenceStore
{
    Task AddAsync(Guid patientId, string entry, DateTimeOffset expires);

    Task RemoveAsync(Guid patientId, string entry);

    Task<IReadOnlyList<string>> ListAsync(Guid patientId, DateTimeOffset now);
}
