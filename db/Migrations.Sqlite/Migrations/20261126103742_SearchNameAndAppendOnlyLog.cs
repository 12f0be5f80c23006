using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"Patients\" SET \"SearchName\" = lower(\"GivenName\" || ' ' || \"FamilyName\");");
            // The access log is append-only in the database too, whatever code or SQL tries.
            migrationBuilder.Sql("CREATE TRIGGER \"AccessRecords_NoUpdate\" BEFORE UPDATE ON \"AccessRecords\" BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"AccessRecords_NoDelete\" BEFORE DELETE ON \"AccessRecords\" BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AccessRecords_NoUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AccessRecords_NoDelete\";");
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Patients");
        }
    }
}
