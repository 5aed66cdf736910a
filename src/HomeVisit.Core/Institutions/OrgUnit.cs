using HomeVisit.Core.Data;

namespace HomeVisit.Core.Institutions;

/// <summary>School / college / department / party branch, or county / township / unit.</summary>
public enum OrgUnitKind
{
    School,
    College,
    Department,
    PartyBranch,
    County,
    Township,
    Unit,
}

public class OrgUnit : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public List<OrgUnit> Children { get; set; } = [];
    public required string Name { get; set; }
    public string? Code { get; set; }
    public OrgUnitKind Kind { get; set; }
    public int SortOrder { get; set; }
    public long Version { get; set; }
}

/// <summary>Who leads a unit: the head (一把手), deputies, who oversees it (分管), the county-level leader linked to it (分包).</summary>
public enum LeadershipRole
{
    Head,
    Deputy,
    Oversees,
    LinkedCountyLeader,
    BranchSecretary,
    /// <summary>A member of the unit's discipline committee (纪委委员, seed 1 第三条, 第四条（三）), held on the school or unit it serves.</summary>
    DisciplineCommitteeMember,
}

public class UnitLeadership : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public int PersonId { get; set; }
    public People.Person? Person { get; set; }
    public LeadershipRole Role { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
}
