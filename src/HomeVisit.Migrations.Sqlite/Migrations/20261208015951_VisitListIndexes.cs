using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
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

            // Statistics for the new indexes beside the old ones' (a database the generator or an operator analysed): without
            // them SQLite took a new index for the calendar's range and the list's page and read every visit (58 s for a
            // month of the county). A new database has no statistics at all, and is then planned as before.
            migrationBuilder.Sql("ANALYZE \"Visits\";");
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
