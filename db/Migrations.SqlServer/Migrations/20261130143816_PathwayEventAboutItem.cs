using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AboutItemKind",
                table: "PathwayEvents",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            // Existing events about an appointment name it where the appointment can be found: same patient, organisation and start.
            migrationBuilder.Sql("""
                UPDATE e SET [AboutItemId] = (
                    SELECT TOP 1 a.[Id] FROM [Appointments] a
                    WHERE a.[PatientId] = e.[PatientId] AND a.[OrganisationId] = e.[SourceOrganisationId]
                      AND a.[Start] = TRY_CAST(JSON_VALUE(e.[Parameters], '$.start') AS datetimeoffset)
                    ORDER BY a.[Id])
                FROM [PathwayEvents] e
                WHERE e.[Kind] IN ('AppointmentBooked', 'AppointmentCancelled', 'DischargeConferenceHeld') AND e.[AboutItemId] IS NULL AND ISJSON(e.[Parameters]) = 1;
                """);
            migrationBuilder.Sql("UPDATE [PathwayEvents] SET [AboutItemKind] = N'Appointment' WHERE [AboutItemId] IS NOT NULL AND [AboutItemKind] IS NULL;");
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
