using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class VisitListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Visits_InstitutionId_ProgrammeKey",
                table: "Visits",
                columns: new[] { "InstitutionId", "ProgrammeKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_InstitutionId_ProgrammeKey_Status_EffectiveStart",
                table: "Visits",
                columns: new[] { "InstitutionId", "ProgrammeKey", "Status", "EffectiveStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_InstitutionId_ProgrammeKey",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Visits_InstitutionId_ProgrammeKey_Status_EffectiveStart",
                table: "Visits");
        }
    }
}
