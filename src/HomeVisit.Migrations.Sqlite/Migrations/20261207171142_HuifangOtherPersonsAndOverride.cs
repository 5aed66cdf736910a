using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HuifangOtherPersonsAndOverride : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CareEndsOn",
                table: "SanctionRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CareStartsOn",
                table: "SanctionRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExclusionOverrideApprovedAt",
                table: "SanctionRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExclusionOverrideApprovedByUserId",
                table: "SanctionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionOverrideReason",
                table: "SanctionRecords",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExclusionOverrideRequestedAt",
                table: "SanctionRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExclusionOverrideRequestedByUserId",
                table: "SanctionRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOtherPerson",
                table: "SanctionRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_SanctionRecords_ExclusionOverrideApprovedByUserId",
                table: "SanctionRecords",
                column: "ExclusionOverrideApprovedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SanctionRecords_ExclusionOverrideRequestedByUserId",
                table: "SanctionRecords",
                column: "ExclusionOverrideRequestedByUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_SanctionRecords_UserAccounts_ExclusionOverrideApprovedByUserId",
                table: "SanctionRecords",
                column: "ExclusionOverrideApprovedByUserId",
                principalTable: "UserAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SanctionRecords_UserAccounts_ExclusionOverrideRequestedByUserId",
                table: "SanctionRecords",
                column: "ExclusionOverrideRequestedByUserId",
                principalTable: "UserAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SanctionRecords_UserAccounts_ExclusionOverrideApprovedByUserId",
                table: "SanctionRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_SanctionRecords_UserAccounts_ExclusionOverrideRequestedByUserId",
                table: "SanctionRecords");

            migrationBuilder.DropIndex(
                name: "IX_SanctionRecords_ExclusionOverrideApprovedByUserId",
                table: "SanctionRecords");

            migrationBuilder.DropIndex(
                name: "IX_SanctionRecords_ExclusionOverrideRequestedByUserId",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "CareEndsOn",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "CareStartsOn",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "ExclusionOverrideApprovedAt",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "ExclusionOverrideApprovedByUserId",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "ExclusionOverrideReason",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "ExclusionOverrideRequestedAt",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "ExclusionOverrideRequestedByUserId",
                table: "SanctionRecords");

            migrationBuilder.DropColumn(
                name: "IsOtherPerson",
                table: "SanctionRecords");
        }
    }
}
