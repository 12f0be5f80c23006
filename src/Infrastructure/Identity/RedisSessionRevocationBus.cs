using System.Text.Json;
using StackExchange.Redis;

namespace CareWorkspace.Infrastructure.Identity;

/// <summary>Session revocations over Redis pub/sub, so a deactivation on one instance ends sessions on all of them.</summary>
public sealed class RedisSessionRevocationBus(IConnectionMultiplexer redis) : ISessionRevocationBus
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("careworkspace:session-revocations");

    public Task PublishAsync(SessionRevocation revocation) =>
        redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(revocation));

    public void Subscribe(Action<SessionRevocation> onRemoteRevocation) =>
        redis.GetSubscriber().Subscribe(Channel, (_, value) =>
        {
            if (value.HasValue && JsonSerializer.Deserialize<SessionRevocation>(value.ToString()) is { } revocation)
                onRemoteRevocation(revocation);
        });
}
