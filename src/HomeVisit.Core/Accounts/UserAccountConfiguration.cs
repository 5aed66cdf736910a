using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Accounts;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> b)
    {
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.Property(x => x.PasswordHash).HasMaxLength(500);
        b.Property(x => x.SecurityStamp).HasMaxLength(50);
        b.Property(x => x.PreferredCulture).HasMaxLength(10);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // The default only serves SQLite's ADD COLUMN on existing rows (the migration then fills the real values).
        b.Property(x => x.NormalizedUserName).HasMaxLength(100).HasDefaultValue("");
        b.HasIndex(x => x.NormalizedUserName).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.Property(x => x.ExternalIssuer).HasMaxLength(300);
        b.Property(x => x.ExternalSubject).HasMaxLength(200);
        b.HasIndex(x => new { x.ExternalIssuer, x.ExternalSubject }).IsUnique();
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(x => x.Id).HasMaxLength(32);
        b.Property(x => x.EndReason).HasMaxLength(50);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UserId);
    }
}
