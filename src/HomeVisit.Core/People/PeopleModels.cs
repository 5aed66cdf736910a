using HomeVisit.Core.Institutions;

namespace HomeVisit.Core.People;

public sealed record PersonQuery(string? Search = null, int? UnitId = null, int Page = 1, int PageSize = 20);

public sealed record PersonRow(
    int Id, string Name, string StaffNumber, Gender Gender, string? UnitName, string? Position, string? Rank,
    EstablishmentStatus Establishment, PartyMembership Party);

public sealed record FamilyMemberView(
    int Id, long Version, FamilyRelation Relation, string Name, string? Workplace, string? Position, string? Phone, bool LivesLocally);

public sealed record PersonDetail(
    int Id, long Version, string Name, Gender Gender, DateOnly? BirthDate, string StaffNumber,
    int? UnitId, string? UnitName, string? Position, string? Rank, EstablishmentStatus Establishment,
    PartyMembership Party, int? PartyBranchId, string? PartyBranchName, string? Phone, string? HomeAddress,
    IReadOnlyList<FamilyMemberView> Family, bool CanEdit);

/// <summary>Form model for a person; mutable so a form keeps what was typed when a save is refused.</summary>
public sealed class PersonEdit
{
    public int Id { get; set; }
    public long Version { get; set; }
    public string? Name { get; set; }
    public Gender Gender { get; set; }
    public DateTime? BirthDate { get; set; }
    public string? StaffNumber { get; set; }
    public int? UnitId { get; set; }
    public string? Position { get; set; }
    public string? Rank { get; set; }
    public EstablishmentStatus Establishment { get; set; }
    public PartyMembership Party { get; set; }
    public int? PartyBranchId { get; set; }
    public string? Phone { get; set; }
    public string? HomeAddress { get; set; }

    public static PersonEdit From(PersonDetail p) => new()
    {
        Id = p.Id, Version = p.Version, Name = p.Name, Gender = p.Gender,
        BirthDate = p.BirthDate?.ToDateTime(TimeOnly.MinValue), StaffNumber = p.StaffNumber, UnitId = p.UnitId,
        Position = p.Position, Rank = p.Rank, Establishment = p.Establishment, Party = p.Party,
        PartyBranchId = p.PartyBranchId, Phone = p.Phone, HomeAddress = p.HomeAddress,
    };
}

public sealed class FamilyMemberEdit
{
    public int Id { get; set; }
    public long Version { get; set; }
    public FamilyRelation Relation { get; set; }
    public string? Name { get; set; }
    public string? Workplace { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public bool LivesLocally { get; set; } = true;

    public static FamilyMemberEdit From(FamilyMemberView f) => new()
    {
        Id = f.Id, Version = f.Version, Relation = f.Relation, Name = f.Name, Workplace = f.Workplace,
        Position = f.Position, Phone = f.Phone, LivesLocally = f.LivesLocally,
    };
}

public sealed record PersonPick(int Id, string Name, string StaffNumber, string? UnitName, string? Position)
{
    public string Label => string.IsNullOrEmpty(UnitName) ? $"{Name}（{StaffNumber}）" : $"{Name}（{UnitName} {Position}）";
}

internal static class OrgUnitKindExtensions
{
    public static bool IsBranch(this OrgUnitKind kind) => kind == OrgUnitKind.PartyBranch;
}
