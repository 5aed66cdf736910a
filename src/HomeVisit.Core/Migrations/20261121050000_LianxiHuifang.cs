using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>
/// 联系师生: leaders' links to party branches and individuals; follow-up items forwarded to a responsible department
/// and registered there. 受处分人员回访关爱: sanction records and revisits (plan notes, 登记表 fields, feedback, filing).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121050000_LianxiHuifang")]
public partial class LianxiHuifang : Migration
{
    private const string Autoincrement = "Sqlite:Autoincrement";
    private const int EnumLength = 40;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LianxiLinks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                LeaderPersonId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: EnumLength, nullable: false),
                BranchId = table.Column<int>(nullable: true),
                PersonId = table.Column<int>(nullable: true),
                Category = table.Column<string>(maxLength: EnumLength, nullable: true),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: true),
                AssignedByUserId = table.Column<int>(nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LianxiLinks", x => x.Id);
                table.ForeignKey("FK_LianxiLinks_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianxiLinks_OrgUnits_BranchId", x => x.BranchId, "OrgUnits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianxiLinks_People_LeaderPersonId", x => x.LeaderPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianxiLinks_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LianxiLinks_UserAccounts_AssignedByUserId", x => x.AssignedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LianxiLinks_AssignedByUserId", "LianxiLinks", "AssignedByUserId");
        migrationBuilder.CreateIndex("IX_LianxiLinks_BranchId", "LianxiLinks", "BranchId");
        migrationBuilder.CreateIndex("IX_LianxiLinks_InstitutionId_LeaderPersonId_Kind", "LianxiLinks", ["InstitutionId", "LeaderPersonId", "Kind"]);
        migrationBuilder.CreateIndex("IX_LianxiLinks_LeaderPersonId", "LianxiLinks", "LeaderPersonId");
        migrationBuilder.CreateIndex("IX_LianxiLinks_PersonId", "LianxiLinks", "PersonId");

        migrationBuilder.CreateTable(
            name: "SanctionRecords",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                CaseNumber = table.Column<string>(maxLength: 100, nullable: true),
                Reason = table.Column<string>(maxLength: 4000, nullable: false),
                PartyKind = table.Column<string>(maxLength: EnumLength, nullable: true),
                PartyDecidedOn = table.Column<DateOnly>(nullable: true),
                PartyInfluenceMonths = table.Column<int>(nullable: true),
                GovernmentKind = table.Column<string>(maxLength: EnumLength, nullable: true),
                GovernmentDecidedOn = table.Column<DateOnly>(nullable: true),
                GovernmentInfluenceMonths = table.Column<int>(nullable: true),
                InfluenceStartsOn = table.Column<DateOnly>(nullable: true),
                InfluenceEndsOn = table.Column<DateOnly>(nullable: true),
                Education = table.Column<string>(maxLength: 50, nullable: true),
                WorkStartedOn = table.Column<DateOnly>(nullable: true),
                PartyJoinedOn = table.Column<DateOnly>(nullable: true),
                TransferredToJudicialOn = table.Column<DateOnly>(nullable: true),
                CriminallyPunishedOn = table.Column<DateOnly>(nullable: true),
                RetiredOn = table.Column<DateOnly>(nullable: true),
                Notes = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedByUserId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SanctionRecords", x => x.Id);
                table.ForeignKey("FK_SanctionRecords_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SanctionRecords_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SanctionRecords_UserAccounts_CreatedByUserId", x => x.CreatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SanctionRecords_CreatedByUserId", "SanctionRecords", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_SanctionRecords_InstitutionId_InfluenceEndsOn", "SanctionRecords", ["InstitutionId", "InfluenceEndsOn"]);
        migrationBuilder.CreateIndex("IX_SanctionRecords_PersonId", "SanctionRecords", "PersonId");

        migrationBuilder.CreateTable(
            name: "Revisits",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                VisitId = table.Column<int>(nullable: false),
                SanctionRecordId = table.Column<int>(nullable: false),
                PersonNotes = table.Column<string>(maxLength: 2000, nullable: true),
                CaseNotes = table.Column<string>(maxLength: 2000, nullable: true),
                Approach = table.Column<string>(maxLength: 2000, nullable: true),
                ReportingUnit = table.Column<string>(maxLength: 200, nullable: true),
                ReportedOn = table.Column<DateOnly>(nullable: true),
                Remarks = table.Column<string>(maxLength: 1000, nullable: true),
                FedBackToPersonOn = table.Column<DateOnly>(nullable: true),
                FedBackToUnitOn = table.Column<DateOnly>(nullable: true),
                FeedbackUnitName = table.Column<string>(maxLength: 200, nullable: true),
                FeedbackNote = table.Column<string>(maxLength: 1000, nullable: true),
                FedBackByUserId = table.Column<int>(nullable: true),
                FedBackAt = table.Column<DateTime>(nullable: true),
                ArchivedOn = table.Column<DateOnly>(nullable: true),
                ArchiveNote = table.Column<string>(maxLength: 500, nullable: true),
                ArchivedByUserId = table.Column<int>(nullable: true),
                ArchivedAt = table.Column<DateTime>(nullable: true),
                CreatedByUserId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Revisits", x => x.Id);
                table.ForeignKey("FK_Revisits_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Revisits_SanctionRecords_SanctionRecordId", x => x.SanctionRecordId, "SanctionRecords", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Revisits_UserAccounts_CreatedByUserId", x => x.CreatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Revisits_Visits_VisitId", x => x.VisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Revisits_CreatedByUserId", "Revisits", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_Revisits_InstitutionId", "Revisits", "InstitutionId");
        migrationBuilder.CreateIndex("IX_Revisits_SanctionRecordId", "Revisits", "SanctionRecordId");
        migrationBuilder.CreateIndex("IX_Revisits_VisitId", "Revisits", "VisitId", unique: true);

        migrationBuilder.AddColumn<int>("ResponsibleUnitId", "FollowUpItems", nullable: true);
        migrationBuilder.AddColumn<DateTime>("RegisteredAt", "FollowUpItems", nullable: true);
        migrationBuilder.AddColumn<int>("RegisteredByUserId", "FollowUpItems", nullable: true);
        migrationBuilder.CreateIndex("IX_FollowUpItems_ResponsibleUnitId", "FollowUpItems", "ResponsibleUnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_FollowUpItems_ResponsibleUnitId", "FollowUpItems");
        migrationBuilder.DropColumn("RegisteredByUserId", "FollowUpItems");
        migrationBuilder.DropColumn("RegisteredAt", "FollowUpItems");
        migrationBuilder.DropColumn("ResponsibleUnitId", "FollowUpItems");
        migrationBuilder.DropTable("Revisits");
        migrationBuilder.DropTable("SanctionRecords");
        migrationBuilder.DropTable("LianxiLinks");
    }
}
