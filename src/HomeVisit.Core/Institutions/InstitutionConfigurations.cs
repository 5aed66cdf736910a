using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Institutions;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ShortName).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Institutions that existed before the policy get the default one, not zeros.
        b.Property(x => x.PasswordMinLength).HasDefaultValue(Accounts.PasswordPolicy.Default.MinLength);
        b.Property(x => x.PasswordRequiredClasses).HasDefaultValue(Accounts.PasswordPolicy.Default.RequiredClasses);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.ParentId, x.SortOrder });
        b.HasIndex(x => new { x.InstitutionId, x.Code }).IsUnique();
    }
}

internal sealed class UnitLeadershipConfiguration : IEntityTypeConfiguration<UnitLeadership>
{
    public void Configure(EntityTypeBuilder<UnitLeadership> b)
    {
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UnitId, x.Role });
        b.HasIndex(x => x.PersonId);
    }
}
