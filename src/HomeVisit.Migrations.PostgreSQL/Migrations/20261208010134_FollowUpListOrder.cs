using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsClosed",
                table: "FollowUpItems",
                type: "boolean",
                nullable: false,
                computedColumnSql: "\"Status\" IN ('Resolved', 'Withdrawn')",
                stored: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SortDeadline",
                table: "FollowUpItems",
                type: "date",
                nullable: false,
                computedColumnSql: "COALESCE(\"Deadline\", '9999-12-31')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_InstitutionId_IsClosed_SortDeadline_Id",
                table: "FollowUpItems",
                columns: new[] { "InstitutionId", "IsClosed", "SortDeadline", "Id" },
                descending: new[] { false, false, false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpItems_InstitutionId_IsClosed_SortDeadline_Id",
                table: "FollowUpItems");

            migrationBuilder.DropColumn(
                name: "IsClosed",
                table: "FollowUpItems");

            migrationBuilder.DropColumn(
                name: "SortDeadline",
                table: "FollowUpItems");
        }
    }
}
