using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Core.Visits;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.ProgrammeKey).HasMaxLength(30);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.Record).HasMaxLength(8000);
        b.Property(x => x.ProblemsFound).HasMaxLength(4000);
        b.Property(x => x.Resolution).HasMaxLength(4000);
        b.Property(x => x.CancelReason).HasMaxLength(500);
        b.Property(x => x.Trigger).HasMaxLength(200);
        b.Property(x => x.FormDataJson).HasMaxLength(20000);
        b.Property(x => x.ApprovalNote).HasMaxLength(500);
        b.Property(x => x.ChainCloseNote).HasMaxLength(1000);
        // A default, because the column was added to a table that already had rows.
        b.Property(x => x.Approval).HasDefaultValue(ApprovalStatus.NotRequired);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Visitors).WithOne(x => x.Visit).HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Targets).WithOne(x => x.Visit).HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.FamilyMet).WithOne(x => x.Visit).HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        // Both providers accept this SQL: the column names are quoted the same way and COALESCE is standard.
        b.Property(x => x.EffectiveStart).HasComputedColumnSql("COALESCE(\"ActualStart\", \"PlannedStart\")", stored: true);
        b.HasIndex(x => new { x.InstitutionId, x.PlannedStart });
        // Periods, quotas, dashboards, summaries and ledgers count a visit on its effective start.
        b.HasIndex(x => new { x.InstitutionId, x.EffectiveStart });
        b.HasIndex(x => new { x.InstitutionId, x.ProgrammeKey, x.EffectiveStart });
        b.HasIndex(x => new { x.InstitutionId, x.ProgrammeKey, x.Status, x.PlannedStart });
        // Counts only (the visit list's total for an overseer): the narrowest entries to walk per programme.
        b.HasIndex(x => new { x.InstitutionId, x.ProgrammeKey });
        // A programme's done visits of a period (the dashboard's per month, the ledgers): a range of done visits alone, where
        // the index above gives every visit of the period, each read from the table for its status.
        b.HasIndex(x => new { x.InstitutionId, x.ProgrammeKey, x.Status, x.EffectiveStart });
        // A plain indexed column, like ApprovedByUserId: SQLite cannot add a foreign key to an existing table without a
        // rebuild, and visits are never deleted; VisitService sets it only to a visible 重点约访 of the same institution.
        b.HasIndex(x => x.ParentVisitId);
    }
}

internal sealed class VisitVisitorConfiguration : IEntityTypeConfiguration<VisitVisitor>
{
    public void Configure(EntityTypeBuilder<VisitVisitor> b)
    {
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.VisitId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class VisitTargetConfiguration : IEntityTypeConfiguration<VisitTarget>
{
    public void Configure(EntityTypeBuilder<VisitTarget> b)
    {
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.OrgUnitId);
    }
}

internal sealed class VisitFamilyMetConfiguration : IEntityTypeConfiguration<VisitFamilyMet>
{
    public void Configure(EntityTypeBuilder<VisitFamilyMet> b)
    {
        b.HasOne(x => x.FamilyMember).WithMany().HasForeignKey(x => x.FamilyMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.VisitId, x.FamilyMemberId }).IsUnique();
        b.HasIndex(x => x.FamilyMemberId);
    }
}
