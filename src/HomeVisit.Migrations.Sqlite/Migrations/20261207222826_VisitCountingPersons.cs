using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VisitCountingPersons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FirstTargetPersonId",
                table: "Visits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadVisitorPersonId",
                table: "Visits",
                type: "INTEGER",
                nullable: true);

            // The visits made before: the first visitor who is not the recorder (else the recorder), and the first
            // person visited, as the portal keeps them from now on (VisitCounting). Written out here, not taken from
            // the code, so that the migration stays what it was when later versions change.
            migrationBuilder.Sql("""
                UPDATE "Visits" SET
                    "LeadVisitorPersonId" = (SELECT x."PersonId" FROM "VisitVisitors" AS x WHERE x."VisitId" = "Visits"."Id" ORDER BY x."IsRecorder", x."Id" LIMIT 1),
                    "FirstTargetPersonId" = (SELECT t."PersonId" FROM "VisitTargets" AS t WHERE t."VisitId" = "Visits"."Id" AND t."PersonId" IS NOT NULL ORDER BY t."Id" LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN (3.35+), not EF's DropColumn: EF rebuilds the table for it, which drops the
            // search triggers on "Visits" (TextSearch) that a later migration down or up would then not find.
            migrationBuilder.Sql("""ALTER TABLE "Visits" DROP COLUMN "FirstTargetPersonId";""");
            migrationBuilder.Sql("""ALTER TABLE "Visits" DROP COLUMN "LeadVisitorPersonId";""");
        }
    }
}
