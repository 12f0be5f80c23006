using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
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
                type: "nvarchar(401)",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE [Patients] SET [SearchName] = LOWER([GivenName] + ' ' + [FamilyName]);");
            // The access log is append-only in the database too, whatever code or SQL tries.
            migrationBuilder.Sql("CREATE TRIGGER [AccessRecords_AppendOnly] ON [AccessRecords] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50000, 'The access log is append-only', 1; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AccessRecords_AppendOnly];");
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Patients");
        }
    }
}
