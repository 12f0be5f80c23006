using CareWorkspace.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// Two app instances, as behind a load balancer: one PostgreSQL database, one Redis (pub/sub for pathway changes,
/// presence, and the SignalR backplane). Host A starts first and creates and seeds the database; host B starts on
/// the seeded database, so its seeder finds the organisations and leaves the data alone.
/// Redis is shared with anyone else using it: nothing here flushes it, and every key and channel the tests look at
/// is per patient id, which is new for every database.
/// </summary>
public sealed class TwoHostsFixture : IAsyncLifetime
{
    public CareAppFactory A { get; private set; } = null!;
    public CareAppFactory B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var redis = new Dictionary<string, string?> { ["Redis:ConnectionString"] = CareAppFactory.RedisServer };
        A = new CareAppFactory(DatabaseProvider.PostgreSql, redis);
        await EnsureRedisAsync(A);
        B = new CareAppFactory(DatabaseProvider.PostgreSql, new Dictionary<string, string?>(redis) { ["ConnectionStrings:Care"] = A.ConnectionString });
        await EnsureRedisAsync(B);
    }

    /// <summary>Starts the host and checks that it reaches Redis, with a message that says what to do when it does not.</summary>
    private static async Task EnsureRedisAsync(CareAppFactory host)
    {
        var multiplexer = host.Services.GetRequiredService<IConnectionMultiplexer>();
        try
        {
            await multiplexer.GetDatabase().PingAsync();
        }
        catch (RedisException ex)
        {
            throw new InvalidOperationException(
                $"The cross-instance tests need Redis at {CareAppFactory.RedisServer} ({CareAppFactory.RedisEnvironmentVariable}); " +
                "start it with scripts/services.sh.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // B only borrows A's database; A drops it.
        if (B is not null)
            await B.DisposeAsync();
        if (A is not null)
            await A.DisposeAsync();
    }
}
