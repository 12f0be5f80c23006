using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AccessLogEmergencyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AccessRecords_PatientId_EmergencyAccess_At_Id",
                table: "AccessRecords",
                columns: new[] { "PatientId", "EmergencyAccess", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessRecords_PatientId_EmergencyAccess_At_Id",
                table: "AccessRecords");
        }
    }
}
