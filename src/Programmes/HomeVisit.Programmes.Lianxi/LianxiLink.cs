using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>A leader is linked to a party branch (三、1, arranged by the organisation department) or to an individual (三、2, by the office).</summary>
public enum LinkKind
{
    Branch,
    Individual,
}

/// <summary>Who a linked individual is (seed 4 三、2): experts, young teachers, activists applying to join the party, others.</summary>
public enum LinkedPersonCategory
{
    Expert,        // 专家（有突出贡献的专家、中青年专家、教学科研一线专家、少数民族专家）
    YoungTeacher,  // 优秀青年教师
    PartyActivist, // 入党积极分子
    Other,         // 其他师生
}

/// <summary>
/// 联系党支部 / 联系师生: one leader linked to one party branch or one individual from a start day to an end day
/// (both inclusive; no end = until changed). Links are never deleted once in force: a change ends the old link the
/// day before the new arrangement starts, so each semester is judged by the links it had.
/// </summary>
public class LianxiLink : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int LeaderPersonId { get; set; }
    public Person? Leader { get; set; }
    public LinkKind Kind { get; set; }
    public int? BranchId { get; set; }
    public OrgUnit? Branch { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public LinkedPersonCategory? Category { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int AssignedByUserId { get; set; }
    public DateTime AssignedAt { get; set; }
    public long Version { get; set; }

    public bool ActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day);

    public bool Overlaps(DateOnly start, DateOnly end) => StartsOn <= end && (EndsOn is null || EndsOn >= start);
}

internal sealed class LianxiLinkConfiguration : IEntityTypeConfiguration<LianxiLink>
{
    public void Configure(EntityTypeBuilder<LianxiLink> b)
    {
        b.ToTable("LianxiLinks");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Leader).WithMany().HasForeignKey(x => x.LeaderPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Branch).WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.AssignedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InstitutionId, x.LeaderPersonId, x.Kind });
        b.HasIndex(x => x.BranchId);
        b.HasIndex(x => x.PersonId);
    }
}
