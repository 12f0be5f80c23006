using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EmergencyAccessSummariesAndJobLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SummarisedAt",
                table: "EmergencyAccesses",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
