using CareWorkspace.Infrastructure.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;

namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>Hangfire's own tables, on the app's database provider; the storage packages create them (not EF).</summary>
public static class JobStorageFactory
{
    public const string Schema = "hangfire";

    public static JobStorage Create(JobSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SQLiteStorage(settings.StorageConnection, new SQLiteStorageOptions
        {
            // The SQLite storage polls every 15 s by default: reminders would wait for no reason.
            QueuePollInterval = settings.PollInterval,
        }),
        DatabaseProvider.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(settings.StorageConnection, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true, QueuePollInterval = settings.PollInterval }),
        DatabaseProvider.SqlServer => new SqlServerStorage(settings.StorageConnection, new SqlServerStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = settings.PollInterval,
        }),
        _ => throw new InvalidOperationException($"No job storage for {settings.Provider}."),
    };
}
