using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpIndexesAndGanbuSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_Summary_Trgm",
                table: "GanbuRequests",
                column: "Summary")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_InstitutionId_CreatedByUserId",
                table: "FollowUpItems",
                columns: new[] { "InstitutionId", "CreatedByUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_InstitutionId_RestrictedToRole",
                table: "FollowUpItems",
                columns: new[] { "InstitutionId", "RestrictedToRole" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GanbuRequests_Summary_Trgm",
                table: "GanbuRequests");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpItems_InstitutionId_CreatedByUserId",
                table: "FollowUpItems");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpItems_InstitutionId_RestrictedToRole",
                table: "FollowUpItems");
        }
    }
}
