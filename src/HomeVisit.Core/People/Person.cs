using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;

namespace HomeVisit.Core.People;

public enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>编制状态: seed 1 §3 visits 在编在岗 staff, including 非实名编.</summary>
public enum EstablishmentStatus
{
    InEstablishment,
    NonNamedEstablishment,
    Contract,
    Retired,
    Other,
}

public enum PartyMembership
{
    None,
    Member,
    Probationary,
    Applicant,
    OtherParty,
}

public class Person : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>工号, unique per institution; roster imports match on it.</summary>
    public required string StaffNumber { get; set; }
    public int? UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public string? Position { get; set; }
    public string? Rank { get; set; }
    public EstablishmentStatus Establishment { get; set; }
    public PartyMembership Party { get; set; }
    public int? PartyBranchId { get; set; }
    public OrgUnit? PartyBranch { get; set; }
    public string? Phone { get; set; }
    public string? HomeAddress { get; set; }
    public List<FamilyMember> Family { get; set; } = [];
    public long Version { get; set; }
}

public enum FamilyRelation
{
    Spouse,
    Child,
    Parent,
    ParentInLaw,
    Other,
}

public class FamilyMember : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public FamilyRelation Relation { get; set; }
    public required string Name { get; set; }
    public string? Workplace { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public bool LivesLocally { get; set; }
    public long Version { get; set; }
}
