namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>Carries pathway changes between app instances (Redis pub/sub when configured).</summary>
public interface IPathwayBus
{
    Task PublishAsync(PathwayChange change);

    void Subscribe(Action<PathwayChange> onRemoteChange);
}
