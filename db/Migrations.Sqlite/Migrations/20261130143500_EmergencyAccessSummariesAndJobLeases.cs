using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmergencyAccessSummariesAndJobLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SummarisedAt",
                table: "EmergencyAccesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_SummarisedAt_EndsAt",
                table: "EmergencyAccesses",
                columns: new[] { "SummarisedAt", "EndsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropIndex(
                name: "IX_EmergencyAccesses_SummarisedAt_EndsAt",
                table: "EmergencyAccesses");

            migrationBuilder.DropColumn(
                name: "SummarisedAt",
                table: "EmergencyAccesses");
        }
    }
}
