using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpIndexesAndGanbuSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_InstitutionId_CreatedByUserId",
                table: "FollowUpItems",
                columns: new[] { "InstitutionId", "CreatedByUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_InstitutionId_RestrictedToRole",
                table: "FollowUpItems",
                columns: new[] { "InstitutionId", "RestrictedToRole" });

            // Written by hand (the model has no FTS5 tables), as the migration TextSearch does for the core's columns: the
            // 干部家访 request titles (GanbuRequests.Summary, marked Searched in the module's model) in an external-content
            // FTS5 table with the trigram tokenizer, filled from the rows already there and kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "Search_GanbuRequestsSummary" USING fts5("Summary", content='GanbuRequests', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Search_GanbuRequestsSummary"("Search_GanbuRequestsSummary") VALUES ('rebuild');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_GanbuRequestsSummary_ai" AFTER INSERT ON "GanbuRequests" BEGIN
                    INSERT INTO "Search_GanbuRequestsSummary"(rowid, "Summary") VALUES (new."Id", new."Summary");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_GanbuRequestsSummary_ad" AFTER DELETE ON "GanbuRequests" BEGIN
                    INSERT INTO "Search_GanbuRequestsSummary"("Search_GanbuRequestsSummary", rowid, "Summary") VALUES ('delete', old."Id", old."Summary");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_GanbuRequestsSummary_au" AFTER UPDATE OF "Summary" ON "GanbuRequests" BEGIN
                    INSERT INTO "Search_GanbuRequestsSummary"("Search_GanbuRequestsSummary", rowid, "Summary") VALUES ('delete', old."Id", old."Summary");
                    INSERT INTO "Search_GanbuRequestsSummary"(rowid, "Summary") VALUES (new."Id", new."Summary");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Search_GanbuRequestsSummary_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_GanbuRequestsSummary_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_GanbuRequestsSummary_au";""");
            migrationBuilder.Sql("""DROP TABLE "Search_GanbuRequestsSummary";""");
            migrationBuilder.DropIndex(
                name: "IX_FollowUpItems_InstitutionId_CreatedByUserId",
                table: "FollowUpItems");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpItems_InstitutionId_RestrictedToRole",
                table: "FollowUpItems");
        }
    }
}
