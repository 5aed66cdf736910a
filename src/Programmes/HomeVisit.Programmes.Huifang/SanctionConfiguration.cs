using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Programmes.Huifang;

internal sealed class SanctionRecordConfiguration : IEntityTypeConfiguration<SanctionRecord>
{
    public void Configure(EntityTypeBuilder<SanctionRecord> b)
    {
        b.ToTable("SanctionRecords");
        b.Property(x => x.CaseNumber).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(4000);
        b.Property(x => x.Education).HasMaxLength(50);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.ExclusionOverrideReason).HasMaxLength(1000);
        // Records made before 其他需要回访关爱教育的人员 existed are sanction records: the column's default says so on every provider.
        b.Property(x => x.IsOtherPerson).HasDefaultValue(false);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.ExclusionOverrideRequestedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.ExclusionOverrideApprovedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.InfluenceEndsOn });
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class RevisitConfiguration : IEntityTypeConfiguration<Revisit>
{
    public void Configure(EntityTypeBuilder<Revisit> b)
    {
        b.ToTable("Revisits");
        b.Property(x => x.PersonNotes).HasMaxLength(2000);
        b.Property(x => x.CaseNotes).HasMaxLength(2000);
        b.Property(x => x.Approach).HasMaxLength(2000);
        b.Property(x => x.ReportingUnit).HasMaxLength(200);
        b.Property(x => x.Remarks).HasMaxLength(1000);
        b.Property(x => x.FeedbackUnitName).HasMaxLength(200);
        b.Property(x => x.FeedbackNote).HasMaxLength(1000);
        b.Property(x => x.ArchiveNote).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SanctionRecord).WithMany().HasForeignKey(x => x.SanctionRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VisitId).IsUnique();
        b.HasIndex(x => x.SanctionRecordId);
    }
}
