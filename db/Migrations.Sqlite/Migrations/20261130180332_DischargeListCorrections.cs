using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "DischargeMedicationLists",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "DischargeMedicationLists",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "DischargeMedicationLists",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "DischargeMedicationLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "DischargeMedicationListChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DischargeMedicationListId = table.Column<Guid>(type: "TEXT", nullable: false)
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
