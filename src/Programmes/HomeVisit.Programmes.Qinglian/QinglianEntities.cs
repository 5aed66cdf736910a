using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>How a written notice reached the family (seed 3 二、2 “书面通知家访对象”).</summary>
public enum NoticeMethod
{
    /// <summary>当面送达书面通知.</summary>
    HandDelivered,
    /// <summary>邮寄.</summary>
    Post,
    /// <summary>电子文书（微信、短信、电子邮件）.</summary>
    Electronic,
    /// <summary>口头或电话; not a written notice.</summary>
    Verbal,
}

/// <summary>
/// The written notice of a visit (家访通知书) recorded as sent: to whom, when, how, by whom, and the visit time it
/// announced. Rows are only ever added; a re-planned visit gets a new notice.
/// </summary>
public class QinglianNotice : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    /// <summary>The day it reached the family (Beijing date).</summary>
    public DateOnly SentOn { get; set; }
    public NoticeMethod Method { get; set; }
    public required string Recipient { get; set; }
    public string? Note { get; set; }
    /// <summary>The visit time the notice announced; if the plan changes later, the notice is out of date.</summary>
    public DateTime VisitTime { get; set; }
    /// <summary>The notice lead time the rules asked for when it was sent.</summary>
    public int LeadDays { get; set; }
    public string? TemplateHash { get; set; }
    public int SentByUserId { get; set; }
    public string? SentByName { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// A signed 家庭助廉承诺书 (seed 3 三、3 “签订《家庭助廉承诺书》”): which family member of which staff member signed,
/// when, on which text, with the uploaded scan. The scan lives on disk under the data folder, never in wwwroot.
/// </summary>
public class Commitment : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The staff member (干部职工) whose household it is.</summary>
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The family member who signed.</summary>
    public int FamilyMemberId { get; set; }
    public FamilyMember? FamilyMember { get; set; }
    public int? VisitId { get; set; }
    public Visit? Visit { get; set; }
    public DateOnly SignedOn { get; set; }
    /// <summary>The template revision in force when recorded (null: the shipped text) and the text's SHA-256.</summary>
    public int? TemplateRevisionId { get; set; }
    public required string TemplateHash { get; set; }
    public required string ScanFileName { get; set; }
    public required string ScanContentType { get; set; }
    public long ScanSize { get; set; }
    /// <summary>Where <see cref="ScanStore"/> keeps the file: "{institution}/{guid}".</summary>
    public required string ScanKey { get; set; }
    public string? Note { get; set; }
    public int CreatedByUserId { get; set; }
    public string? CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A period's household list confirmed (seed 3 三、1 “综合部……确定家访对象名单”): by whom, when, and the fingerprint of
/// the list as it stood, so a later change to the list (a staff member added or removed) shows
/// as unconfirmed until confirmed again. Rows are only ever added.
/// </summary>
public class QinglianListConfirmation : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The first day of the period (half year) the list is for.</summary>
    public DateOnly PeriodStart { get; set; }
    /// <summary>SHA-256 of the list confirmed (<see cref="QinglianListService.Fingerprint"/>).</summary>
    public required string ListHash { get; set; }
    public int Households { get; set; }
    public int ConfirmedByUserId { get; set; }
    public string? ConfirmedByName { get; set; }
    /// <summary>UTC.</summary>
    public DateTime ConfirmedAt { get; set; }
    /// <summary>The staff members on the list as confirmed: the households whose visits the confirmation allows.</summary>
    public List<QinglianListMember> Members { get; set; } = [];
}

/// <summary>
/// One household (staff member) on a confirmed list. A visit is planned only to people on the period's latest confirmed
/// list, so a newcomer waits for the 综合部 while everyone already on the list can still be visited.
/// </summary>
public class QinglianListMember
{
    public int ConfirmationId { get; set; }
    public int PersonId { get; set; }
}

internal sealed class QinglianListMemberConfiguration : IEntityTypeConfiguration<QinglianListMember>
{
    public void Configure(EntityTypeBuilder<QinglianListMember> b)
    {
        b.ToTable("QinglianListMembers");
        b.HasKey(x => new { x.ConfirmationId, x.PersonId });
        b.HasOne<QinglianListConfirmation>().WithMany(c => c.Members).HasForeignKey(x => x.ConfirmationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class QinglianListConfirmationConfiguration : IEntityTypeConfiguration<QinglianListConfirmation>
{
    public void Configure(EntityTypeBuilder<QinglianListConfirmation> b)
    {
        b.ToTable("QinglianListConfirmations");
        b.Property(x => x.ListHash).HasMaxLength(64);
        b.Property(x => x.ConfirmedByName).HasMaxLength(100);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.ConfirmedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.PeriodStart });
        b.HasIndex(x => x.ConfirmedByUserId);
    }
}

internal sealed class QinglianNoticeConfiguration : IEntityTypeConfiguration<QinglianNotice>
{
    public void Configure(EntityTypeBuilder<QinglianNotice> b)
    {
        b.ToTable("QinglianNotices");
        // The visit time as the notice printed it: Beijing wall-clock, like the visit's own times.
        b.Property(x => x.VisitTime).IsWallClock();
        b.Property(x => x.Recipient).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.TemplateHash).HasMaxLength(64);
        b.Property(x => x.SentByName).HasMaxLength(100);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.SentByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => x.SentByUserId);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("Commitments");
        b.Property(x => x.TemplateHash).HasMaxLength(64);
        b.Property(x => x.ScanFileName).HasMaxLength(200);
        b.Property(x => x.ScanContentType).HasMaxLength(100);
        b.Property(x => x.ScanKey).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.FamilyMember).WithMany().HasForeignKey(x => x.FamilyMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContentTemplateRevision>().WithMany().HasForeignKey(x => x.TemplateRevisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.PersonId });
        b.HasIndex(x => x.FamilyMemberId);
        b.HasIndex(x => x.VisitId);
        b.HasIndex(x => x.TemplateRevisionId);
        b.HasIndex(x => x.CreatedByUserId);
    }
}
