using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>Without Redis, other instances stop seeing this one's changes: report it as degraded, not down.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis is unreachable: live updates stay on this instance only.", ex);
        }
    }
}
