using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>
/// Written by hand: the design-time package is not available here. Column types are left to the
/// provider (CLR type plus max length), so the same migration can serve another relational
/// provider; enums are text of at most 40 characters, as the model's conventions say.
/// MigrationSchemaTests checks that the result equals what EnsureCreated builds from the model.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121000000_Initial")]
public partial class Initial : Migration
{
    private const int EnumLength = 40;
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                UserId = table.Column<int>(nullable: true),
                UserName = table.Column<string>(maxLength: 100, nullable: true),
                Action = table.Column<string>(maxLength: 30, nullable: false),
                EntityType = table.Column<string>(maxLength: 60, nullable: false),
                EntityId = table.Column<string>(maxLength: 60, nullable: true),
                Detail = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Institutions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ShortName = table.Column<string>(maxLength: 50, nullable: true),
                Kind = table.Column<string>(maxLength: EnumLength, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Institutions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OrgUnits",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                ParentId = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Code = table.Column<string>(maxLength: 50, nullable: true),
                Kind = table.Column<string>(maxLength: EnumLength, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrgUnits", x => x.Id);
                table.ForeignKey(
                    name: "FK_OrgUnits_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_OrgUnits_OrgUnits_ParentId",
                    column: x => x.ParentId,
                    principalTable: "OrgUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Gender = table.Column<string>(maxLength: EnumLength, nullable: false),
                BirthDate = table.Column<DateOnly>(nullable: true),
                StaffNumber = table.Column<string>(maxLength: 50, nullable: false),
                UnitId = table.Column<int>(nullable: true),
                Position = table.Column<string>(maxLength: 100, nullable: true),
                Rank = table.Column<string>(maxLength: 50, nullable: true),
                Establishment = table.Column<string>(maxLength: EnumLength, nullable: false),
                Party = table.Column<string>(maxLength: EnumLength, nullable: false),
                PartyBranchId = table.Column<int>(nullable: true),
                Phone = table.Column<string>(maxLength: 30, nullable: true),
                HomeAddress = table.Column<string>(maxLength: 300, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey(
                    name: "FK_People_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_People_OrgUnits_PartyBranchId",
                    column: x => x.PartyBranchId,
                    principalTable: "OrgUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_People_OrgUnits_UnitId",
                    column: x => x.UnitId,
                    principalTable: "OrgUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "FamilyMembers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                Relation = table.Column<string>(maxLength: EnumLength, nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Workplace = table.Column<string>(maxLength: 200, nullable: true),
                Position = table.Column<string>(maxLength: 100, nullable: true),
                Phone = table.Column<string>(maxLength: 30, nullable: true),
                LivesLocally = table.Column<bool>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FamilyMembers", x => x.Id);
                table.ForeignKey(
                    name: "FK_FamilyMembers_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FamilyMembers_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "UnitLeaderships",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: EnumLength, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: true),
                EndsOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitLeaderships", x => x.Id);
                table.ForeignKey(
                    name: "FK_UnitLeaderships_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_UnitLeaderships_OrgUnits_UnitId",
                    column: x => x.UnitId,
                    principalTable: "OrgUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_UnitLeaderships_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "UserAccounts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 500, nullable: true),
                PersonId = table.Column<int>(nullable: true),
                // A primitive collection: the role names as a JSON array.
                Roles = table.Column<string>(nullable: false),
                IsDisabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
                LockoutEnd = table.Column<DateTime>(nullable: true),
                SecurityStamp = table.Column<string>(maxLength: 50, nullable: false),
                LastSignInAt = table.Column<DateTime>(nullable: true),
                PreferredCulture = table.Column<string>(maxLength: 10, nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserAccounts", x => x.Id);
                table.ForeignKey(
                    name: "FK_UserAccounts_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_UserAccounts_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Visits",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                ProgrammeKey = table.Column<string>(maxLength: 30, nullable: false),
                Form = table.Column<string>(maxLength: EnumLength, nullable: false),
                PlannedStart = table.Column<DateTime>(nullable: false),
                PlannedEnd = table.Column<DateTime>(nullable: false),
                ActualStart = table.Column<DateTime>(nullable: true),
                Place = table.Column<string>(maxLength: 300, nullable: true),
                Purpose = table.Column<string>(maxLength: 500, nullable: true),
                Record = table.Column<string>(maxLength: 8000, nullable: true),
                ProblemsFound = table.Column<string>(maxLength: 4000, nullable: true),
                Resolution = table.Column<string>(maxLength: 4000, nullable: true),
                Status = table.Column<string>(maxLength: EnumLength, nullable: false),
                NotifiedAt = table.Column<DateTime>(nullable: true),
                CancelReason = table.Column<string>(maxLength: 500, nullable: true),
                CreatedByUserId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Visits", x => x.Id);
                table.ForeignKey(
                    name: "FK_Visits_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Visits_UserAccounts_CreatedByUserId",
                    column: x => x.CreatedByUserId,
                    principalTable: "UserAccounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "FollowUpItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                ProgrammeKey = table.Column<string>(maxLength: 30, nullable: false),
                VisitId = table.Column<int>(nullable: true),
                Kind = table.Column<string>(maxLength: EnumLength, nullable: false),
                Category = table.Column<string>(maxLength: 100, nullable: true),
                Summary = table.Column<string>(maxLength: 500, nullable: false),
                Details = table.Column<string>(maxLength: 4000, nullable: true),
                RaisedByPersonId = table.Column<int>(nullable: true),
                RaisedByName = table.Column<string>(maxLength: 50, nullable: true),
                OwnerPersonId = table.Column<int>(nullable: true),
                Deadline = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: EnumLength, nullable: false),
                Resolution = table.Column<string>(maxLength: 4000, nullable: true),
                Feedback = table.Column<string>(maxLength: 4000, nullable: true),
                WithdrawReason = table.Column<string>(maxLength: 500, nullable: true),
                CreatedByUserId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                ClosedByUserId = table.Column<int>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FollowUpItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_FollowUpItems_Institutions_InstitutionId",
                    column: x => x.InstitutionId,
                    principalTable: "Institutions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FollowUpItems_People_OwnerPersonId",
                    column: x => x.OwnerPersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FollowUpItems_People_RaisedByPersonId",
                    column: x => x.RaisedByPersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FollowUpItems_UserAccounts_CreatedByUserId",
                    column: x => x.CreatedByUserId,
                    principalTable: "UserAccounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_FollowUpItems_Visits_VisitId",
                    column: x => x.VisitId,
                    principalTable: "Visits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "VisitFamilyMet",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                VisitId = table.Column<int>(nullable: false),
                FamilyMemberId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitFamilyMet", x => x.Id);
                table.ForeignKey(
                    name: "FK_VisitFamilyMet_FamilyMembers_FamilyMemberId",
                    column: x => x.FamilyMemberId,
                    principalTable: "FamilyMembers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_VisitFamilyMet_Visits_VisitId",
                    column: x => x.VisitId,
                    principalTable: "Visits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "VisitTargets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                VisitId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: true),
                OrgUnitId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitTargets", x => x.Id);
                table.ForeignKey(
                    name: "FK_VisitTargets_OrgUnits_OrgUnitId",
                    column: x => x.OrgUnitId,
                    principalTable: "OrgUnits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_VisitTargets_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_VisitTargets_Visits_VisitId",
                    column: x => x.VisitId,
                    principalTable: "Visits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "VisitVisitors",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                VisitId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                IsRecorder = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VisitVisitors", x => x.Id);
                table.ForeignKey(
                    name: "FK_VisitVisitors_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_VisitVisitors_Visits_VisitId",
                    column: x => x.VisitId,
                    principalTable: "Visits",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        Index(migrationBuilder, "AuditEntries", "EntityType", "EntityId");
        Index(migrationBuilder, "AuditEntries", "InstitutionId", "At");

        Index(migrationBuilder, "FamilyMembers", "InstitutionId");
        Index(migrationBuilder, "FamilyMembers", "PersonId");

        Index(migrationBuilder, "FollowUpItems", "CreatedByUserId");
        Index(migrationBuilder, "FollowUpItems", "InstitutionId", "Status", "Deadline");
        Index(migrationBuilder, "FollowUpItems", "OwnerPersonId");
        Index(migrationBuilder, "FollowUpItems", "RaisedByPersonId");
        Index(migrationBuilder, "FollowUpItems", "VisitId");

        UniqueIndex(migrationBuilder, "OrgUnits", "InstitutionId", "Code");
        Index(migrationBuilder, "OrgUnits", "InstitutionId", "ParentId", "SortOrder");
        Index(migrationBuilder, "OrgUnits", "ParentId");

        Index(migrationBuilder, "People", "InstitutionId", "Name");
        UniqueIndex(migrationBuilder, "People", "InstitutionId", "StaffNumber");
        Index(migrationBuilder, "People", "InstitutionId", "UnitId", "Name");
        Index(migrationBuilder, "People", "PartyBranchId");
        Index(migrationBuilder, "People", "UnitId");

        Index(migrationBuilder, "UnitLeaderships", "InstitutionId");
        Index(migrationBuilder, "UnitLeaderships", "PersonId");
        Index(migrationBuilder, "UnitLeaderships", "UnitId", "Role");

        Index(migrationBuilder, "UserAccounts", "InstitutionId");
        Index(migrationBuilder, "UserAccounts", "PersonId");
        UniqueIndex(migrationBuilder, "UserAccounts", "UserName");

        Index(migrationBuilder, "VisitFamilyMet", "FamilyMemberId");
        UniqueIndex(migrationBuilder, "VisitFamilyMet", "VisitId", "FamilyMemberId");

        Index(migrationBuilder, "Visits", "CreatedByUserId");
        Index(migrationBuilder, "Visits", "InstitutionId", "PlannedStart");
        Index(migrationBuilder, "Visits", "InstitutionId", "ProgrammeKey", "Status", "PlannedStart");

        Index(migrationBuilder, "VisitTargets", "OrgUnitId");
        Index(migrationBuilder, "VisitTargets", "PersonId");
        Index(migrationBuilder, "VisitTargets", "VisitId");

        Index(migrationBuilder, "VisitVisitors", "PersonId");
        UniqueIndex(migrationBuilder, "VisitVisitors", "VisitId", "PersonId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Dependants first; dropping a table drops its indexes.
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "FollowUpItems");
        migrationBuilder.DropTable(name: "UnitLeaderships");
        migrationBuilder.DropTable(name: "VisitFamilyMet");
        migrationBuilder.DropTable(name: "VisitTargets");
        migrationBuilder.DropTable(name: "VisitVisitors");
        migrationBuilder.DropTable(name: "FamilyMembers");
        migrationBuilder.DropTable(name: "Visits");
        migrationBuilder.DropTable(name: "UserAccounts");
        migrationBuilder.DropTable(name: "People");
        migrationBuilder.DropTable(name: "OrgUnits");
        migrationBuilder.DropTable(name: "Institutions");
    }

    // EF's default index name is IX_<table>_<columns joined by _>; keeping it lets later
    // migrations refer to these indexes by the name the model would give them.
    private static void Index(MigrationBuilder migrationBuilder, string table, params string[] columns)
        => migrationBuilder.CreateIndex($"IX_{table}_{string.Join('_', columns)}", table, columns);

    private static void UniqueIndex(MigrationBuilder migrationBuilder, string table, params string[] columns)
        => migrationBuilder.CreateIndex($"IX_{table}_{string.Join('_', columns)}", table, columns, unique: true);
}
