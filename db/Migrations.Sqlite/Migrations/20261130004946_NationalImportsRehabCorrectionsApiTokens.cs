using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NationalImportsRehabCorrectionsApiTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Corrections",
                table: "RehabilitationSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "RehabilitationSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "ExternalIdentifier",
                table: "Appointments",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalSource",
                table: "Appointments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HomeMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MeasuredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FetchedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeMeasurements_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MedicationEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DrugName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Strength = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Form = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AtcCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DoseText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AsNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Indication = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Prescriber = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FetchedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MedicationEntries_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalApiTokens_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ExternalIdentifier",
                table: "Appointments",
                column: "ExternalIdentifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeMeasurements_PatientId_MeasuredAt",
                table: "HomeMeasurements",
                columns: new[] { "PatientId", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeMeasurements_SourceId",
                table: "HomeMeasurements",
                column: "SourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MedicationEntries_PatientId_Status",
                table: "MedicationEntries",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MedicationEntries_SourceId",
                table: "MedicationEntries",
                column: "SourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalApiTokens_OwnerUserId",
                table: "PersonalApiTokens",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalApiTokens_TokenHash",
                table: "PersonalApiTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HomeMeasurements");

            migrationBuilder.DropTable(
                name: "MedicationEntries");

            migrationBuilder.DropTable(
                name: "PersonalApiTokens");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_ExternalIdentifier",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "Corrections",
                table: "RehabilitationSessions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RehabilitationSessions");

            migrationBuilder.DropColumn(
                name: "ExternalIdentifier",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "ExternalSource",
                table: "Appointments");
        }
    }
}
