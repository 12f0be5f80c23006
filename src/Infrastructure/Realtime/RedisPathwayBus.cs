using System.Text.Json;
using StackExchange.Redis;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>Pathway changes over Redis pub/sub, so instances sharing one database show each other's changes live.</summary>
public sealed class RedisPathwayBus(IConnectionMultiplexer redis) : IPathwayBus
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("careworkspace:pathway");

    public Task PublishAsync(PathwayChange change) =>
        redis.GetSubscriber().PublishAsync(Channel, ToMessage(change));

    public void Subscribe(Action<PathwayChange> onRemoteChange) =>
        redis.GetSubscriber().Subscribe(Channel, (_, value) =>
        {
            if (value.HasValue && FromMessage(value.ToString()) is { } change)
                onRemoteChange(change);
        });

    /// <summary>What goes over the wire: ids only, as JSON.</summary>
    public static string ToMessage(PathwayChange change) => JsonSerializer.Serialize(change);

    public static PathwayChange? FromMessage(string message) => JsonSerializer.Deserialize<PathwayChange>(message);
}
