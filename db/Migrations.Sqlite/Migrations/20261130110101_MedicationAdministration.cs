using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MedicationAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdministrationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MedicationEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Initials = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdministrationRecords_MedicationEntries_MedicationEntryId",
                        column: x => x.MedicationEntryId,
                        principalTable: "MedicationEntries",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AdministrationRecords_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrationRecords_MedicationEntryId_ScheduledAt",
                table: "AdministrationRecords",
                columns: new[] { "MedicationEntryId", "ScheduledAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdministrationRecords_PatientId_ScheduledAt",
                table: "AdministrationRecords",
                columns: new[] { "PatientId", "ScheduledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdministrationRecords");
        }
    }
}
