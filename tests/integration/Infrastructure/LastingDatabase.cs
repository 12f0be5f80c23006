using CareWorkspace.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// A database that outlives the app processes run over it, as a real one outlives a restart: a data folder of its own
/// (SQLite) or a PostgreSQL database of its own, which the first process's migrations create. Removed when disposed.
/// </summary>
public sealed class LastingDatabase : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cw-it-lasting-" + Guid.NewGuid().ToString("N"));
    private readonly string? postgresDatabase;

    public LastingDatabase(DatabaseProvider provider)
    {
        Directory.CreateDirectory(folder);
        Settings = new Dictionary<string, string?> { ["Database:DataFolder"] = folder };
        if (provider == DatabaseProvider.PostgreSql)
        {
            postgresDatabase = "cw_it_" + Guid.NewGuid().ToString("N")[..16];
            Settings["ConnectionStrings:Care"] = $"{CareAppFactory.PostgresServer};Database={postgresDatabase}";
        }
    }

    /// <summary>The settings that point a process at this database.</summary>
    public Dictionary<string, string?> Settings { get; }

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is not null)
            await CareAppFactory.DropPostgresDatabaseAsync(postgresDatabase, Settings["ConnectionStrings:Care"]);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
