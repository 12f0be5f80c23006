using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AccessLogRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessRecords_PatientId_At",
                table: "AccessRecords");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRecords_At",
                table: "AccessRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRecords_PatientId_At_Id",
                table: "AccessRecords",
                columns: new[] { "PatientId", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessRecords_At",
                table: "AccessRecords");

            migrationBuilder.DropIndex(
                name: "IX_AccessRecords_PatientId_At_Id",
                table: "AccessRecords");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRecords_PatientId_At",
                table: "AccessRecords",
                columns: new[] { "PatientId", "At" });
        }
    }
}
