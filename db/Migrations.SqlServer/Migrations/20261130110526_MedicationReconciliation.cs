using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MedicationReconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DischargeMedicationLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Hospital = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReconciledBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ReconciledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DischargeMedicationLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DischargeMedicationLists_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DischargeMedicationLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    DrugName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    AtcCode = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Strength = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Form = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DoseText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DailyDoseAmount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    DailyDoseUnit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AsNeeded = table.Column<bool>(type: "bit", nullable: false),
                    Route = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Indication = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DischargeMedicationListId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DischargeMedicationLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DischargeMedicationLines_DischargeMedicationLists_DischargeMedicationListId",
                        column: x => x.DischargeMedicationListId,
                        principalTable: "DischargeMedicationLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MedicationReconciliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DischargeListId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FinishedBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicationReconciliations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MedicationReconciliations_DischargeMedicationLists_DischargeListId",
                        column: x => x.DischargeListId,
                        principalTable: "DischargeMedicationLists",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MedicationReconciliations_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MedicationReconciliationDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RowKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DrugName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Accepted = table.Column<bool>(type: "bit", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    MedicationReconciliationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicationReconciliationDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MedicationReconciliationDecisions_MedicationReconciliations_MedicationReconciliationId",
                        column: x => x.MedicationReconciliationId,
                        principalTable: "MedicationReconciliations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DischargeMedicationLines_DischargeMedicationListId",
                table: "DischargeMedicationLines",
                column: "DischargeMedicationListId");

            migrationBuilder.CreateIndex(
                name: "IX_DischargeMedicationLists_PatientId_ReconciledAt",
                table: "DischargeMedicationLists",
                columns: new[] { "PatientId", "ReconciledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MedicationReconciliationDecisions_MedicationReconciliationId",
                table: "MedicationReconciliationDecisions",
                column: "MedicationReconciliationId");

            migrationBuilder.CreateIndex(
                name: "IX_MedicationReconciliations_DischargeListId",
                table: "MedicationReconciliations",
                column: "DischargeListId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MedicationReconciliations_PatientId",
                table: "MedicationReconciliations",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DischargeMedicationLines");

            migrationBuilder.DropTable(
                name: "MedicationReconciliationDecisions");

            migrationBuilder.DropTable(
                name: "MedicationReconciliations");

            migrationBuilder.DropTable(
                name: "DischargeMedicationLists");
        }
    }
}
