using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Accounts;

/// <summary>
/// One line of an institution's SSO role mapping: a value of the provider's groups/roles claim
/// (e.g. a Keycloak group path, an Entra group object id) and the portal role it grants.
/// </summary>
public class SsoRoleMapping : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string ClaimValue { get; set; }
    public required string Role { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }
}

internal sealed class SsoRoleMappingConfiguration : IEntityTypeConfiguration<SsoRoleMapping>
{
    public void Configure(EntityTypeBuilder<SsoRoleMapping> b)
    {
        b.Property(x => x.ClaimValue).HasMaxLength(SsoRoleMappingService.MaxClaimValueLength);
        b.Property(x => x.Role).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.ClaimValue, x.Role }).IsUnique();
    }
}
