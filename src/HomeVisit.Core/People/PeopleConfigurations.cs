using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.StaffNumber).HasMaxLength(50);
        b.Property(x => x.Position).HasMaxLength(100);
        b.Property(x => x.Rank).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.HomeAddress).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.PartyBranch).WithMany().HasForeignKey(x => x.PartyBranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Family).WithOne(x => x.Person).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.StaffNumber }).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.UnitId, x.Name });
        b.HasIndex(x => new { x.InstitutionId, x.Name });
    }
}

internal sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> b)
    {
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Workplace).HasMaxLength(200);
        b.Property(x => x.Position).HasMaxLength(100);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PersonId);
    }
}
