using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QinglianListConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QinglianListConfirmations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstitutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ListHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedByUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QinglianListConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QinglianListConfirmations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QinglianListConfirmations_UserAccounts_ConfirmedByUserId",
                        column: x => x.ConfirmedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QinglianListConfirmations_ConfirmedByUserId",
                table: "QinglianListConfirmations",
                column: "ConfirmedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QinglianListConfirmations_InstitutionId_PeriodStart",
                table: "QinglianListConfirmations",
                columns: new[] { "InstitutionId", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QinglianListConfirmations");
        }
    }
}
