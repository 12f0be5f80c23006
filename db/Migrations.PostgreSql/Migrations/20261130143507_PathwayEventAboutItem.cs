using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.PostgreSql.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AboutItemKind",
                table: "PathwayEvents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Existing events about an appointment name it where the appointment can be found: same patient, organisation and start.
            migrationBuilder.Sql("""
                UPDATE "PathwayEvents" e SET "AboutItemId" = (
                    SELECT a."Id" FROM "Appointments" a
                    WHERE a."PatientId" = e."PatientId" AND a."OrganisationId" = e."SourceOrganisationId"
                      AND a."Start" = (e."Parameters"::json ->> 'start')::timestamptz
                    ORDER BY a."Id" LIMIT 1)
                WHERE e."Kind" IN ('AppointmentBooked', 'AppointmentCancelled', 'DischargeConferenceHeld') AND e."AboutItemId" IS NULL;
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
