using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>干部家访 (seed 2): requests with their steps and visits, intake API keys, deadlines per tier, inspections, archived record forms.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121040000_Ganbu")]
public partial class Ganbu : Migration
{
    private const int EnumLength = 40;
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GanbuApiKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Prefix = table.Column<string>(maxLength: 20, nullable: false),
                KeyHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<int>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                RevokedByUserId = table.Column<int>(nullable: true),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GanbuApiKeys", x => x.Id);
                table.ForeignKey("FK_GanbuApiKeys_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuApiKeys_UserAccounts_CreatedByUserId", x => x.CreatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GanbuApiKeys_CreatedByUserId", "GanbuApiKeys", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_GanbuApiKeys_InstitutionId", "GanbuApiKeys", "InstitutionId");
        migrationBuilder.CreateIndex("IX_GanbuApiKeys_Prefix", "GanbuApiKeys", "Prefix", unique: true);

        migrationBuilder.CreateTable(
            name: "GanbuSettings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                OrdinaryDays = table.Column<int>(nullable: false),
                SpecialDays = table.Column<int>(nullable: false),
                MajorDays = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedByUserId = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GanbuSettings", x => x.Id);
                table.ForeignKey("FK_GanbuSettings_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuSettings_UserAccounts_UpdatedByUserId", x => x.UpdatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GanbuSettings_InstitutionId", "GanbuSettings", "InstitutionId", unique: true);
        migrationBuilder.CreateIndex("IX_GanbuSettings_UpdatedByUserId", "GanbuSettings", "UpdatedByUserId");

        migrationBuilder.CreateTable(
            name: "GanbuInspections",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: EnumLength, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: false),
                HeadPersonId = table.Column<int>(nullable: true),
                InspectedBy = table.Column<string>(maxLength: 100, nullable: false),
                RecordedByUserId = table.Column<int>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GanbuInspections", x => x.Id);
                table.ForeignKey("FK_GanbuInspections_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuInspections_OrgUnits_UnitId", x => x.UnitId, "OrgUnits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuInspections_People_HeadPersonId", x => x.HeadPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuInspections_UserAccounts_RecordedByUserId", x => x.RecordedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GanbuInspections_HeadPersonId", "GanbuInspections", "HeadPersonId");
        migrationBuilder.CreateIndex("IX_GanbuInspections_InstitutionId_Date", "GanbuInspections", ["InstitutionId", "Date"]);
        migrationBuilder.CreateIndex("IX_GanbuInspections_RecordedByUserId", "GanbuInspections", "RecordedByUserId");
        migrationBuilder.CreateIndex("IX_GanbuInspections_UnitId", "GanbuInspections", "UnitId");

        migrationBuilder.CreateTable(
            name: "GanbuRequests",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                RequesterPersonId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
                Category = table.Column<string>(maxLength: EnumLength, nullable: false),
                Tier = table.Column<string>(maxLength: EnumLength, nullable: false),
                HandlingTier = table.Column<string>(maxLength: EnumLength, nullable: false),
                Summary = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                HandlerPersonId = table.Column<int>(nullable: false),
                Deadline = table.Column<DateOnly>(nullable: false),
                EscalationLevel = table.Column<int>(nullable: false),
                EscalatedOn = table.Column<DateOnly>(nullable: true),
                OverdueSince = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: EnumLength, nullable: false),
                Source = table.Column<string>(maxLength: EnumLength, nullable: false),
                SourceVisitId = table.Column<int>(nullable: true),
                ApiKeyId = table.Column<int>(nullable: true),
                ClientRequestId = table.Column<string>(maxLength: 64, nullable: true),
                Resolution = table.Column<string>(maxLength: 4000, nullable: true),
                Feedback = table.Column<string>(maxLength: 4000, nullable: true),
                WithdrawReason = table.Column<string>(maxLength: 500, nullable: true),
                CreatedByUserId = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                FiledOn = table.Column<DateOnly>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                ClosedByUserId = table.Column<int>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GanbuRequests", x => x.Id);
                table.ForeignKey("FK_GanbuRequests_GanbuApiKeys_ApiKeyId", x => x.ApiKeyId, "GanbuApiKeys", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRequests_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRequests_OrgUnits_UnitId", x => x.UnitId, "OrgUnits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRequests_People_HandlerPersonId", x => x.HandlerPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRequests_People_RequesterPersonId", x => x.RequesterPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRequests_UserAccounts_CreatedByUserId", x => x.CreatedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRequests_Visits_SourceVisitId", x => x.SourceVisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GanbuRequests_ApiKeyId_ClientRequestId", "GanbuRequests", ["ApiKeyId", "ClientRequestId"], unique: true);
        migrationBuilder.CreateIndex("IX_GanbuRequests_CreatedByUserId", "GanbuRequests", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_GanbuRequests_HandlerPersonId_Status", "GanbuRequests", ["HandlerPersonId", "Status"]);
        migrationBuilder.CreateIndex("IX_GanbuRequests_InstitutionId_FiledOn", "GanbuRequests", ["InstitutionId", "FiledOn"]);
        migrationBuilder.CreateIndex("IX_GanbuRequests_InstitutionId_Status_Deadline", "GanbuRequests", ["InstitutionId", "Status", "Deadline"]);
        migrationBuilder.CreateIndex("IX_GanbuRequests_RequesterPersonId", "GanbuRequests", "RequesterPersonId");
        migrationBuilder.CreateIndex("IX_GanbuRequests_SourceVisitId", "GanbuRequests", "SourceVisitId");
        migrationBuilder.CreateIndex("IX_GanbuRequests_UnitId", "GanbuRequests", "UnitId");

        migrationBuilder.CreateTable(
            name: "GanbuRequestSteps",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                RequestId = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Kind = table.Column<string>(maxLength: EnumLength, nullable: false),
                ActorUserId = table.Column<int>(nullable: true),
                ActorName = table.Column<string>(maxLength: 100, nullable: false),
                HandlerPersonId = table.Column<int>(nullable: true),
                VisitId = table.Column<int>(nullable: true),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GanbuRequestSteps", x => x.Id);
                table.ForeignKey("FK_GanbuRequestSteps_GanbuRequests_RequestId", x => x.RequestId, "GanbuRequests", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_GanbuRequestSteps_People_HandlerPersonId", x => x.HandlerPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRequestSteps_Visits_VisitId", x => x.VisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GanbuRequestSteps_HandlerPersonId", "GanbuRequestSteps", "HandlerPersonId");
        migrationBuilder.CreateIndex("IX_GanbuRequestSteps_RequestId", "GanbuRequestSteps", "RequestId");
        migrationBuilder.CreateIndex("IX_GanbuRequestSteps_VisitId", "GanbuRequestSteps", "VisitId");

        migrationBuilder.CreateTable(
            name: "GanbuRequestVisits",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                RequestId = table.Column<int>(nullable: false),
                VisitId = table.Column<int>(nullable: false),
                Purpose = table.Column<string>(maxLength: EnumLength, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GanbuRequestVisits", x => x.Id);
                table.ForeignKey("FK_GanbuRequestVisits_GanbuRequests_RequestId", x => x.RequestId, "GanbuRequests", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_GanbuRequestVisits_Visits_VisitId", x => x.VisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GanbuRequestVisits_RequestId_VisitId", "GanbuRequestVisits", ["RequestId", "VisitId"], unique: true);
        migrationBuilder.CreateIndex("IX_GanbuRequestVisits_VisitId", "GanbuRequestVisits", "VisitId");

        migrationBuilder.CreateTable(
            name: "GanbuRecordArchives",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                VisitId = table.Column<int>(nullable: false),
                ArchivedAt = table.Column<DateTime>(nullable: false),
                ArchivedByUserId = table.Column<int>(nullable: false),
                ArchivedByName = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GanbuRecordArchives", x => x.Id);
                table.ForeignKey("FK_GanbuRecordArchives_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRecordArchives_UserAccounts_ArchivedByUserId", x => x.ArchivedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GanbuRecordArchives_Visits_VisitId", x => x.VisitId, "Visits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GanbuRecordArchives_ArchivedByUserId", "GanbuRecordArchives", "ArchivedByUserId");
        migrationBuilder.CreateIndex("IX_GanbuRecordArchives_InstitutionId", "GanbuRecordArchives", "InstitutionId");
        migrationBuilder.CreateIndex("IX_GanbuRecordArchives_VisitId", "GanbuRecordArchives", "VisitId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("GanbuRecordArchives");
        migrationBuilder.DropTable("GanbuRequestVisits");
        migrationBuilder.DropTable("GanbuRequestSteps");
        migrationBuilder.DropTable("GanbuRequests");
        migrationBuilder.DropTable("GanbuInspections");
        migrationBuilder.DropTable("GanbuSettings");
        migrationBuilder.DropTable("GanbuApiKeys");
    }
}
