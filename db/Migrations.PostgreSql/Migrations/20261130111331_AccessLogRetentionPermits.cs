using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareWorkspace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AccessLogRetentionPermits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessRecordDeletionPermits",
                columns: table => new
                {
                    AccessRecordId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRecordDeletionPermits", x => x.AccessRecordId);
                });
            AccessRecordRetentionDelete.Allow(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AccessRecordRetentionDelete.Refuse(migrationBuilder);
            migrationBuilder.DropTable(
                name: "AccessRecordDeletionPermits");
        }
    }
}
