using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VisitEffectiveStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EffectiveStart",
                table: "Visits",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "COALESCE(\"ActualStart\", \"PlannedStart\")",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_InstitutionId_EffectiveStart",
                table: "Visits",
                columns: new[] { "InstitutionId", "EffectiveStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_InstitutionId_ProgrammeKey_EffectiveStart",
                table: "Visits",
                columns: new[] { "InstitutionId", "ProgrammeKey", "EffectiveStart" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_InstitutionId_ProgrammeKey_Status",
                table: "FollowUpItems",
                columns: new[] { "InstitutionId", "ProgrammeKey", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_InstitutionId_EffectiveStart",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Visits_InstitutionId_ProgrammeKey_EffectiveStart",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpItems_InstitutionId_ProgrammeKey_Status",
                table: "FollowUpItems");

            migrationBuilder.DropColumn(
                name: "EffectiveStart",
                table: "Visits");
        }
    }
}
