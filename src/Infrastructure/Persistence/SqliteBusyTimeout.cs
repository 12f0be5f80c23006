using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for the one writer (its busy handler retries after 1, 2, 5, 10 … ms) on every connection the
/// app opens. Without it Microsoft.Data.Sqlite meets "database is locked" and sleeps 150 ms before trying again, so a
/// background job writing for a moment held every live viewer's access record back by that much (docs/benchmarks.md).
/// </summary>
/// <remarks>
/// Set on the native handle, not with a PRAGMA command: every unit of work opens a connection, and a command per open
/// (prepared, run, disposed) would be paid on every read of every live viewer.
/// </remarks>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for the writer inside SQLite before Microsoft.Data.Sqlite's own retries take over.</summary>
    public const int Milliseconds = 5000;

    public static SqliteBusyTimeout Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    private static void Set(DbConnection connection)
    {
        var rc = SQLitePCL.raw.sqlite3_busy_timeout(((SqliteConnection)connection).Handle, Milliseconds);
        if (rc != SQLitePCL.raw.SQLITE_OK)
            throw new InvalidOperationException($"SQLite refused the busy timeout (result code {rc}).");
    }
}
