using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HomeVisit.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: true),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Institutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PasswordMinLength = table.Column<int>(type: "integer", nullable: false, defaultValue: 8),
                    PasswordRequiredClasses = table.Column<int>(type: "integer", nullable: false, defaultValue: 3),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Institutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledJobs",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DoneThroughUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFinishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastOutcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LastDetail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastRunBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledJobs", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "InstitutionProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstitutionProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstitutionProgrammes_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "SsoRoleMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    ClaimValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SsoRoleMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SsoRoleMappings_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StaffNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Rank = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Establishment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Party = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartyBranchId = table.Column<int>(type: "integer", nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    HomeAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Relation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Workplace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    LivesLocally = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NormalizedUserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, defaultValue: ""),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    Roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false),
                    LockoutEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SecurityStamp = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LastSignInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PreferredCulture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ExternalIssuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ExternalSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SsoRoles = table.Column<List<string>>(type: "text[]", nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFetchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_UserAccounts_UserId",
                        column: x => x.UserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContentTemplateRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    TemplateKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SavedByUserId = table.Column<int>(type: "integer", nullable: false),
                    SavedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentTemplateRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentTemplateRevisions_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentTemplateRevisions_UserAccounts_SavedByUserId",
                        column: x => x.SavedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GanbuApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedByUserId = table.Column<int>(type: "integer", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuApiKeys_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuApiKeys_UserAccounts_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GanbuInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HeadPersonId = table.Column<int>(type: "integer", nullable: true),
                    InspectedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedByUserId = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuInspections_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuInspections_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuInspections_People_HeadPersonId",
                        column: x => x.HeadPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuInspections_UserAccounts_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GanbuSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    OrdinaryDays = table.Column<int>(type: "integer", nullable: false),
                    SpecialDays = table.Column<int>(type: "integer", nullable: false),
                    MajorDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuSettings_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuSettings_UserAccounts_UpdatedByUserId",
                        column: x => x.UpdatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LianxiLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    LeaderPersonId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BranchId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedByUserId = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LianxiLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LianxiLinks_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianxiLinks_OrgUnits_BranchId",
                        column: x => x.BranchId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianxiLinks_People_LeaderPersonId",
                        column: x => x.LeaderPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianxiLinks_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianxiLinks_UserAccounts_AssignedByUserId",
                        column: x => x.AssignedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LianzhengPlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    VisitorPersonId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TargetPersonId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LianzhengPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LianzhengPlanItems_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianzhengPlanItems_People_TargetPersonId",
                        column: x => x.TargetPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianzhengPlanItems_People_VisitorPersonId",
                        column: x => x.VisitorPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianzhengPlanItems_UserAccounts_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DedupKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Notifications_UserAccounts_UserId",
                        column: x => x.UserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeRuleVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    RulesJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ChangedByUserId = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeRuleVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeRuleVersions_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeRuleVersions_UserAccounts_ChangedByUserId",
                        column: x => x.ChangedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SanctionRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PartyKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PartyDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PartyInfluenceMonths = table.Column<int>(type: "integer", nullable: true),
                    GovernmentKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GovernmentDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GovernmentInfluenceMonths = table.Column<int>(type: "integer", nullable: true),
                    InfluenceStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InfluenceEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Education = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    WorkStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PartyJoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferredToJudicialOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CriminallyPunishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RetiredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SanctionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SanctionRecords_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SanctionRecords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SanctionRecords_UserAccounts_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_UserAccounts_UserId",
                        column: x => x.UserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Form = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlannedStart = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    PlannedEnd = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActualStart = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Record = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ProblemsFound = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Trigger = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FormDataJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Approval = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, defaultValue: "NotRequired"),
                    ApprovedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovalNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParentVisitId = table.Column<int>(type: "integer", nullable: true),
                    ChainClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChainClosedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ChainCloseNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    FamilyMemberId = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TemplateRevisionId = table.Column<int>(type: "integer", nullable: true),
                    TemplateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScanFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScanContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScanSize = table.Column<long>(type: "bigint", nullable: false),
                    ScanKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_ContentTemplateRevisions_TemplateRevisionId",
                        column: x => x.TemplateRevisionId,
                        principalTable: "ContentTemplateRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_FamilyMembers_FamilyMemberId",
                        column: x => x.FamilyMemberId,
                        principalTable: "FamilyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_UserAccounts_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeKey = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RaisedByPersonId = table.Column<int>(type: "integer", nullable: true),
                    RaisedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OwnerPersonId = table.Column<int>(type: "integer", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ResponsibleUnitId = table.Column<int>(type: "integer", nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RegisteredByUserId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Feedback = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByUserId = table.Column<int>(type: "integer", nullable: true),
                    RestrictedToRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
                name: "GanbuRecordArchives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedByUserId = table.Column<int>(type: "integer", nullable: false),
                    ArchivedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuRecordArchives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuRecordArchives_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRecordArchives_UserAccounts_ArchivedByUserId",
                        column: x => x.ArchivedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRecordArchives_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GanbuRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    RequesterPersonId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Tier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HandlingTier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    HandlerPersonId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    EscalatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverdueSince = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceVisitId = table.Column<int>(type: "integer", nullable: true),
                    ApiKeyId = table.Column<int>(type: "integer", nullable: true),
                    ClientRequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Feedback = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedByUserId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuRequests_GanbuApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "GanbuApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRequests_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRequests_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRequests_People_HandlerPersonId",
                        column: x => x.HandlerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRequests_People_RequesterPersonId",
                        column: x => x.RequesterPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRequests_UserAccounts_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRequests_Visits_SourceVisitId",
                        column: x => x.SourceVisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LianzhengRecordArchives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArchivedByUserId = table.Column<int>(type: "integer", nullable: false),
                    SnapshotJson = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LianzhengRecordArchives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LianzhengRecordArchives_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianzhengRecordArchives_UserAccounts_ArchivedByUserId",
                        column: x => x.ArchivedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LianzhengRecordArchives_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QinglianNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VisitTime = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    LeadDays = table.Column<int>(type: "integer", nullable: false),
                    TemplateHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentByUserId = table.Column<int>(type: "integer", nullable: false),
                    SentByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QinglianNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QinglianNotices_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QinglianNotices_UserAccounts_SentByUserId",
                        column: x => x.SentByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QinglianNotices_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Revisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    SanctionRecordId = table.Column<int>(type: "integer", nullable: false),
                    PersonNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Approach = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportingUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Remarks = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FedBackToPersonOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FedBackToUnitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedbackUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FeedbackNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FedBackByUserId = table.Column<int>(type: "integer", nullable: true),
                    FedBackAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ArchivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ArchiveNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ArchivedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ArchivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Revisits_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Revisits_SanctionRecords_SanctionRecordId",
                        column: x => x.SanctionRecordId,
                        principalTable: "SanctionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Revisits_UserAccounts_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Revisits_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitFamilyMet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    FamilyMemberId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    IsRecorder = table.Column<bool>(type: "boolean", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "FollowUpReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    FollowUpItemId = table.Column<int>(type: "integer", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ToWhom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_FollowUpItems_FollowUpItemId",
                        column: x => x.FollowUpItemId,
                        principalTable: "FollowUpItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpReports_UserAccounts_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "UserAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GanbuRequestSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<int>(type: "integer", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HandlerPersonId = table.Column<int>(type: "integer", nullable: true),
                    VisitId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuRequestSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuRequestSteps_GanbuRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "GanbuRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GanbuRequestSteps_People_HandlerPersonId",
                        column: x => x.HandlerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GanbuRequestSteps_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GanbuRequestVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GanbuRequestVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GanbuRequestVisits_GanbuRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "GanbuRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GanbuRequestVisits_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_InstitutionId_At",
                table: "AuditEntries",
                columns: new[] { "InstitutionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_InstitutionId",
                table: "CalendarFeeds",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_UserId",
                table: "CalendarFeeds",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_CreatedByUserId",
                table: "Commitments",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_FamilyMemberId",
                table: "Commitments",
                column: "FamilyMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_InstitutionId_PersonId",
                table: "Commitments",
                columns: new[] { "InstitutionId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_PersonId",
                table: "Commitments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_TemplateRevisionId",
                table: "Commitments",
                column: "TemplateRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_VisitId",
                table: "Commitments",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentTemplateRevisions_InstitutionId_TemplateKey_Id",
                table: "ContentTemplateRevisions",
                columns: new[] { "InstitutionId", "TemplateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentTemplateRevisions_SavedByUserId",
                table: "ContentTemplateRevisions",
                column: "SavedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_InstitutionId",
                table: "FamilyMembers",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_PersonId",
                table: "FamilyMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_CreatedByUserId",
                table: "FollowUpItems",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_InstitutionId_Status_Deadline",
                table: "FollowUpItems",
                columns: new[] { "InstitutionId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_OwnerPersonId",
                table: "FollowUpItems",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_RaisedByPersonId",
                table: "FollowUpItems",
                column: "RaisedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_ResponsibleUnitId",
                table: "FollowUpItems",
                column: "ResponsibleUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_VisitId",
                table: "FollowUpItems",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_CreatedByUserId",
                table: "FollowUpReports",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_FollowUpItemId_ReportedOn",
                table: "FollowUpReports",
                columns: new[] { "FollowUpItemId", "ReportedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReports_InstitutionId",
                table: "FollowUpReports",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuApiKeys_CreatedByUserId",
                table: "GanbuApiKeys",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuApiKeys_InstitutionId",
                table: "GanbuApiKeys",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuApiKeys_Prefix",
                table: "GanbuApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GanbuInspections_HeadPersonId",
                table: "GanbuInspections",
                column: "HeadPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuInspections_InstitutionId_Date",
                table: "GanbuInspections",
                columns: new[] { "InstitutionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_GanbuInspections_RecordedByUserId",
                table: "GanbuInspections",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuInspections_UnitId",
                table: "GanbuInspections",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRecordArchives_ArchivedByUserId",
                table: "GanbuRecordArchives",
                column: "ArchivedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRecordArchives_InstitutionId",
                table: "GanbuRecordArchives",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRecordArchives_VisitId",
                table: "GanbuRecordArchives",
                column: "VisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_ApiKeyId_ClientRequestId",
                table: "GanbuRequests",
                columns: new[] { "ApiKeyId", "ClientRequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_CreatedByUserId",
                table: "GanbuRequests",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_HandlerPersonId_Status",
                table: "GanbuRequests",
                columns: new[] { "HandlerPersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_InstitutionId_FiledOn",
                table: "GanbuRequests",
                columns: new[] { "InstitutionId", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_InstitutionId_Status_Deadline",
                table: "GanbuRequests",
                columns: new[] { "InstitutionId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_RequesterPersonId",
                table: "GanbuRequests",
                column: "RequesterPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_SourceVisitId",
                table: "GanbuRequests",
                column: "SourceVisitId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequests_UnitId",
                table: "GanbuRequests",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequestSteps_HandlerPersonId",
                table: "GanbuRequestSteps",
                column: "HandlerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequestSteps_RequestId",
                table: "GanbuRequestSteps",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequestSteps_VisitId",
                table: "GanbuRequestSteps",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequestVisits_RequestId_VisitId",
                table: "GanbuRequestVisits",
                columns: new[] { "RequestId", "VisitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GanbuRequestVisits_VisitId",
                table: "GanbuRequestVisits",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_GanbuSettings_InstitutionId",
                table: "GanbuSettings",
                column: "InstitutionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GanbuSettings_UpdatedByUserId",
                table: "GanbuSettings",
                column: "UpdatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionProgrammes_InstitutionId_ProgrammeKey",
                table: "InstitutionProgrammes",
                columns: new[] { "InstitutionId", "ProgrammeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LianxiLinks_AssignedByUserId",
                table: "LianxiLinks",
                column: "AssignedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LianxiLinks_BranchId",
                table: "LianxiLinks",
                column: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_LianxiLinks_InstitutionId_LeaderPersonId_Kind",
                table: "LianxiLinks",
                columns: new[] { "InstitutionId", "LeaderPersonId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_LianxiLinks_LeaderPersonId",
                table: "LianxiLinks",
                column: "LeaderPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LianxiLinks_PersonId",
                table: "LianxiLinks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LianzhengPlanItems_CreatedByUserId",
                table: "LianzhengPlanItems",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LianzhengPlanItems_InstitutionId_Year",
                table: "LianzhengPlanItems",
                columns: new[] { "InstitutionId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LianzhengPlanItems_TargetPersonId",
                table: "LianzhengPlanItems",
                column: "TargetPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LianzhengPlanItems_VisitorPersonId_Year_TargetPersonId",
                table: "LianzhengPlanItems",
                columns: new[] { "VisitorPersonId", "Year", "TargetPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LianzhengRecordArchives_ArchivedByUserId",
                table: "LianzhengRecordArchives",
                column: "ArchivedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LianzhengRecordArchives_InstitutionId_ArchivedAt",
                table: "LianzhengRecordArchives",
                columns: new[] { "InstitutionId", "ArchivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LianzhengRecordArchives_VisitId",
                table: "LianzhengRecordArchives",
                column: "VisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_InstitutionId",
                table: "Notifications",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_DedupKey",
                table: "Notifications",
                columns: new[] { "UserId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_DueOn",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_InstitutionId_Code",
                table: "OrgUnits",
                columns: new[] { "InstitutionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_InstitutionId_ParentId_SortOrder",
                table: "OrgUnits",
                columns: new[] { "InstitutionId", "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_ParentId",
                table: "OrgUnits",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_People_InstitutionId_Name",
                table: "People",
                columns: new[] { "InstitutionId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_People_InstitutionId_StaffNumber",
                table: "People",
                columns: new[] { "InstitutionId", "StaffNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_InstitutionId_UnitId_Name",
                table: "People",
                columns: new[] { "InstitutionId", "UnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_People_PartyBranchId",
                table: "People",
                column: "PartyBranchId");

            migrationBuilder.CreateIndex(
                name: "IX_People_UnitId",
                table: "People",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeRuleVersions_ChangedByUserId",
                table: "ProgrammeRuleVersions",
                column: "ChangedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeRuleVersions_InstitutionId_ProgrammeKey_EffectiveF~",
                table: "ProgrammeRuleVersions",
                columns: new[] { "InstitutionId", "ProgrammeKey", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_QinglianNotices_InstitutionId",
                table: "QinglianNotices",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_QinglianNotices_SentByUserId",
                table: "QinglianNotices",
                column: "SentByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_QinglianNotices_VisitId",
                table: "QinglianNotices",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisits_CreatedByUserId",
                table: "Revisits",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisits_InstitutionId",
                table: "Revisits",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisits_SanctionRecordId",
                table: "Revisits",
                column: "SanctionRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisits_VisitId",
                table: "Revisits",
                column: "VisitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SanctionRecords_CreatedByUserId",
                table: "SanctionRecords",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SanctionRecords_InstitutionId_InfluenceEndsOn",
                table: "SanctionRecords",
                columns: new[] { "InstitutionId", "InfluenceEndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SanctionRecords_PersonId",
                table: "SanctionRecords",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SsoRoleMappings_InstitutionId_ClaimValue_Role",
                table: "SsoRoleMappings",
                columns: new[] { "InstitutionId", "ClaimValue", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitLeaderships_InstitutionId",
                table: "UnitLeaderships",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitLeaderships_PersonId",
                table: "UnitLeaderships",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitLeaderships_UnitId_Role",
                table: "UnitLeaderships",
                columns: new[] { "UnitId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_ExternalIssuer_ExternalSubject",
                table: "UserAccounts",
                columns: new[] { "ExternalIssuer", "ExternalSubject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_InstitutionId",
                table: "UserAccounts",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_NormalizedUserName",
                table: "UserAccounts",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserAccounts_PersonId",
                table: "UserAccounts",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFamilyMet_FamilyMemberId",
                table: "VisitFamilyMet",
                column: "FamilyMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFamilyMet_VisitId_FamilyMemberId",
                table: "VisitFamilyMet",
                columns: new[] { "VisitId", "FamilyMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_CreatedByUserId",
                table: "Visits",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_InstitutionId_PlannedStart",
                table: "Visits",
                columns: new[] { "InstitutionId", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_InstitutionId_ProgrammeKey_Status_PlannedStart",
                table: "Visits",
                columns: new[] { "InstitutionId", "ProgrammeKey", "Status", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ParentVisitId",
                table: "Visits",
                column: "ParentVisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTargets_OrgUnitId",
                table: "VisitTargets",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTargets_PersonId",
                table: "VisitTargets",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTargets_VisitId",
                table: "VisitTargets",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitVisitors_PersonId",
                table: "VisitVisitors",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitVisitors_VisitId_PersonId",
                table: "VisitVisitors",
                columns: new[] { "VisitId", "PersonId" },
                unique: true);

            // Added by hand after generation (keep it if this migration is regenerated): the audit log is append-only in
            // the database too, as on SQLite (migration AuditClientAddress there): no entry is ever changed, and none
            // younger than 180 days (AuditEntry.MinimumRetentionDays) is deleted. "At" is timestamptz, so now() compares
            // instants; the trigger raises, which rolls the statement back.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        RAISE EXCEPTION 'The audit log is append-only: entries cannot be changed.';
                    END IF;
                    IF OLD."At" > now() - interval '180 days' THEN
                        RAISE EXCEPTION 'The audit log is append-only: entries younger than 180 days cannot be deleted.';
                    END IF;
                    RETURN OLD;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_AppendOnly" ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "FollowUpReports");

            migrationBuilder.DropTable(
                name: "GanbuInspections");

            migrationBuilder.DropTable(
                name: "GanbuRecordArchives");

            migrationBuilder.DropTable(
                name: "GanbuRequestSteps");

            migrationBuilder.DropTable(
                name: "GanbuRequestVisits");

            migrationBuilder.DropTable(
                name: "GanbuSettings");

            migrationBuilder.DropTable(
                name: "InstitutionProgrammes");

            migrationBuilder.DropTable(
                name: "LianxiLinks");

            migrationBuilder.DropTable(
                name: "LianzhengPlanItems");

            migrationBuilder.DropTable(
                name: "LianzhengRecordArchives");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ProgrammeRuleVersions");

            migrationBuilder.DropTable(
                name: "QinglianNotices");

            migrationBuilder.DropTable(
                name: "Revisits");

            migrationBuilder.DropTable(
                name: "ScheduledJobs");

            migrationBuilder.DropTable(
                name: "SsoRoleMappings");

            migrationBuilder.DropTable(
                name: "UnitLeaderships");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "VisitFamilyMet");

            migrationBuilder.DropTable(
                name: "VisitTargets");

            migrationBuilder.DropTable(
                name: "VisitVisitors");

            migrationBuilder.DropTable(
                name: "ContentTemplateRevisions");

            migrationBuilder.DropTable(
                name: "FollowUpItems");

            migrationBuilder.DropTable(
                name: "GanbuRequests");

            migrationBuilder.DropTable(
                name: "SanctionRecords");

            migrationBuilder.DropTable(
                name: "FamilyMembers");

            migrationBuilder.DropTable(
                name: "GanbuApiKeys");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "UserAccounts");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "OrgUnits");

            migrationBuilder.DropTable(
                name: "Institutions");
        }
    }
}
