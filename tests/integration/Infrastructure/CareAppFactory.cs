using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app on a fresh database of one provider, with the demo data seeded at start-up.
/// Each app gets a new temporary data folder (the SQLite file, attachments); on PostgreSQL also a new database,
/// which the app's migrations create and which is dropped on dispose.
/// </summary>
public class CareAppFactory : WebApplicationFactory<Program>
{
    public const string PostgresEnvironmentVariable = "CAREWORKSPACE_TEST_POSTGRES";
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    public const string RedisEnvironmentVariable = "CAREWORKSPACE_TEST_REDIS";
    private const string DefaultRedis = "127.0.0.1:6379";

    private readonly Dictionary<string, string?> settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "cw-it-" + Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;

    public CareAppFactory(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        Provider = provider;
        settings["Demo:Enabled"] = "true";
        settings["Logging:LogLevel:Default"] = "Warning";
        // Tests sign in far more often than people do; the rate-limit tests set their own low limits.
        settings["Security:LoginRateLimit:PerIpPermitLimit"] = "100000";
        settings["Security:LoginRateLimit:PerUserNamePermitLimit"] = "100000";
        // Job tests run the jobs themselves (or switch the server on); other tests need no job server polling.
        settings["Jobs:RunServer"] = "false";
        settings["Database:Provider"] = provider.ToString();
        settings["Database:DataFolder"] = dataFolder;
        Directory.CreateDirectory(dataFolder);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                break;
            case DatabaseProvider.PostgreSql when overrides?.ContainsKey("ConnectionStrings:Care") == true:
                // The database is someone else's (another host sharing it, or a deliberately wrong setting): not ours to drop.
                break;
            case DatabaseProvider.PostgreSql:
                postgresDatabase = "cw_it_" + Guid.NewGuid().ToString("N")[..16];
                settings["ConnectionStrings:Care"] = $"{PostgresServer};Database={postgresDatabase}";
                break;
            case DatabaseProvider.SqlServer:
                throw new NotSupportedException("No SQL Server runs on the test machines.");
        }
        // A null override removes the test default, leaving the app's own settings files to decide.
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
                settings.Remove(key);
            else
                settings[key] = value;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The app's ConnectionStrings:Care (PostgreSQL), so that a second host can share the database.</summary>
    public string? ConnectionString => settings.GetValueOrDefault("ConnectionStrings:Care");

    /// <summary>The Redis server used by the cross-instance tests.</summary>
    public static string RedisServer =>
        Environment.GetEnvironmentVariable(RedisEnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultRedis;

    /// <summary>The PostgreSQL server used by the tests (without a database name).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresEnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultPostgres;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>Clients read the app in English, as the tests assert English texts; a Danish test sends its own header or cookie.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
    }

    public async Task<CareDbContext> CreateDbContextAsync(CancellationToken ct) =>
        await Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync(ct);

    /// <summary>The actor of a demo user, built from the CareUser row as the sign-in would build it.</summary>
    public async Task<Actor> ActorAsync(string userName, CancellationToken ct)
    {
        await using var db = await CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, ct);
        var organisationName = user.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync(ct)
            : null;
        return new Actor(user.Id, user.DisplayName, user.Role, user.OrganisationId, organisationName);
    }

    public async Task<Guid> JensIdAsync(CancellationToken ct)
    {
        await using var db = await CreateDbContextAsync(ct);
        var cpr = Cpr.Parse(DemoDataSeeder.JensCpr, CopenhagenTime.Today(Services.GetRequiredService<TimeProvider>()));
        return await db.Patients.AsNoTracking().Where(p => p.Cpr == cpr).Select(p => p.Id).SingleAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (postgresDatabase is not null)
            await DropPostgresDatabaseAsync(postgresDatabase, settings["ConnectionStrings:Care"]);
        if (Provider == DatabaseProvider.Sqlite)
            SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    internal static async Task DropPostgresDatabaseAsync(string database, string? appConnectionString)
    {
        if (!string.IsNullOrEmpty(appConnectionString))
        {
            await using var appConnection = new NpgsqlConnection(appConnectionString);
            NpgsqlConnection.ClearPool(appConnection);
        }
        var admin = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteAppFactory() : CareAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgreSqlAppFactory() : CareAppFactory(DatabaseProvider.PostgreSql);
