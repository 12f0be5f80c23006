using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hospital = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReconciledBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReconciledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    DrugName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AtcCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Strength = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Form = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DoseText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DailyDoseAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    DailyDoseUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AsNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Indication = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DischargeMedicationListId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DischargeListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FinishedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DrugName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MedicationReconciliationId = table.Column<Guid>(type: "TEXT", nullable: false)
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
