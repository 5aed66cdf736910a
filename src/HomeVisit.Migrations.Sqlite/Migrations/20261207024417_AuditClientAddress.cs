using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditClientAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // The audit log is append-only in the database too, whoever writes to the file (issue 13 item 20): no entry
            // is ever changed, and none younger than 180 days (AuditEntry.MinimumRetentionDays) is deleted, so only a
            // retention job removing old entries can delete. EF stores At as "yyyy-MM-dd HH:mm:ss.fffffff" (UTC), which
            // compares as text with SQLite's datetime(). A migration that rebuilds this table must create these again.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be changed.');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoRecentDelete" BEFORE DELETE ON "AuditEntries"
                WHEN OLD."At" > datetime('now', '-180 days')
                BEGIN
                    SELECT RAISE(ABORT, 'The audit log is append-only: entries younger than 180 days cannot be deleted.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoRecentDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate";""");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "AuditEntries");
        }
    }
}
