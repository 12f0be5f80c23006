using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MedicationDoseChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MedicationDoseChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    OldDoseText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    NewDoseText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    OldStrength = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    NewStrength = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OldDailyDoseAmount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    OldDailyDoseUnit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    NewDailyDoseAmount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    NewDailyDoseUnit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    MedicationEntryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicationDoseChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MedicationDoseChanges_MedicationEntries_MedicationEntryId",
                        column: x => x.MedicationEntryId,
                        principalTable: "MedicationEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MedicationDoseChanges_MedicationEntryId",
                table: "MedicationDoseChanges",
                column: "MedicationEntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MedicationDoseChanges");
        }
    }
}
