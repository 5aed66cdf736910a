using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HomeVisit.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class GanbuQuarterReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GanbuQuarterReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedByUserId = table.Column<int>(type: "integer", nullable: true),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingConclusions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MeetingRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MeetingRecordedByUserId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuQuarterReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuQuarterReports_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuQuarterReports_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuQuarterReports_UserAccounts_MeetingRecordedByUserId",
                        column: x => x.MeetingRecordedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuQuarterReports_UserAccounts_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GanbuQuarterReports_InstitutionId_Year_Quarter_UnitId",
                table: "GanbuQuarterReports",
                columns: new[] { "InstitutionId", "Year", "Quarter", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GanbuQuarterReports_MeetingRecordedByUserId",
                table: "GanbuQuarterReports",
                column: "MeetingRecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuQuarterReports_SubmittedByUserId",
                table: "GanbuQuarterReports",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuQuarterReports_UnitId",
                table: "GanbuQuarterReports",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GanbuQuarterReports");
        }
    }
}
