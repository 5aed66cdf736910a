using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(30);
        b.Property(x => x.EntityType).HasMaxLength(60);
        b.Property(x => x.EntityId).HasMaxLength(60);
        b.Property(x => x.ClientAddress).HasMaxLength(64);
        // Institution is not a foreign key on purpose: failed sign-ins are logged before we know one.
        b.HasIndex(x => new { x.InstitutionId, x.At });
        b.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}
