using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CareTeamReasonAndConsentLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GivenBy",
                table: "RelativeConsents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GivenReason",
                table: "RelativeConsents",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidUntil",
                table: "RelativeConsents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "RelativeConsents",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "RelativeConsents",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "CareTeamMemberships",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GivenBy",
                table: "RelativeConsents");

            migrationBuilder.DropColumn(
                name: "GivenReason",
                table: "RelativeConsents");

            migrationBuilder.DropColumn(
                name: "ValidUntil",
                table: "RelativeConsents");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "RelativeConsents");

            migrationBuilder.DropColumn(
                name: "WithdrawnReason",
                table: "RelativeConsents");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "CareTeamMemberships");
        }
    }
}
