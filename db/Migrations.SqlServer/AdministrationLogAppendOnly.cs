using Microsoft.EntityFrameworkCore.Migrations;

namespace CareWorkspace.Migrations.SqlServer;

/// <summary>Raw SQL of the AccountLifecycle migration: the administration log is append-only in the database too.</summary>
internal static class AdministrationLogAppendOnly
{
    public static void Create(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE TRIGGER [AdministrationLog_AppendOnly] ON [AdministrationLog] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, 'The administration log is append-only', 1; END;");

    public static void Drop(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AdministrationLog_AppendOnly];");
}
