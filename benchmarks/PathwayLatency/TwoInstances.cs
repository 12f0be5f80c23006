using CareWorkspace.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using StackExchange.Redis;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// Two app instances as behind a load balancer, as tests/integration/Infrastructure/TwoHostsFixture.cs starts them:
/// one fresh PostgreSQL database (CAREWORKSPACE_TEST_POSTGRES, dropped at the end) and one Redis
/// (CAREWORKSPACE_TEST_REDIS, default 127.0.0.1:6379). Instance A starts first and creates and seeds the database.
/// The editors work on A, the viewers watch on B: every change crosses Redis.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    private const string DefaultRedis = "127.0.0.1:6379";

    private readonly string database;

    private TwoInstances(string database, BenchApp a, BenchApp b)
    {
        this.database = database;
        A = a;
        B = b;
    }

    public BenchApp A { get; }

    public BenchApp B { get; }

    private static string PostgresServer => Environment.GetEnvironmentVariable("CAREWORKSPACE_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultPostgres;

    private static string RedisServer => Environment.GetEnvironmentVariable("CAREWORKSPACE_TEST_REDIS") is { Length: > 0 } s ? s : DefaultRedis;

    public static async Task<TwoInstances> StartAsync()
    {
        var database = "cw_bench_" + Guid.NewGuid().ToString("N")[..16];
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings:Care"] = $"{PostgresServer};Database={database}",
            ["Redis:ConnectionString"] = RedisServer,
        };
        var a = await BenchApp.StartAsync(settings: settings);
        await a.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();
        var b = await BenchApp.StartAsync(settings: settings);
        return new TwoInstances(database, a, b);
    }

    /// <summary>The levels across instances: browser and service-call editors on A, each viewer group on B.</summary>
    public static async Task<List<LevelResult>> RunAsync(IBrowser browser, Options options, Report report)
    {
        const string setting = "2 instances, PostgreSQL + Redis";
        Console.WriteLine($"-- {setting}: starting; load {Machine.Load()}");
        await using var instances = await StartAsync();
        var service = await Editor.CreateAsync(instances.A.Services);
        var loginsA = new LoginStates(browser, instances.A.BaseAddress);
        var loginsB = new LoginStates(browser, instances.B.BaseAddress);
        await using var editor = await BrowserEditor.OpenAsync(browser, instances.A.BaseAddress, service.PatientId, service.OrganisationName, loginsA);
        IEditor[] editors = [editor, service];
        var results = new List<LevelResult>();
        foreach (var count in options.TwoInstanceViewers)
        {
            await using var viewers = await BrowserViewers.OpenAsync(browser, instances.B.BaseAddress, service.PatientId, count, loginsB);
            results.AddRange(await Levels.RunEachAsync(setting, editors, viewers, options, report));
        }
        foreach (var count in options.TwoInstanceCircuits)
        {
            await using var circuits = await CircuitViewers.OpenAsync(instances.B.BaseAddress, service.PatientId, count, loginsB);
            results.AddRange(await Levels.RunEachAsync(setting, editors, circuits, options, report));
        }
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
