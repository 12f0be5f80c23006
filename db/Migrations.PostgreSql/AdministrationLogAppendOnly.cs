using Microsoft.EntityFrameworkCore.Migrations;

namespace CareWorkspace.Migrations.PostgreSql;

/// <summary>Raw SQL of the AccountLifecycle migration: the administration log is append-only in the database too.</summary>
internal static class AdministrationLogAppendOnly
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE FUNCTION administration_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'The administration log is append-only'; END; $$;");
        migrationBuilder.Sql("CREATE TRIGGER \"AdministrationLog_AppendOnly\" BEFORE UPDATE OR DELETE ON \"AdministrationLog\" FOR EACH ROW EXECUTE FUNCTION administration_log_append_only();");
        migrationBuilder.Sql("CREATE TRIGGER \"AdministrationLog_NoTruncate\" BEFORE TRUNCATE ON \"AdministrationLog\" FOR EACH STATEMENT EXECUTE FUNCTION administration_log_append_only();");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AdministrationLog_NoTruncate\" ON \"AdministrationLog\";");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AdministrationLog_AppendOnly\" ON \"AdministrationLog\";");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS administration_log_append_only();");
    }
}
