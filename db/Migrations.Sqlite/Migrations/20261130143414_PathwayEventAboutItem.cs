using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PathwayEventAboutItem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AboutItemId",
                table: "PathwayEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AboutItemKind",
                table: "PathwayEvents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Existing events about an appointment name it where the appointment can be found: same patient, organisation
            // and start (the event's "start", an ISO instant; SQLite holds the appointment's start as EF's binary ticks:
            // the local ticks / 1000 shifted left 11 bits, the offset in minutes in the low 11 bits).
            migrationBuilder.Sql("""
                UPDATE "PathwayEvents" SET "AboutItemId" = (
                    SELECT a."Id" FROM "Appointments" a
                    WHERE a."PatientId" = "PathwayEvents"."PatientId" AND a."OrganisationId" = "PathwayEvents"."SourceOrganisationId"
                      AND (a."Start" >> 11) / 10000 - 62135596800 - (a."Start" & 2047) * 60
                          = CAST(strftime('%s', json_extract("PathwayEvents"."Parameters", '$.start')) AS INTEGER)
                    ORDER BY a."Id" LIMIT 1)
                WHERE "Kind" IN ('AppointmentBooked', 'AppointmentCancelled', 'DischargeConferenceHeld') AND "AboutItemId" IS NULL;
                """);
            migrationBuilder.Sql("""UPDATE "PathwayEvents" SET "AboutItemKind" = 'Appointment' WHERE "AboutItemId" IS NOT NULL AND "AboutItemKind" IS NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AboutItemId",
                table: "PathwayEvents");

            migrationBuilder.DropColumn(
                name: "AboutItemKind",
                table: "PathwayEvents");
        }
    }
}
