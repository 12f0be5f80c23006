using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LocalPrescribing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangedAt",
                table: "MedicationEntries",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "MedicationEntries",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DailyDoseAmount",
                table: "MedicationEntries",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DailyDoseUnit",
                table: "MedicationEntries",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "MedicationEntries",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "MedicationAlertOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Severity = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RuleId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    OverriddenBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    OverriddenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    MedicationEntryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicationAlertOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MedicationAlertOverrides_MedicationEntries_MedicationEntryId",
                        column: x => x.MedicationEntryId,
                        principalTable: "MedicationEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MedicationAlertOverrides_MedicationEntryId",
                table: "MedicationAlertOverrides",
                column: "MedicationEntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MedicationAlertOverrides");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                table: "MedicationEntries");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "MedicationEntries");

            migrationBuilder.DropColumn(
                name: "DailyDoseAmount",
                table: "MedicationEntries");

            migrationBuilder.DropColumn(
                name: "DailyDoseUnit",
                table: "MedicationEntries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "MedicationEntries");
        }
    }
}
