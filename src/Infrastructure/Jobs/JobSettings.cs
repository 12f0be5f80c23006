using CareWorkspace.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>
/// Background jobs (Hangfire), read from <c>Jobs:*</c>. The job store lives in the app's own database provider:
/// on SQLite a file beside the app's database (<c>careworkspace-jobs.db</c>), on PostgreSQL and SQL Server the app's
/// database in the schema <c>hangfire</c>, unless <c>Jobs:ConnectionString</c> names another.
/// </summary>
public sealed record JobSettings(DatabaseProvider Provider, string StorageConnection)
{
    /// <summary><c>Jobs:RunServer</c> (default true): this instance runs jobs. Off, jobs are still stored and the dashboard shows them.</summary>
    public bool RunServer { get; init; } = true;

    /// <summary><c>Jobs:WorkerCount</c> (default 2): jobs run at once on this instance.</summary>
    public int WorkerCount { get; init; } = 2;

    /// <summary><c>Jobs:PollInterval</c> (default 1 s): how often the server looks for queued and scheduled jobs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public const string SqliteFileName = "careworkspace-jobs.db";

    public static JobSettings From(IConfiguration configuration, DatabaseSettings database)
    {
        var section = configuration.GetSection("Jobs");
        var connection = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
            connection = database.Provider == DatabaseProvider.Sqlite ? BesideSqliteDatabase(database) : database.ConnectionString;
        return new JobSettings(database.Provider, connection)
        {
            RunServer = section.GetValue("RunServer", true),
            WorkerCount = Math.Max(1, section.GetValue("WorkerCount", 2)),
            PollInterval = section.GetValue("PollInterval", TimeSpan.FromSeconds(1)),
        };
    }

    private static string BesideSqliteDatabase(DatabaseSettings database)
    {
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var folder = string.IsNullOrWhiteSpace(file) || file == ":memory:"
            ? database.DataFolder
            : Path.GetDirectoryName(Path.GetFullPath(file, database.DataFolder)) ?? database.DataFolder;
        return Path.Combine(folder, SqliteFileName);
    }
}
