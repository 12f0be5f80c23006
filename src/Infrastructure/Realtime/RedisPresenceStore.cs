using StackExchange.Redis;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>One sorted set per patient; the score is the entry's expiry, so entries of a crashed instance fade out.</summary>
public sealed class RedisPresenceStore(IConnectionMultiplexer redis) : IPresenceStore
{
    private static RedisKey Key(Guid patientId) => $"careworkspace:presence:{patientId:N}";

    public Task AddAsync(Guid patientId, string entry, DateTimeOffset expires) =>
        redis.GetDatabase().SortedSetAddAsync(Key(patientId), entry, expires.ToUnixTimeMilliseconds());

    public Task RemoveAsync(Guid patientId, string entry) =>
        redis.GetDatabase().SortedSetRemoveAsync(Key(patientId), entry);

    public async Task<IReadOnlyList<string>> ListAsync(Guid patientId, DateTimeOffset now)
    {
        var db = redis.GetDatabase();
        var nowMs = now.ToUnixTimeMilliseconds();
        await db.SortedSetRemoveRangeByScoreAsync(Key(patientId), double.NegativeInfinity, nowMs);
        var values = await db.SortedSetRangeByScoreAsync(Key(patientId), nowMs, double.PositiveInfinity);
        return values.Select(v => v.ToString()).ToList();
    }
}
