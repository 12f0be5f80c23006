using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SearchNameAndAppendOnlyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Patients",
                type: "character varying(401)",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"Patients\" SET \"SearchName\" = lower(\"GivenName\" || ' ' || \"FamilyName\");");
            // The access log is append-only in the database too, whatever code or SQL tries.
            migrationBuilder.Sql("CREATE FUNCTION access_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'The access log is append-only'; END; $$;");
            migrationBuilder.Sql("CREATE TRIGGER \"AccessRecords_AppendOnly\" BEFORE UPDATE OR DELETE ON \"AccessRecords\" FOR EACH ROW EXECUTE FUNCTION access_records_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER \"AccessRecords_NoTruncate\" BEFORE TRUNCATE ON \"AccessRecords\" FOR EACH STATEMENT EXECUTE FUNCTION access_records_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AccessRecords_NoTruncate\" ON \"AccessRecords\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AccessRecords_AppendOnly\" ON \"AccessRecords\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS access_records_append_only();");
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Patients");
        }
    }
}
