using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Visits;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// What a cadre asks for, by the situations seed 2 §二 says call for a visit first
/// (1. 重大疾病, 重大困难, 婚丧嫁娶, 重大变故, 工作挫折与情绪波动; 2. 群众反映的倾向性、苗头性问题; 3. 其他).
/// </summary>
public enum GanbuCategory
{
    SeriousIllness,
    MajorHardship,
    WeddingOrFuneral,
    MajorFamilyChange,
    WorkSetback,
    ReportedTendency,
    Other,
}

/// <summary>
/// The weight of a request (seed 2 §四（一）): ordinary difficulties go to the unit's deputy in charge (主管副职),
/// special difficulties to the unit head (一把手), especially major ones to the county-level leader linked to the unit (分包).
/// </summary>
public enum GanbuTier
{
    Ordinary,
    Special,
    Major,
}

public enum GanbuRequestStatus
{
    Open,
    InHandling,
    Resolved,
    Withdrawn,
}

public enum GanbuRequestSource
{
    Portal,
    Visit,
    Api,
}

/// <summary>A 诉求: filed by or for a cadre, routed by tier to a handler who resolves it by a home visit.</summary>
public class GanbuRequest : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int RequesterPersonId { get; set; }
    public Person? Requester { get; set; }
    /// <summary>The requester's unit when it was filed; routing and the quarterly summary go by it.</summary>
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public GanbuCategory Category { get; set; }
    /// <summary>The tier as assessed (filed or reclassified by the organisation department).</summary>
    public GanbuTier Tier { get; set; }
    /// <summary>The tier handling it now: the assessed tier, raised by escalation when overdue.</summary>
    public GanbuTier HandlingTier { get; set; }
    public required string Summary { get; set; }
    public string? Description { get; set; }
    public int HandlerPersonId { get; set; }
    public Person? Handler { get; set; }
    /// <summary>Last day (Beijing) to resolve it; overdue from the day after.</summary>
    public DateOnly Deadline { get; set; }
    /// <summary>How many times it escalated because it was overdue.</summary>
    public int EscalationLevel { get; set; }
    public DateOnly? EscalatedOn { get; set; }
    /// <summary>The first day it was found overdue; stays set once it was.</summary>
    public DateOnly? OverdueSince { get; set; }
    public GanbuRequestStatus Status { get; set; }
    public GanbuRequestSource Source { get; set; }
    /// <summary>The visit during which it was raised (source Visit).</summary>
    public int? SourceVisitId { get; set; }
    public int? ApiKeyId { get; set; }
    /// <summary>The API client's own id for the submission; unique per key, so a retry returns the original.</summary>
    public string? ClientRequestId { get; set; }
    public string? Resolution { get; set; }
    public string? Feedback { get; set; }
    public string? WithdrawReason { get; set; }
    public int? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Beijing day it was filed: the quarter it counts in.</summary>
    public DateOnly FiledOn { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int? ClosedByUserId { get; set; }
    public List<GanbuRequestStep> Steps { get; set; } = [];
    public List<GanbuRequestVisit> Visits { get; set; } = [];
    public long Version { get; set; }
}

public enum GanbuStepKind
{
    Filed,
    Assigned,
    VisitPlanned,
    RevisitPlanned,
    Escalated,
    OverdueReported,
    Reclassified,
    Reassigned,
    Resolved,
    Withdrawn,
}

/// <summary>One handling step; every step is reported to the organisation department, which sees them all.</summary>
public class GanbuRequestStep : IInstitutionScoped
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int RequestId { get; set; }
    public GanbuRequest? Request { get; set; }
    public DateTime At { get; set; }
    public GanbuStepKind Kind { get; set; }
    public int? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>The handler after this step (assignments, escalations).</summary>
    public int? HandlerPersonId { get; set; }
    public Person? Handler { get; set; }
    public int? VisitId { get; set; }
    public string? Note { get; set; }
}

public enum GanbuVisitPurpose
{
    /// <summary>The handler's visit that resolves the request.</summary>
    Handling,
    /// <summary>The organisation department's follow-up visit (回访) on how the unit handled it.</summary>
    Revisit,
}

public class GanbuRequestVisit : IInstitutionScoped
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int RequestId { get; set; }
    public GanbuRequest? Request { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public GanbuVisitPurpose Purpose { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An institution's key for the intake API. Only a SHA-256 hash of the key is stored; the prefix finds the row.</summary>
public class GanbuApiKey : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public int CreatedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }
    public int? RevokedByUserId { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>An institution's days to resolve a request per tier; without a row the defaults apply.</summary>
public class GanbuSettings : IInstitutionScoped, IAudited, IVersioned
{
    public const int DefaultOrdinaryDays = 15;
    public const int DefaultSpecialDays = 10;
    public const int DefaultMajorDays = 7;

    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int OrdinaryDays { get; set; } = DefaultOrdinaryDays;
    public int SpecialDays { get; set; } = DefaultSpecialDays;
    public int MajorDays { get; set; } = DefaultMajorDays;
    public DateTime UpdatedAt { get; set; }
    public int UpdatedByUserId { get; set; }
    public long Version { get; set; }

    public int DaysFor(GanbuTier tier) => tier switch
    {
        GanbuTier.Special => SpecialDays,
        GanbuTier.Major => MajorDays,
        _ => OrdinaryDays,
    };
}

/// <summary>Seed 2 §四（四）: the department commends units that do well, criticises those that go through the motions and interviews their head.</summary>
public enum GanbuInspectionKind
{
    Commendation,
    Criticism,
    HeadInterview,
    /// <summary>Seed 2 四（四）“约谈单位一把手，并进行全县通报批评”: both results of one inspection.</summary>
    CriticismAndHeadInterview,
}

/// <summary>
/// A unit's report for a quarter to the county organisation department (seed 2 四（二）“家访进展情况及发现的问题要每季度一
/// 总结，并把总结情况及时上报县委组织部”) and its 汇报分析会 (四（三）“定期召开家访制度落实情况汇报分析会”): one row per unit
/// and quarter; the written summary and the meeting are recorded separately, each with who and when.
/// </summary>
public class GanbuQuarterReport : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    /// <summary>The written summary: progress of the visits and the problems found.</summary>
    public string? Summary { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public int? SubmittedByUserId { get; set; }
    public DateOnly? MeetingDate { get; set; }
    /// <summary>What the 汇报分析会 concluded (分析研判, help decided, follow-ups).</summary>
    public string? MeetingConclusions { get; set; }
    public DateTime? MeetingRecordedAt { get; set; }
    public int? MeetingRecordedByUserId { get; set; }
    public long Version { get; set; }
}

public class GanbuInspection : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public GanbuInspectionKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Note { get; set; }
    /// <summary>For an interview: the unit head who was interviewed.</summary>
    public int? HeadPersonId { get; set; }
    public Person? HeadPerson { get; set; }
    /// <summary>Who carried out the inspection.</summary>
    public required string InspectedBy { get; set; }
    public int RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>A 家访记录单 filed away; seed 2 annex 2: only after the problem is resolved.</summary>
public class GanbuRecordArchive : IInstitutionScoped, IAudited
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int VisitId { get; set; }
    public Visit? Visit { get; set; }
    public DateTime ArchivedAt { get; set; }
    public int ArchivedByUserId { get; set; }
    public required string ArchivedByName { get; set; }
}
