using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;

namespace HomeVisit.Core.Visits;

/// <summary>
/// A check a programme module (or another core feature) adds to planning a visit, after the programme's rules passed:
/// e.g. a module refuses a visit to someone its own records say is not (or no longer) due. Adds its messages to
/// <paramref name="v"/>; registered in DI, run by <see cref="VisitService"/> for every plan.
/// </summary>
public interface IVisitPlanCheck
{
    Task CheckAsync(PortalDbContext db, PortalUser user, VisitPlan plan, ProgrammeRules rules, Validator v, CancellationToken ct);
}

/// <summary>Open visits by their day (VisitSchedule): 已安排 (today or later) or 逾期未完成 (an earlier day).</summary>
public enum VisitOpenFilter
{
    Ahead,
    Overdue,
}

/// <param name="From">First day, by the day a figure counts the visit in: its actual start once done, else its planned start (<see cref="Visit.EffectiveStart"/>).</param>
/// <param name="UnitId">A unit and the units below it, as the dashboard and the period summary count per unit (<see cref="VisitUnits"/>).</param>
public sealed record VisitQuery(
    string? Search = null,
    string? ProgrammeKey = null,
    VisitStatus? Status = null,
    DateTime? From = null,
    DateTime? To = null,
    bool MineOnly = false,
    int Page = 1,
    int PageSize = 20,
    VisitOpenFilter? Open = null,
    int? UnitId = null);

public sealed record VisitRow(
    int Id, string ProgrammeKey, VisitForm Form, DateTime PlannedStart, DateTime PlannedEnd, VisitStatus Status,
    string? Place, string Visitors, string Targets, int OpenFollowUps);

public sealed record VisitParticipantView(int PersonId, string Name, string? Position, string? UnitName, bool IsRecorder);

public sealed record VisitTargetView(int? PersonId, int? OrgUnitId, string Name, string? Position, string? UnitName);

public sealed record FamilyOption(int Id, int PersonId, string PersonName, string Relation, string Name, string? Workplace);

public sealed record VisitDetail(
    int Id, long Version, string ProgrammeKey, VisitForm Form, DateTime PlannedStart, DateTime PlannedEnd,
    DateTime? ActualStart, string? Place, string? Purpose, string? Record, string? ProblemsFound, string? Resolution,
    VisitStatus Status, DateTime? NotifiedAt, string? CancelReason, DateTime CreatedAt,
    IReadOnlyList<VisitParticipantView> Visitors, IReadOnlyList<VisitTargetView> Targets,
    IReadOnlyList<int> FamilyMetIds, IReadOnlyList<FamilyOption> FamilyOfTargets,
    bool CanRecord, bool CanChangePlan)
{
    /// <summary>Visitors (and oversight roles) may raise follow-up items while the visit is not cancelled.</summary>
    public bool CanRaiseFollowUp { get; init; }
    public string? Trigger { get; init; }
    /// <summary>The programme's own record-form fields.</summary>
    public IReadOnlyDictionary<string, string?> FormData { get; init; } = new Dictionary<string, string?>();
    public ApprovalStatus Approval { get; init; }
    public string? ApprovalNote { get; init; }
    public DateTime? ApprovedAt { get; init; }
    public bool CanApprove { get; init; }
}

/// <summary>Form model for planning (or re-planning) a visit.</summary>
public sealed class VisitPlan
{
    public int Id { get; set; }
    public long Version { get; set; }
    public string? ProgrammeKey { get; set; }
    public VisitForm Form { get; set; } = VisitForm.HomeVisit;
    public DateTime? PlannedStart { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public string? Place { get; set; }
    public string? Purpose { get; set; }
    public List<int> VisitorIds { get; set; } = [];
    public int? RecorderId { get; set; }
    public List<int> TargetPersonIds { get; set; } = [];
    public List<int> TargetBranchIds { get; set; } = [];
    /// <summary>The priority trigger (from the programme's rules) that prompted the visit.</summary>
    public string? Trigger { get; set; }
    /// <summary>Set when loaded for editing; a done or cancelled visit's plan can no longer change.</summary>
    public VisitStatus Status { get; set; } = VisitStatus.Planned;
    /// <summary>For a 定期回访: the 重点约访 whose chain it continues (<see cref="VisitChains"/>); fixed once planned.</summary>
    public int? ParentVisitId { get; set; }
    /// <summary>
    /// The user confirmed the plan's warnings (<see cref="PortalValidationException.IsWarning"/>): whatever a programme's rules
    /// advise against rather than forbid — a 上门家访 in working hours, a second 清廉家访 of a household in one half year
    /// (确认再次安排). The one way to confirm, on every route; not stored, so a later change is asked again.
    /// </summary>
    public bool AcceptWarnings { get; set; }
}

/// <summary>Form model for recording what happened.</summary>
public sealed class VisitOutcome
{
    public long Version { get; set; }
    public DateTime? ActualStart { get; set; }
    public string? Record { get; set; }
    public string? ProblemsFound { get; set; }
    public string? Resolution { get; set; }
    public List<int> FamilyMetIds { get; set; } = [];
    /// <summary>Values of the programme's record-form fields, by field key; checklists are "、"-joined.</summary>
    public Dictionary<string, string?> FormData { get; set; } = [];
}
