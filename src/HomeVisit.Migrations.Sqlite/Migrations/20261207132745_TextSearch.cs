using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand (the model has no FTS5 tables): substring search on names, places and follow-up titles
            // (TextSearch, Core/Data/Sqlite/SqliteTextSearch). External-content FTS5 tables over the columns, trigram
            // tokenizer so Chinese is indexed character by character, filled from the rows already there ('rebuild')
            // and kept in step by triggers, so no write path can forget them.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "Search_PeopleName" USING fts5("Name", content='People', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Search_PeopleName"("Search_PeopleName") VALUES ('rebuild');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_PeopleName_ai" AFTER INSERT ON "People" BEGIN
                    INSERT INTO "Search_PeopleName"(rowid, "Name") VALUES (new."Id", new."Name");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_PeopleName_ad" AFTER DELETE ON "People" BEGIN
                    INSERT INTO "Search_PeopleName"("Search_PeopleName", rowid, "Name") VALUES ('delete', old."Id", old."Name");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_PeopleName_au" AFTER UPDATE OF "Name" ON "People" BEGIN
                    INSERT INTO "Search_PeopleName"("Search_PeopleName", rowid, "Name") VALUES ('delete', old."Id", old."Name");
                    INSERT INTO "Search_PeopleName"(rowid, "Name") VALUES (new."Id", new."Name");
                END;
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "Search_VisitsPlace" USING fts5("Place", content='Visits', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Search_VisitsPlace"("Search_VisitsPlace") VALUES ('rebuild');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_VisitsPlace_ai" AFTER INSERT ON "Visits" BEGIN
                    INSERT INTO "Search_VisitsPlace"(rowid, "Place") VALUES (new."Id", new."Place");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_VisitsPlace_ad" AFTER DELETE ON "Visits" BEGIN
                    INSERT INTO "Search_VisitsPlace"("Search_VisitsPlace", rowid, "Place") VALUES ('delete', old."Id", old."Place");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_VisitsPlace_au" AFTER UPDATE OF "Place" ON "Visits" BEGIN
                    INSERT INTO "Search_VisitsPlace"("Search_VisitsPlace", rowid, "Place") VALUES ('delete', old."Id", old."Place");
                    INSERT INTO "Search_VisitsPlace"(rowid, "Place") VALUES (new."Id", new."Place");
                END;
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "Search_FollowUpItemsSummary" USING fts5("Summary", content='FollowUpItems', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Search_FollowUpItemsSummary"("Search_FollowUpItemsSummary") VALUES ('rebuild');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_FollowUpItemsSummary_ai" AFTER INSERT ON "FollowUpItems" BEGIN
                    INSERT INTO "Search_FollowUpItemsSummary"(rowid, "Summary") VALUES (new."Id", new."Summary");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_FollowUpItemsSummary_ad" AFTER DELETE ON "FollowUpItems" BEGIN
                    INSERT INTO "Search_FollowUpItemsSummary"("Search_FollowUpItemsSummary", rowid, "Summary") VALUES ('delete', old."Id", old."Summary");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Search_FollowUpItemsSummary_au" AFTER UPDATE OF "Summary" ON "FollowUpItems" BEGIN
                    INSERT INTO "Search_FollowUpItemsSummary"("Search_FollowUpItemsSummary", rowid, "Summary") VALUES ('delete', old."Id", old."Summary");
                    INSERT INTO "Search_FollowUpItemsSummary"(rowid, "Summary") VALUES (new."Id", new."Summary");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Search_PeopleName_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_PeopleName_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_PeopleName_au";""");
            migrationBuilder.Sql("""DROP TABLE "Search_PeopleName";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_VisitsPlace_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_VisitsPlace_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_VisitsPlace_au";""");
            migrationBuilder.Sql("""DROP TABLE "Search_VisitsPlace";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_FollowUpItemsSummary_ai";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_FollowUpItemsSummary_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER "Search_FollowUpItemsSummary_au";""");
            migrationBuilder.Sql("""DROP TABLE "Search_FollowUpItemsSummary";""");
        }
    }
}
