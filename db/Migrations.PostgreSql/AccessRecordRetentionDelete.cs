using Microsoft.EntityFrameworkCore.Migrations;

namespace CareWorkspace.Migrations.PostgreSql;

/// <summary>
/// Raw SQL of the AccessLogRetentionPermits migration: access records stay append-only (no update, no truncate), except
/// that a row whose id has a deletion permit (added by the retention job in its own transaction) may be deleted.
/// </summary>
internal static class AccessRecordRetentionDelete
{
    public static void Allow(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION access_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF EXISTS (SELECT 1 FROM "AccessRecordDeletionPermits" WHERE "AccessRecordId" = OLD."Id") THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'The access log is append-only: only the retention job deletes access records';
                END IF;
                RAISE EXCEPTION 'The access log is append-only';
            END; $$;
            """);

    public static void Refuse(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("CREATE OR REPLACE FUNCTION access_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'The access log is append-only'; END; $$;");
}
