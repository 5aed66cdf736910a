using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>
/// 廉政家访: visit chains (重点约访 → 定期回访 until recovered), follow-up items restricted to an audience (重要问题线索),
/// yearly visit plans and the discipline office's archive of record forms.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121020000_Lianzheng")]
public partial class Lianzheng : Migration
{
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("ParentVisitId", "Visits", nullable: true);
        migrationBuilder.AddColumn<DateTime>("ChainClosedAt", "Visits", nullable: true);
        migrationBuilder.AddColumn<int>("ChainClosedByUserId", "Visits", nullable: true);
        migrationBuilder.AddColumn<string>("ChainCloseNote", "Visits", maxLength: 1000, nullable: true);
        migrationBuilder.CreateIndex("IX_Visits_ParentVisitId", "Visits", "ParentVisitId");

        migrationBuilder.AddColumn<string>("RestrictedToRole", "FollowUpItems", maxLength: 40, nullable: true);

        migrationBuilder.CreateTable(
            name: "LianzhengPlanItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                VisitorPersonId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                TargetPersonId = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                Trigger = table.Column<string>(maxLength: 200, nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                CreatedByUserId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LianzhengPlanItems", x => x.Id);
                table.ForeignKey("FK_LianzhengPlanItems_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianzhengPlanItems_People_VisitorPersonId", x => x.VisitorPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianzhengPlanItems_People_TargetPersonId", x => x.TargetPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianzhengPlanItems_UserAccounts_CreatedByUserId", x => x.CreatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LianzhengPlanItems_CreatedByUserId", "LianzhengPlanItems", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_LianzhengPlanItems_InstitutionId_Year", "LianzhengPlanItems", ["InstitutionId", "Year"]);
        migrationBuilder.CreateIndex("IX_LianzhengPlanItems_TargetPersonId", "LianzhengPlanItems", "TargetPersonId");
        migrationBuilder.CreateIndex("IX_LianzhengPlanItems_VisitorPersonId_Year_TargetPersonId", "LianzhengPlanItems",
            ["VisitorPersonId", "Year", "TargetPersonId"], unique: true);

        migrationBuilder.CreateTable(
            name: "LianzhengRecordArchives",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                VisitId = table.Column<int>(nullable: false),
                ArchivedAt = table.Column<DateTime>(nullable: false),
                ArchivedByUserId = table.Column<int>(nullable: false),
                SnapshotJson = table.Column<string>(maxLength: 40000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LianzhengRecordArchives", x => x.Id);
                table.ForeignKey("FK_LianzhengRecordArchives_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianzhengRecordArchives_UserAccounts_ArchivedByUserId", x => x.ArchivedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianzhengRecordArchives_Visits_VisitId", x => x.VisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LianzhengRecordArchives_ArchivedByUserId", "LianzhengRecordArchives", "ArchivedByUserId");
        migrationBuilder.CreateIndex("IX_LianzhengRecordArchives_InstitutionId_ArchivedAt", "LianzhengRecordArchives", ["InstitutionId", "ArchivedAt"]);
        migrationBuilder.CreateIndex("IX_LianzhengRecordArchives_VisitId", "LianzhengRecordArchives", "VisitId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("LianzhengRecordArchives");
        migrationBuilder.DropTable("LianzhengPlanItems");
        migrationBuilder.DropColumn("RestrictedToRole", "FollowUpItems");
        migrationBuilder.DropIndex("IX_Visits_ParentVisitId", "Visits");
        migrationBuilder.DropColumn("ChainCloseNote", "Visits");
        migrationBuilder.DropColumn("ChainClosedByUserId", "Visits");
        migrationBuilder.DropColumn("ChainClosedAt", "Visits");
        migrationBuilder.DropColumn("ParentVisitId", "Visits");
    }
}
