using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>Private calendar feeds, reminders, and an email address on accounts for reminder mail.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121070000_Calendar")]
public partial class Calendar : Migration
{
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Email", "UserAccounts", maxLength: 200, nullable: true);

        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                UserId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                LastFetchedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                table.ForeignKey("FK_CalendarFeeds_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CalendarFeeds_UserAccounts_UserId", x => x.UserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CalendarFeeds_InstitutionId", "CalendarFeeds", "InstitutionId");
        migrationBuilder.CreateIndex("IX_CalendarFeeds_TokenHash", "CalendarFeeds", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_CalendarFeeds_UserId", "CalendarFeeds", "UserId");

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                UserId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Detail = table.Column<string>(maxLength: 1000, nullable: true),
                Link = table.Column<string>(maxLength: 300, nullable: true),
                DueOn = table.Column<DateOnly>(nullable: true),
                DedupKey = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
                EmailedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Notifications_UserAccounts_UserId", x => x.UserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Notifications_InstitutionId", "Notifications", "InstitutionId");
        migrationBuilder.CreateIndex("IX_Notifications_UserId_DedupKey", "Notifications", ["UserId", "DedupKey"], unique: true);
        migrationBuilder.CreateIndex("IX_Notifications_UserId_ReadAt_DueOn", "Notifications", ["UserId", "ReadAt", "DueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Notifications");
        migrationBuilder.DropTable("CalendarFeeds");
        migrationBuilder.DropColumn("Email", "UserAccounts");
    }
}
