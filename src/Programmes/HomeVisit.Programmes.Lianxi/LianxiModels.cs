using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>Who does what in 联系师生 (seed 4).</summary>
public static class LianxiAccess
{
    public const string ProgrammeKey = LianxiModule.ProgrammeKey;

    /// <summary>
    /// <c>Programme:lianxi</c>: on every page and endpoint of the module, and asked by its services (<see cref="ProgrammeAccess"/>)
    /// for actions inside a live circuit. Refused, the page answers as an unknown address.
    /// </summary>
    public const string Policy = PortalPolicies.ProgrammePrefix + ProgrammeKey;

    /// <summary>See every leader's links, progress and summaries: the oversight roles and the office (四、5 办公室牵头汇总、组织总结).</summary>
    public static readonly IReadOnlyList<string> OverseerRoles = [.. Roles.Oversight, Roles.Office];

    /// <summary>三、1 “党员校级领导联系党支部，由组织部安排”.</summary>
    public static readonly IReadOnlyList<string> BranchAssignerRoles = [Roles.SystemAdmin, Roles.ProgrammeAdmin, Roles.OrganisationDept];

    /// <summary>三、2 “党员校级领导联系师生工作，由办公室牵头有关部门具体安排”.</summary>
    public static readonly IReadOnlyList<string> IndividualAssignerRoles = [Roles.SystemAdmin, Roles.ProgrammeAdmin, Roles.Office];

    public static bool Oversees(PortalUser user) => user.IsAnyRole(OverseerRoles);

    public static bool MayAssign(PortalUser user, LinkKind kind) =>
        user.IsAnyRole(kind == LinkKind.Branch ? BranchAssignerRoles : IndividualAssignerRoles);

    /// <summary>A leader sees their own; overseers see everyone's.</summary>
    public static bool MaySee(PortalUser user, int leaderId) => Oversees(user) || user.PersonId == leaderId;

    /// <summary>三、1 “联系 1 至 2 个……党支部”; 三、2 “确定 2 至 3 名联系对象”.</summary>
    public static (int Min, int Max) Allowed(LinkKind kind) => kind == LinkKind.Branch ? (1, 2) : (2, 3);

    public static string CategoryName(LinkedPersonCategory c) => c switch
    {
        LinkedPersonCategory.Expert => "专家",
        LinkedPersonCategory.YoungTeacher => "青年教师",
        LinkedPersonCategory.PartyActivist => "入党积极分子",
        _ => "其他师生",
    };
}

public sealed record LinkView(int Id, LinkKind Kind, int? BranchId, int? PersonId, string Name, string? Detail,
    LinkedPersonCategory? Category, DateOnly StartsOn, DateOnly? EndsOn);

/// <param name="Problems">What falls short of 三、1 / 三、2 on the day, in Chinese (e.g. “联系对象不足 2 名”).</param>
public sealed record LeaderLinks(int LeaderId, string Name, string? Position, string? UnitName,
    IReadOnlyList<LinkView> Branches, IReadOnlyList<LinkView> Individuals, IReadOnlyList<PortalMessage> ProblemMessages)
{
    public IReadOnlyList<string> Problems => [.. ProblemMessages.Select(m => m.ToString())];
}

/// <summary>Sets a leader's linked branches from a day on (the organisation department).</summary>
public sealed class BranchLinksEdit
{
    public int LeaderId { get; set; }
    public List<int> BranchIds { get; set; } = [];
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    /// <summary>The 组织部 confirmed a branch outside the leader's own college (三、1 “一般……范围内确定”: allowed, never by accident).</summary>
    public bool ConfirmOutsideCollege { get; set; }
}

public sealed class IndividualLinkItem
{
    public int PersonId { get; set; }
    public LinkedPersonCategory Category { get; set; } = LinkedPersonCategory.Expert;
}

/// <summary>Sets a leader's linked individuals from a day on (the office).</summary>
public sealed class IndividualLinksEdit
{
    public int LeaderId { get; set; }
    public List<IndividualLinkItem> People { get; set; } = [];
    public DateTime? StartsOn { get; set; }
    public DateTime? EndsOn { get; set; }
    /// <summary>The 办公室 confirmed a 书记's or 校长's set without the 入党积极分子 三、2 asks them to link.</summary>
    public bool ConfirmWithoutActivists { get; set; }
}

/// <summary>Done and planned against a minimum, for one activity and one link in one semester.</summary>
/// <param name="RuleIndex">The per-link quota rule the line is counted for (its index in the rules), or -1 when the rules have none and the seed's minimum applies.</param>
public sealed record ProgressLine(string Name, int Required, int Done, int Planned, int RuleIndex = -1)
{
    public bool Met => Done >= Required;
    public int Owed => Math.Max(0, Required - Done);
}

