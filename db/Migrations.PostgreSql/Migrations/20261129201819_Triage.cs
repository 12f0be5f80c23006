using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TriageChangeForms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    FlagAfterDays = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageChangeForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriageChangeForms_Organisations_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TriageObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answers = table.Column<string>(type: "text", nullable: false),
                    Pulse = table.Column<int>(type: "integer", nullable: true),
                    RespiratoryRate = table.Column<int>(type: "integer", nullable: true),
                    SystolicBloodPressure = table.Column<int>(type: "integer", nullable: true),
                    Temperature = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    OxygenSaturation = table.Column<int>(type: "integer", nullable: true),
                    SpO2Scale = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OnOxygen = table.Column<bool>(type: "boolean", nullable: false),
                    Consciousness = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    News2Total = table.Column<int>(type: "integer", nullable: true),
                    TobsTotal = table.Column<int>(type: "integer", nullable: true),
                    PreviousColour = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PreviousNews2Total = table.Column<int>(type: "integer", nullable: true),
                    PreviousTobsTotal = table.Column<int>(type: "integer", nullable: true),
                    SuggestedColour = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SuggestedReasons = table.Column<string>(type: "text", nullable: false),
                    ConfirmedColour = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeviationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriageObservations_Organisations_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TriageObservations_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TriageActionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObservationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Colour = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Decision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Plan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResponsibleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriageActionPlans_Organisations_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TriageActionPlans_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TriageActionPlans_TriageObservations_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "TriageObservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TriageActionEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MessageThreadId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageActionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriageActionEntries_TriageActionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TriageActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TriageActionEntries_PlanId",
                table: "TriageActionEntries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_TriageActionPlans_ObservationId",
                table: "TriageActionPlans",
                column: "ObservationId");

            migrationBuilder.CreateIndex(
                name: "IX_TriageActionPlans_PatientId_UnitId_CreatedAt",
                table: "TriageActionPlans",
                columns: new[] { "PatientId", "UnitId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TriageActionPlans_UnitId_ClosedAt",
                table: "TriageActionPlans",
                columns: new[] { "UnitId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TriageChangeForms_UnitId",
                table: "TriageChangeForms",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TriageObservations_PatientId_UnitId_RecordedAt",
                table: "TriageObservations",
                columns: new[] { "PatientId", "UnitId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TriageObservations_UnitId_RecordedAt",
                table: "TriageObservations",
                columns: new[] { "UnitId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TriageActionEntries");

            migrationBuilder.DropTable(
                name: "TriageChangeForms");

            migrationBuilder.DropTable(
                name: "TriageActionPlans");

            migrationBuilder.DropTable(
                name: "TriageObservations");
        }
    }
}
