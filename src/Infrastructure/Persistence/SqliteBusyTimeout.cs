using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for the one writer (its busy handler retries after 1, 2, 5, 10 … ms) on every connection the
/// app opens. Without it Microsoft.Data.Sqlite meets "database is locked" and sleeps 150 ms before trying again, so a
/// background job writing for a moment held every live viewer's access record back by that much (docs/benchmarks.md).
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for the writer inside SQLite before Microsoft.Data.Sqlite's own retries take over.</summary>
    public const int Milliseconds = 5000;

    public static SqliteBusyTimeout Instance { get; } = new();

    private static readonly string Pragma = FormattableString.Invariant($"PRAGMA busy_timeout = {Milliseconds};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
