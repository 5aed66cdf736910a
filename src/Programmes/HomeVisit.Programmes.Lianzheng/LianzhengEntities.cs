using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>
/// One line of a visitor's yearly visit plan (家访计划, seed 1 §8(二) “制定家访计划，合理安排时间”): whom they plan
/// to visit that year, roughly when (a month), and why (a priority situation of the rules, if any).
/// A visitor's plan for a year is the set of their lines; a person appears at most once in it.
/// </summary>
public class LianzhengPlanItem : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int VisitorPersonId { get; set; }
    public Person? Visitor { get; set; }
    public int Year { get; set; }
    public int TargetPersonId { get; set; }
    public Person? Target { get; set; }
    /// <summary>1–12: the month the visit is planned for.</summary>
    public int Month { get; set; }
    public string? Trigger { get; set; }
    public string? Note { get; set; }
    public int CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A 领导干部家访记录单 (annex 1) sent to the discipline office's archive (报送纪检监察室备存, seed 1 §8(三)): who sent it,
/// when, and the form as it stood then (JSON of <see cref="LianzhengRecordForm"/> rows), so the archived copy does not
/// change when the roster does. Never changed or removed.
/// </summary>
public class LianzhengRecordArchive : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public DateTime ArchivedAt { get; set; }
    public int ArchivedByUserId { get; set; }
    public required string SnapshotJson { get; set; }
}

internal sealed class LianzhengPlanItemConfiguration : IEntityTypeConfiguration<LianzhengPlanItem>
{
    public void Configure(EntityTypeBuilder<LianzhengPlanItem> b)
    {
        b.ToTable("LianzhengPlanItems");
        b.Property(x => x.Trigger).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visitor).WithMany().HasForeignKey(x => x.VisitorPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Target).WithMany().HasForeignKey(x => x.TargetPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.VisitorPersonId, x.Year, x.TargetPersonId }).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.Year });
    }
}

internal sealed class LianzhengRecordArchiveConfiguration : IEntityTypeConfiguration<LianzhengRecordArchive>
{
    public void Configure(EntityTypeBuilder<LianzhengRecordArchive> b)
    {
        b.ToTable("LianzhengRecordArchives");
        b.Property(x => x.SnapshotJson).HasMaxLength(40000);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.ArchivedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VisitId).IsUnique();
        b.HasIndex(x => new { x.InstitutionId, x.ArchivedAt });
    }
}
