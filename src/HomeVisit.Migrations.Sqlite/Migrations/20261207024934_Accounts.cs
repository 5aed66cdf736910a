using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserAccounts_UserName",
                table: "UserAccounts");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedUserName",
                table: "UserAccounts",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Added by hand after generation (keep it if this migration is regenerated): existing accounts get their
            // normalised name before the unique index; if two names differ only in case, the later account gets
            // "#<id>" appended, so the upgrade succeeds and an admin renames that account (decision 0012).
            migrationBuilder.Sql("UPDATE UserAccounts SET NormalizedUserName = UPPER(TRIM(UserName));");
            migrationBuilder.Sql(
                "UPDATE UserAccounts SET NormalizedUserName = NormalizedUserName || '#' || Id " +
                "WHERE EXISTS (SELECT 1 FROM UserAccounts o WHERE o.NormalizedUserName = UserAccounts.NormalizedUserName AND o.Id < UserAccounts.Id);");

            migrationBuilder.AddColumn<int>(
                name: "PasswordMinLength",
                table: "Institutions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 8);

            migrationBuilder.AddColumn<int>(
                name: "PasswordRequiredClasses",
                table: "Institutions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_UserAccounts_UserId",
                        column: x => x.UserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_NormalizedUserName",
                table: "UserAccounts",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropIndex(
                name: "IX_UserAccounts_NormalizedUserName",
                table: "UserAccounts");

            migrationBuilder.DropColumn(
                name: "NormalizedUserName",
                table: "UserAccounts");

            migrationBuilder.DropColumn(
                name: "PasswordMinLength",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "PasswordRequiredClasses",
                table: "Institutions");

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_UserName",
                table: "UserAccounts",
                column: "UserName",
                unique: true);
        }
    }
}
