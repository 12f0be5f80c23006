namespace CareWorkspace.Infrastructure.Identity;

/// <summary>Carries session revocations between app instances (Redis pub/sub when configured).</summary>
public interface ISessionRevocationBus
{
    Task PublishAsync(SessionRevocation revocation);

    void Subscribe(Action<SessionRevocation> onRemoteRevocation);
}