public sealed record CareVisitView(int VisitId, DateTime When, string Target, string? Occasion, HomeVisit.Core.Visits.VisitStatus Status);

public sealed record BranchProgress(LinkView Link, string? Secretary, ProgressLine Activities, ProgressLine Reports, ProgressLine SecretaryTalks)
{
    public bool Met => Activities.Met && Reports.Met && SecretaryTalks.Met;
}

public sealed record IndividualProgress(LinkView Link, ProgressLine Talks, IReadOnlyList<CareVisitView> CareVisits)
{
    public bool Met => Talks.Met;
}

/// <summary>One leader's semester (四、1, 四、2): each linked branch and individual with what was done against the minimums.</summary>
public sealed record LeaderProgress(Period Period, int LeaderId, string Name, string? Position, string? UnitName,
    IReadOnlyList<BranchProgress> Branches, IReadOnlyList<IndividualProgress> Individuals, IReadOnlyList<CareVisitView> OtherCareVisits,
    IReadOnlyList<PortalMessage> ProblemMessages)
{
    public IReadOnlyList<string> Problems => [.. ProblemMessages.Select(m => m.ToString())];
    /// <summary>
    /// 达到要求: every line met, as the quota card, /quotas and the dashboard judge it. Too few or too many links (三、1, 三、2)
    /// is the arranging department's to fix, listed as a shortfall (<see cref="Problems"/>), never a second verdict on the leader.
    /// </summary>
    public bool Met => Branches.All(b => b.Met) && Individuals.All(i => i.Met);
    public IEnumerable<ProgressLine> Lines => Branches.SelectMany(b => new[] { b.Activities, b.Reports, b.SecretaryTalks }).Concat(Individuals.Select(i => i.Talks));
    public int Required => Lines.Sum(l => l.Required);
    /// <summary>Done, capped per line at what it requires, so extra talks with one person do not hide a missing one.</summary>
    public int Done => Lines.Sum(l => Math.Min(l.Done, l.Required));
}

public sealed record SummaryRow(int LeaderId, string Name, string? Position, string? UnitName, int Branches, int Individuals,
    int Required, int Done, int CareVisits, bool Met, IReadOnlyList<PortalMessage> ShortfallMessages)
{
    public IReadOnlyList<string> Shortfalls => [.. ShortfallMessages.Select(m => m.ToString())];
}

public sealed record UnitSummary(int? UnitId, string UnitName, IReadOnlyList<SummaryRow> Leaders)
{
    public int MetCount => Leaders.Count(l => l.Met);
    public int Required => Leaders.Sum(l => l.Required);
    public int Done => Leaders.Sum(l => l.Done);
    public int Percent => Required == 0 ? 100 : (int)Math.Round(100.0 * Done / Required);
}

/// <summary>四、5 每学期末总结: per leader, per college (top-level unit) and school-wide.</summary>
public sealed record SemesterSummary(Period Period, IReadOnlyList<UnitSummary> Units, UnitSummary Total);

public sealed record RecordEntry(DateTime When, string Text);

/// <summary>附件 党员领导干部联系党支部、联系师生工作记录表.</summary>
public sealed record RecordTable(Period Period, string Name, string? Position, IReadOnlyList<string> Branches, IReadOnlyList<string> Individuals,
    IReadOnlyList<RecordEntry> Entries);

public enum FeedbackScope
{
    /// <summary>Raised by me or from my visits.</summary>
    Raised,
    /// <summary>Forwarded to my department.</summary>
    MyUnit,
    /// <summary>Every item (overseers).</summary>
    All,
}

public sealed record FeedbackQuery(FeedbackScope Scope = FeedbackScope.Raised, bool OpenOnly = false, int Page = 1, int PageSize = 20);

public sealed record FeedbackRow(int Id, long Version, int? VisitId, FollowUpKind Kind, string Summary, string? Details, string? RaisedBy,
    string RaisedByUser, int? UnitId, string? UnitName, FollowUpStatus Status, DateTime CreatedAt, DateTime? RegisteredAt, string? RegisteredBy,
    string? Resolution, string? Feedback, DateTime? ClosedAt, bool CanRegister, bool CanAnswer);

/// <summary>A problem teachers or students raised with their leader, forwarded to the responsible department (四、3).</summary>
public sealed class FeedbackRaise
{
    public int? VisitId { get; set; }
    public FollowUpKind Kind { get; set; } = FollowUpKind.Request;
    public string? Summary { get; set; }
    public string? Details { get; set; }
    public int? RaisedByPersonId { get; set; }
    public string? RaisedByName { get; set; }
    public int? ResponsibleUnitId { get; set; }
    public DateTime? Deadline { get; set; }
}
