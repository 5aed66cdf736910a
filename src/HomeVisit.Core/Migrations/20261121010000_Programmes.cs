using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>Programme modules per institution: enabled or not, rule versions; visits get approval, trigger and form data.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121010000_Programmes")]
public partial class Programmes : Migration
{
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "InstitutionProgrammes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                ProgrammeKey = table.Column<string>(maxLength: 30, nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InstitutionProgrammes", x => x.Id);
                table.ForeignKey("FK_InstitutionProgrammes_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_InstitutionProgrammes_InstitutionId_ProgrammeKey", "InstitutionProgrammes", ["InstitutionId", "ProgrammeKey"], unique: true);

        migrationBuilder.CreateTable(
            name: "ProgrammeRuleVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                ProgrammeKey = table.Column<string>(maxLength: 30, nullable: false),
                EffectiveFrom = table.Column<DateOnly>(nullable: false),
                RulesJson = table.Column<string>(maxLength: 20000, nullable: false),
                ChangedByUserId = table.Column<int>(nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgrammeRuleVersions", x => x.Id);
                table.ForeignKey("FK_ProgrammeRuleVersions_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ProgrammeRuleVersions_UserAccounts_ChangedByUserId", x => x.ChangedByUserId, "UserAccounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ProgrammeRuleVersions_ChangedByUserId", "ProgrammeRuleVersions", "ChangedByUserId");
        migrationBuilder.CreateIndex("IX_ProgrammeRuleVersions_InstitutionId_ProgrammeKey_EffectiveFrom", "ProgrammeRuleVersions", ["InstitutionId", "ProgrammeKey", "EffectiveFrom"]);

        migrationBuilder.AddColumn<string>("Trigger", "Visits", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("FormDataJson", "Visits", maxLength: 20000, nullable: true);
        migrationBuilder.AddColumn<string>("Approval", "Visits", maxLength: 40, nullable: false, defaultValue: "NotRequired");
        migrationBuilder.AddColumn<int>("ApprovedByUserId", "Visits", nullable: true);
        migrationBuilder.AddColumn<DateTime>("ApprovedAt", "Visits", nullable: true);
        migrationBuilder.AddColumn<string>("ApprovalNote", "Visits", maxLength: 500, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("ApprovalNote", "Visits");
        migrationBuilder.DropColumn("ApprovedAt", "Visits");
        migrationBuilder.DropColumn("ApprovedByUserId", "Visits");
        migrationBuilder.DropColumn("Approval", "Visits");
        migrationBuilder.DropColumn("FormDataJson", "Visits");
        migrationBuilder.DropColumn("Trigger", "Visits");
        migrationBuilder.DropTable("ProgrammeRuleVersions");
        migrationBuilder.DropTable("InstitutionProgrammes");
    }
}
