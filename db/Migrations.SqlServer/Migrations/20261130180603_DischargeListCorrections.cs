using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DischargeListCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "DischargeMedicationLists",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "DischargeMedicationLists",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "DischargeMedicationLists",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "DischargeMedicationLists",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "DischargeMedicationLines",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "DischargeMedicationListChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DischargeMedicationListId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DischargeMedicationListChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DischargeMedicationListChanges_DischargeMedicationLists_DischargeMedicationListId",
                        column: x => x.DischargeMedicationListId,
                        principalTable: "DischargeMedicationLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DischargeMedicationListChanges_DischargeMedicationListId",
                table: "DischargeMedicationListChanges",
                column: "DischargeMedicationListId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DischargeMedicationListChanges");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "DischargeMedicationLists");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "DischargeMedicationLists");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "DischargeMedicationLists");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "DischargeMedicationLists");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "DischargeMedicationLines");
        }
    }
}
