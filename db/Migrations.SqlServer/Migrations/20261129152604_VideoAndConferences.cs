using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class VideoAndConferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VideoStartedByUserId",
                table: "Appointments",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarFeedSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnerUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TokenHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeedSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeedSubscriptions_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CalendarFeedSubscriptions_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinishedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceMinutes_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RepresentedAs = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    MinutesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceAttendees_ConferenceMinutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "ConferenceMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceMinutesEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorOrganisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AuthorSector = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceMinutesEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceMinutesEntries_ConferenceMinutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "ConferenceMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedSubscriptions_OwnerUserId",
                table: "CalendarFeedSubscriptions",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedSubscriptions_PatientId_OwnerUserId",
                table: "CalendarFeedSubscriptions",
                columns: new[] { "PatientId", "OwnerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedSubscriptions_TokenHash",
                table: "CalendarFeedSubscriptions",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceAttendees_MinutesId",
                table: "ConferenceAttendees",
                column: "MinutesId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMinutes_PatientId",
                table: "ConferenceMinutes",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceMinutesEntries_MinutesId_AuthorUserId",
                table: "ConferenceMinutesEntries",
                columns: new[] { "MinutesId", "AuthorUserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeedSubscriptions");

            migrationBuilder.DropTable(
                name: "ConferenceAttendees");

            migrationBuilder.DropTable(
                name: "ConferenceMinutesEntries");

            migrationBuilder.DropTable(
                name: "ConferenceMinutes");

            migrationBuilder.DropColumn(
                name: "VideoStartedByUserId",
                table: "Appointments");
        }
    }
}
