using Microsoft.EntityFrameworkCore.Migrations;

namespace CareWorkspace.Migrations.SqlServer;

/// <summary>
/// Raw SQL of the AccessLogRetentionPermits migration: access records stay append-only, except that rows whose ids all
/// have deletion permits (added by the retention job in its own transaction) may be deleted.
/// </summary>
internal static class AccessRecordRetentionDelete
{
    public static void Allow(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AccessRecords_AppendOnly];");
        migrationBuilder.Sql("CREATE TRIGGER [AccessRecords_NoUpdate] ON [AccessRecords] INSTEAD OF UPDATE AS BEGIN THROW 50000, 'The access log is append-only', 1; END;");
        migrationBuilder.Sql("""
            CREATE TRIGGER [AccessRecords_NoDelete] ON [AccessRecords] INSTEAD OF DELETE AS
            BEGIN
                SET NOCOUNT ON;
                IF EXISTS (SELECT 1 FROM deleted d WHERE NOT EXISTS (SELECT 1 FROM [AccessRecordDeletionPermits] p WHERE p.[AccessRecordId] = d.[Id]))
                    THROW 50000, 'The access log is append-only: only the retention job deletes access records', 1;
                DELETE FROM [AccessRecords] WHERE [Id] IN (SELECT [Id] FROM deleted);
            END;
            """);
    }

    public static void Refuse(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AccessRecords_NoDelete];");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AccessRecords_NoUpdate];");
        migrationBuilder.Sql("CREATE TRIGGER [AccessRecords_AppendOnly] ON [AccessRecords] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, 'The access log is append-only', 1; END;");
    }
}
