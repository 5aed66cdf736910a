using System.Linq.Expressions;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Core.Programmes;

public enum PeriodKind
{
    Year,
    HalfYear,
    Semester,
    Quarter,
}

/// <summary>Who a programme may visit (seed 1 §3, seed 3 §二, seed 4, seed 5).</summary>
[Flags]
public enum TargetScope
{
    None = 0,
    InEstablishmentStaff = 1,
    PartyBranches = 2,
    DisciplinedPersons = 4,
    FamilyMembers = 8,
    LinkedIndividuals = 16,
}

/// <summary>
/// The one rule for "in-establishment staff" (seed 1 第三条 “家访对象为学校在编在岗人员（含非实名编）”): applied by the
/// visit form (<c>ProgrammeRuleCheck</c>), the 廉政家访 plans and quota counting alike, so a person refused by one is
/// never accepted or counted by another.
/// </summary>
public static class EstablishmentScope
{
    private const TargetScope PersonScopes = TargetScope.InEstablishmentStaff | TargetScope.FamilyMembers |
                                             TargetScope.DisciplinedPersons | TargetScope.LinkedIndividuals;

    /// <summary>Whether the rules limit the people visited to in-establishment staff (the other person scopes have rules of their own).</summary>
    public static bool Limits(ProgrammeRules rules) => (rules.Targets & PersonScopes) == TargetScope.InEstablishmentStaff;

    /// <summary>在编在岗, including 非实名编; 合同制, retired and others are outside.</summary>
    public static readonly Expression<Func<Person, bool>> Includes =
        p => p.Establishment == EstablishmentStatus.InEstablishment || p.Establishment == EstablishmentStatus.NonNamedEstablishment;

    /// <summary>The complement of <see cref="Includes"/>, for queries that look for who is outside.</summary>
    public static readonly Expression<Func<Person, bool>> Excludes =
        p => p.Establishment != EstablishmentStatus.InEstablishment && p.Establishment != EstablishmentStatus.NonNamedEstablishment;

    public static PortalMessage Outside(string? name) => new("{0} 不是在编在岗人员（含非实名编），不在本项目的家访对象范围内。", name);
}

/// <summary>How a quota counts: distinct people visited (seed 1 "家访不少于 2 人") or visits made (seed 4 "不少于 2 次").</summary>
public enum QuotaCount
{
    DistinctPeople,
    Visits,
}

/// <summary>
/// What a quota's minimum applies to: the visitor (seed 1 "每位领导每年家访不少于 2 人"), or each of the visitor's
/// links in the programme (seed 4 四、1 "到所联系的党支部……每学期不少于 2 次", "与所联系党支部的支部书记……至少 1 次";
/// 四、2 "每学期与联系对象谈心谈话不少于 2 次"). A per-link rule applies to whoever has such a link in the period,
/// with or without an account, and only visits to that link (the branch, its secretary, the individual) count for it.
/// </summary>
public enum QuotaPer
{
    Visitor,
    LinkedBranch,
    LinkedBranchSecretary,
    LinkedIndividual,
}

/// <summary>
/// A minimum a group of visitors must reach each period. The group is whoever matches any of the
/// matchers: a leadership role in a unit of a kind, a portal role, or a keyword of their position.
/// </summary>
public sealed class QuotaRule
{
    public string Name { get; set; } = "";
    public List<LeadershipRole> LeadershipRoles { get; set; } = [];
    public List<OrgUnitKind> UnitKinds { get; set; } = [];
    public List<string> PortalRoles { get; set; } = [];
    public List<string> PositionKeywords { get; set; } = [];
    /// <summary>Forms that count; empty means every form the programme allows.</summary>
    public List<VisitForm> Forms { get; set; } = [];
    public QuotaCount Count { get; set; } = QuotaCount.DistinctPeople;
    public int Minimum { get; set; } = 1;
    /// <summary>Per visitor (default) or per link: then the minimum is owed for each link and the matchers above are not used.</summary>
    public QuotaPer Per { get; set; } = QuotaPer.Visitor;
    /// <summary>The seed paragraph this comes from, shown to the leader as the reason.</summary>
    public string? Source { get; set; }
}

/// <summary>Semester start dates (month/day); the autumn semester runs into the next calendar year.</summary>
public sealed class SemesterStarts
{
    public int SpringMonth { get; set; } = 2;
    public int SpringDay { get; set; } = 20;
    public int AutumnMonth { get; set; } = 9;
    public int AutumnDay { get; set; } = 1;
}

/// <summary>
/// A programme's rules for one institution, from an effective date on. Stored as JSON in
/// <see cref="ProgrammeRuleVersion"/>; each module supplies defaults from its seed document.
/// </summary>
public sealed class ProgrammeRules
{
    /// <summary>Portal roles whose holders may visit in this programme.</summary>
    public List<string> VisitorRoles { get; set; } = [];
    /// <summary>Position keywords (e.g. 院长, 书记) that also make someone a visitor; empty means roles alone decide.</summary>
    public List<string> VisitorPositions { get; set; } = [];
    public TargetScope Targets { get; set; } = TargetScope.InEstablishmentStaff;
    public PeriodKind Period { get; set; } = PeriodKind.Year;
    public SemesterStarts Semester { get; set; } = new();
    public List<QuotaRule> Quotas { get; set; } = [];
    public List<VisitForm> AllowedForms { get; set; } = [];
    /// <summary>Outcome fields that must be filled to record a visit: core ones (Record, ProblemsFound, Resolution, FamilyMet) or the module's form fields.</summary>
    public List<string> RequiredRecordFields { get; set; } = ["Record"];
    /// <summary>Days of notice the person must get before the visit (seed 3: 3 days, in writing); 0 for none.</summary>
    public int NoticeLeadDays { get; set; }
    public bool NoticeInWriting { get; set; }
    /// <summary>Fewest visitors per visit (seed 5: a team of two or more).</summary>
    public int MinTeamSize { get; set; } = 1;
    public bool PlanNeedsApproval { get; set; }
    public string? ApproverRole { get; set; }
    /// <summary>
    /// The role that confirms a period's list of households to visit before any visit of the period is planned (seed 3
    /// 三、1 “综合部……确定家访对象名单”); null: the programme keeps no such list.
    /// </summary>
    public string? ListConfirmerRole { get; set; }
    /// <summary>Situations that call for a visit soon (seed 1 §5, §6(二); seed 2 §2), offered when planning.</summary>
    public List<string> PriorityTriggers { get; set; } = [];
}
