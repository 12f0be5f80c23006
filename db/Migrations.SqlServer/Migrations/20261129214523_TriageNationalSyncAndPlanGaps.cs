using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TriageNationalSyncAndPlanGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExerciseHistory",
                table: "RehabilitationPlans",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CarePlanMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Order = table.Column<int>(type: "int", nullable: false),
                    CarePlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanMeasurements_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportedItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Service = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    SourceUpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FetchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedItems_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParkedImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Service = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    FirstFailedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastFailedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParkedImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderChecks",
                columns: table => new
                {
                    AppointmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PatientUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConsentsSeenUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderChecks", x => x.AppointmentId);
                    table.ForeignKey(
                        name: "FK_ReminderChecks_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncStates",
                columns: table => new
                {
                    Service = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Watermark = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastStartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastErrorAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Read = table.Column<int>(type: "int", nullable: false),
                    Imported = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Parked = table.Column<int>(type: "int", nullable: false),
                    Concurrency = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncStates", x => x.Service);
                });

            migrationBuilder.CreateTable(
                name: "TriageChangeForms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Items = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FlagAfterDays = table.Column<int>(type: "int", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Answers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Pulse = table.Column<int>(type: "int", nullable: true),
                    RespiratoryRate = table.Column<int>(type: "int", nullable: true),
                    SystolicBloodPressure = table.Column<int>(type: "int", nullable: true),
                    Temperature = table.Column<decimal>(type: "decimal(4,1)", precision: 4, scale: 1, nullable: true),
                    OxygenSaturation = table.Column<int>(type: "int", nullable: true),
                    SpO2Scale = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OnOxygen = table.Column<bool>(type: "bit", nullable: false),
                    Consciousness = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    News2Total = table.Column<int>(type: "int", nullable: true),
                    TobsTotal = table.Column<int>(type: "int", nullable: true),
                    PreviousColour = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    PreviousNews2Total = table.Column<int>(type: "int", nullable: true),
                    PreviousTobsTotal = table.Column<int>(type: "int", nullable: true),
                    SuggestedColour = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SuggestedReasons = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ConfirmedColour = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeviationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ObservationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Colour = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Decision = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Plan = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResponsibleName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ClosingNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    MessageThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                name: "IX_CarePlanMeasurements_CarePlanId",
                table: "CarePlanMeasurements",
                column: "CarePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedItems_PatientId",
                table: "ImportedItems",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedItems_Service_SourceId",
                table: "ImportedItems",
                columns: new[] { "Service", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParkedImports_Service_SourceId",
                table: "ParkedImports",
                columns: new[] { "Service", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParkedImports_Service_State_NextAttemptAt",
                table: "ParkedImports",
                columns: new[] { "Service", "State", "NextAttemptAt" });

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
                name: "CarePlanMeasurements");

            migrationBuilder.DropTable(
                name: "ImportedItems");

            migrationBuilder.DropTable(
                name: "ParkedImports");

            migrationBuilder.DropTable(
                name: "ReminderChecks");

            migrationBuilder.DropTable(
                name: "SyncStates");

            migrationBuilder.DropTable(
                name: "TriageActionEntries");

            migrationBuilder.DropTable(
                name: "TriageChangeForms");

            migrationBuilder.DropTable(
                name: "TriageActionPlans");

            migrationBuilder.DropTable(
                name: "TriageObservations");

            migrationBuilder.DropColumn(
                name: "ExerciseHistory",
                table: "RehabilitationPlans");
        }
    }
}
