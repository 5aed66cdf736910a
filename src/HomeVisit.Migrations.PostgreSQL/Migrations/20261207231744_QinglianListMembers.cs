using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HomeVisit.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class QinglianListMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QinglianListMembers",
                columns: table => new
                {
                    ConfirmationId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QinglianListMembers", x => new { x.ConfirmationId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_QinglianListMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QinglianListMembers_QinglianListConfirmations_ConfirmationId",
                        column: x => x.ConfirmationId,
                        principalTable: "QinglianListConfirmations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QinglianListMembers_PersonId",
                table: "QinglianListMembers",
                column: "PersonId");

            // Lists confirmed before members were kept held everyone of the institution at the time; the people there now
            // are the nearest record of that, so each earlier confirmation keeps allowing the visits it allowed.
            migrationBuilder.Sql("""
                INSERT INTO "QinglianListMembers" ("ConfirmationId", "PersonId")
                SELECT c."Id", p."Id" FROM "QinglianListConfirmations" AS c JOIN "People" AS p ON p."InstitutionId" = c."InstitutionId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QinglianListMembers");
        }
    }
}
