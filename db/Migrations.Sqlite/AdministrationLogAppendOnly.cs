using Microsoft.EntityFrameworkCore.Migrations;

namespace CareWorkspace.Migrations.Sqlite;

/// <summary>Raw SQL of the AccountLifecycle migration: the administration log is append-only in the database too.</summary>
internal static class AdministrationLogAppendOnly
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE TRIGGER \"AdministrationLog_NoUpdate\" BEFORE UPDATE ON \"AdministrationLog\" BEGIN SELECT RAISE(ABORT, 'The administration log is append-only'); END;");
        migrationBuilder.Sql("CREATE TRIGGER \"AdministrationLog_NoDelete\" BEFORE DELETE ON \"AdministrationLog\" BEGIN SELECT RAISE(ABORT, 'The administration log is append-only'); END;");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AdministrationLog_NoUpdate\";");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AdministrationLog_NoDelete\";");
    }
}
