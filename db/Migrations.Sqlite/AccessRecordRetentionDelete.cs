using Microsoft.EntityFrameworkCore.Migrations;

namespace CareWorkspace.Migrations.Sqlite;

/// <summary>
/// Raw SQL of the AccessLogRetentionPermits migration: access records stay append-only, except that a row whose id has
/// a deletion permit (added by the retention job in its own transaction) may be deleted.
/// </summary>
internal static class AccessRecordRetentionDelete
{
    public static void Allow(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AccessRecords_NoDelete\";");
        migrationBuilder.Sql("CREATE TRIGGER \"AccessRecords_NoDelete\" BEFORE DELETE ON \"AccessRecords\" "
            + "WHEN NOT EXISTS (SELECT 1 FROM \"AccessRecordDeletionPermits\" WHERE \"AccessRecordId\" = OLD.\"Id\") "
            + "BEGIN SELECT RAISE(ABORT, 'The access log is append-only: only the retention job deletes access records'); END;");
    }

    public static void Refuse(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AccessRecords_NoDelete\";");
        migrationBuilder.Sql("CREATE TRIGGER \"AccessRecords_NoDelete\" BEFORE DELETE ON \"AccessRecords\" BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;");
    }
}
