using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>
/// 清廉家访 and the person file: editable template revisions, report-backs on follow-up items, written notices
/// recorded as sent, signed commitments with their scans. New tables only.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121030000_Qinglian")]
public partial class Qinglian : Migration
{
    private const int EnumLength = 40;
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentTemplateRevisions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                TemplateKey = table.Column<string>(maxLength: 64, nullable: false),
                Markdown = table.Column<string>(maxLength: 20000, nullable: false),
                SavedByUserId = table.Column<int>(nullable: false),
                SavedByName = table.Column<string>(maxLength: 100, nullable: true),
                SavedAt = table.Column<DateTime>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentTemplateRevisions", x => x.Id);
                table.ForeignKey("FK_ContentTemplateRevisions_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ContentTemplateRevisions_UserAccounts_SavedByUserId", x => x.SavedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ContentTemplateRevisions_InstitutionId_TemplateKey_Id", "ContentTemplateRevisions", ["InstitutionId", "TemplateKey", "Id"]);
        migrationBuilder.CreateIndex("IX_ContentTemplateRevisions_SavedByUserId", "ContentTemplateRevisions", "SavedByUserId");

        migrationBuilder.CreateTable(
            name: "FollowUpReports",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                FollowUpItemId = table.Column<int>(nullable: false),
                ReportedOn = table.Column<DateOnly>(nullable: false),
                ToWhom = table.Column<string>(maxLength: 200, nullable: false),
                Content = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedByUserId = table.Column<int>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FollowUpReports", x => x.Id);
                table.ForeignKey("FK_FollowUpReports_FollowUpItems_FollowUpItemId", x => x.FollowUpItemId, "FollowUpItems", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_FollowUpReports_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_FollowUpReports_UserAccounts_CreatedByUserId", x => x.CreatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_FollowUpReports_CreatedByUserId", "FollowUpReports", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_FollowUpReports_FollowUpItemId_ReportedOn", "FollowUpReports", ["FollowUpItemId", "ReportedOn"]);
        migrationBuilder.CreateIndex("IX_FollowUpReports_InstitutionId", "FollowUpReports", "InstitutionId");

        migrationBuilder.CreateTable(
            name: "QinglianNotices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                VisitId = table.Column<int>(nullable: false),
                SentOn = table.Column<DateOnly>(nullable: false),
                Method = table.Column<string>(maxLength: EnumLength, nullable: false),
                Recipient = table.Column<string>(maxLength: 100, nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                VisitTime = table.Column<DateTime>(nullable: false),
                LeadDays = table.Column<int>(nullable: false),
                TemplateHash = table.Column<string>(maxLength: 64, nullable: true),
                SentByUserId = table.Column<int>(nullable: false),
                SentByName = table.Column<string>(maxLength: 100, nullable: true),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_QinglianNotices", x => x.Id);
                table.ForeignKey("FK_QinglianNotices_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_QinglianNotices_UserAccounts_SentByUserId", x => x.SentByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_QinglianNotices_Visits_VisitId", x => x.VisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_QinglianNotices_InstitutionId", "QinglianNotices", "InstitutionId");
        migrationBuilder.CreateIndex("IX_QinglianNotices_SentByUserId", "QinglianNotices", "SentByUserId");
        migrationBuilder.CreateIndex("IX_QinglianNotices_VisitId", "QinglianNotices", "VisitId");

        migrationBuilder.CreateTable(
            name: "Commitments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                FamilyMemberId = table.Column<int>(nullable: false),
                VisitId = table.Column<int>(nullable: true),
                SignedOn = table.Column<DateOnly>(nullable: false),
                TemplateRevisionId = table.Column<int>(nullable: true),
                TemplateHash = table.Column<string>(maxLength: 64, nullable: false),
                ScanFileName = table.Column<string>(maxLength: 200, nullable: false),
                ScanContentType = table.Column<string>(maxLength: 100, nullable: false),
                ScanSize = table.Column<long>(nullable: false),
                ScanKey = table.Column<string>(maxLength: 100, nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                CreatedByUserId = table.Column<int>(nullable: false),
                CreatedByName = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Commitments", x => x.Id);
                table.ForeignKey("FK_Commitments_ContentTemplateRevisions_TemplateRevisionId", x => x.TemplateRevisionId, "ContentTemplateRevisions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Commitments_FamilyMembers_FamilyMemberId", x => x.FamilyMemberId, "FamilyMembers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Commitments_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Commitments_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Commitments_UserAccounts_CreatedByUserId", x => x.CreatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Commitments_Visits_VisitId", x => x.VisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Commitments_CreatedByUserId", "Commitments", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_Commitments_FamilyMemberId", "Commitments", "FamilyMemberId");
        migrationBuilder.CreateIndex("IX_Commitments_InstitutionId_PersonId", "Commitments", ["InstitutionId", "PersonId"]);
        migrationBuilder.CreateIndex("IX_Commitments_PersonId", "Commitments", "PersonId");
        migrationBuilder.CreateIndex("IX_Commitments_TemplateRevisionId", "Commitments", "TemplateRevisionId");
        migrationBuilder.CreateIndex("IX_Commitments_VisitId", "Commitments", "VisitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Commitments");
        migrationBuilder.DropTable("QinglianNotices");
        migrationBuilder.DropTable("FollowUpReports");
        migrationBuilder.DropTable("ContentTemplateRevisions");
    }
}
