using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HomeVisit.Core.Migrations;

/// <summary>Campus SSO: accounts linked to a provider identity, the roles SSO granted, and each institution's role mapping.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121060000_Sso")]
public partial class Sso : Migration
{
    private const string Autoincrement = "Sqlite:Autoincrement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ExternalIssuer", "UserAccounts", maxLength: 300, nullable: true);
        migrationBuilder.AddColumn<string>("ExternalSubject", "UserAccounts", maxLength: 200, nullable: true);
        // A primitive collection: the role names as a JSON array; null until the first campus sign-in.
        migrationBuilder.AddColumn<string>("SsoRoles", "UserAccounts", nullable: true);
        migrationBuilder.CreateIndex("IX_UserAccounts_ExternalIssuer_ExternalSubject", "UserAccounts", ["ExternalIssuer", "ExternalSubject"], unique: true);

        migrationBuilder.CreateTable(
            name: "SsoRoleMappings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation(Autoincrement, true),
                InstitutionId = table.Column<int>(nullable: false),
                ClaimValue = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                Note = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SsoRoleMappings", x => x.Id);
                table.ForeignKey("FK_SsoRoleMappings_Institutions_InstitutionId", x => x.InstitutionId, "Institutions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SsoRoleMappings_InstitutionId_ClaimValue_Role", "SsoRoleMappings", ["InstitutionId", "ClaimValue", "Role"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SsoRoleMappings");
        migrationBuilder.DropIndex("IX_UserAccounts_ExternalIssuer_ExternalSubject", "UserAccounts");
        migrationBuilder.DropColumn("SsoRoles", "UserAccounts");
        migrationBuilder.DropColumn("ExternalSubject", "UserAccounts");
        migrationBuilder.DropColumn("ExternalIssuer", "UserAccounts");
    }
}
