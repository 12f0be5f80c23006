using System.Text.Json;
using StackExchange.Redis;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>Pathway changes over Redis pub/sub, so instances sharing one database show each other's changes live.</summary>
public sealed class RedisPathwayBus(IConnectionMultiplexer redis) : IPathwayBus
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("careworkspace:pathway");

    public Task PublishAsync(PathwayChange change) =>
        redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(change));

    public void Subscribe(Action<PathwayChange> onRemoteChange) =>
        redis.GetSubscriber().Subscribe(Channel, (_, value) =>
        {
            if (value.HasValue && JsonSerializer.Deserialize<PathwayChange>(value.ToString()) is { } change)
                onRemoteChange(change);
        });
}
