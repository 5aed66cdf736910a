using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.FollowUps;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUpItem>
{
    public void Configure(EntityTypeBuilder<FollowUpItem> b)
    {
        b.Property(x => x.ProgrammeKey).HasMaxLength(30);
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.Details).HasMaxLength(4000);
        b.Property(x => x.RaisedByName).HasMaxLength(50);
        b.Property(x => x.Resolution).HasMaxLength(4000);
        b.Property(x => x.Feedback).HasMaxLength(4000);
        b.Property(x => x.WithdrawReason).HasMaxLength(500);
        b.Property(x => x.RestrictedToRole).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.RaisedByPerson).WithMany().HasForeignKey(x => x.RaisedByPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OwnerPerson).WithMany().HasForeignKey(x => x.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.Status, x.Deadline });
        // The list's order (open first, soonest deadline, newest), kept by the database so that an index can serve it: an
        // overseer's first page walks this index and stops after its rows, where sorting on the expressions read and
        // sorted every item of the programmes overseen (FollowUpService.ListAsync). The same SQL on both providers.
        b.Property(x => x.IsClosed).HasComputedColumnSql("\"Status\" IN ('Resolved', 'Withdrawn')", stored: true);
        b.Property(x => x.SortDeadline).HasComputedColumnSql("COALESCE(\"Deadline\", '9999-12-31')", stored: true);
        b.HasIndex(x => new { x.InstitutionId, x.IsClosed, x.SortDeadline, x.Id }).IsDescending(false, false, false, true);
        // The list filters by programme (its own filter, and the programmes a user oversees or may not see) within the institution.
        b.HasIndex(x => new { x.InstitutionId, x.ProgrammeKey, x.Status });
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => x.OwnerPersonId);
        b.HasIndex(x => x.ResponsibleUnitId);
        // Who raised an item and a restricted lead's audience see it (FollowUpService.Visible): lookups, not a pass over
        // the institution's items.
        b.HasIndex(x => new { x.InstitutionId, x.CreatedByUserId });
        b.HasIndex(x => new { x.InstitutionId, x.RestrictedToRole });
    }
}
