using HomeVisit.Core.Visits;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>Form model for filing a request in the portal; mutable so a refused form keeps what was typed.</summary>
public sealed class GanbuRequestInput
{
    /// <summary>The cadre the request is for; empty means the signed-in user.</summary>
    public int? RequesterPersonId { get; set; }
    public GanbuCategory? Category { get; set; }
    public GanbuTier Tier { get; set; } = GanbuTier.Ordinary;
    public string? Summary { get; set; }
    public string? Description { get; set; }
    /// <summary>Set when the request is recorded during a visit.</summary>
    public int? SourceVisitId { get; set; }
}

/// <summary>A submission through the intake API, as parsed from the JSON body.</summary>
public sealed class GanbuApiSubmission
{
    public string? ClientRequestId { get; set; }
    public string? StaffNumber { get; set; }
    public GanbuCategory? Category { get; set; }
    public GanbuTier Tier { get; set; } = GanbuTier.Ordinary;
    public string? Summary { get; set; }
    public string? Description { get; set; }
}

/// <summary>The API key that made a call.</summary>
public sealed record GanbuApiCaller(int KeyId, int InstitutionId, string KeyName);

public enum GanbuRequestScope
{
    /// <summary>Everything the user may see.</summary>
    All,
    /// <summary>Requests the user filed or that are theirs.</summary>
    Mine,
    /// <summary>Requests the user handles now.</summary>
    Queue,
}

public sealed record GanbuRequestQuery(
    GanbuRequestScope Scope = GanbuRequestScope.All,
    string? Search = null,
    GanbuRequestStatus? Status = null,
    GanbuTier? Tier = null,
    GanbuCategory? Category = null,
    int? UnitId = null,
    bool OpenOnly = false,
    /// <summary>Open and overdue, or escalated: what the organisation department follows up.</summary>
    bool AttentionOnly = false,
    int Page = 1,
    int PageSize = 20);

public sealed record GanbuRequestRow(
    int Id, long Version, string Summary, GanbuCategory Category, GanbuTier Tier, GanbuTier HandlingTier,
    string RequesterName, string? RequesterPosition, string UnitName, string HandlerName, DateOnly Deadline,
    GanbuRequestStatus Status, bool IsOverdue, int EscalationLevel, GanbuRequestSource Source, DateTime CreatedAt, DateTime? ClosedAt);

public sealed record GanbuStepView(
    DateTime At, GanbuStepKind Kind, string ActorName, string? HandlerName, int? VisitId, string? Note);

/// <summary>A visit linked to a request, with the 三个一 when the user may read the record.</summary>
public sealed record GanbuLinkedVisit(
    int VisitId, GanbuVisitPurpose Purpose, VisitForm Form, VisitStatus Status, DateTime PlannedStart, DateTime? ActualStart,
    string Visitors, string Targets, DateTime? CompletedAt, bool CanRead, bool Archived)
{
    public string? Record { get; init; }
    public string? Resolution { get; init; }
    public string? Methods { get; init; }
    public bool Greeting { get; init; }
    public string? OpinionsSought { get; init; }
    public string? NeedsHeard { get; init; }
}

public sealed record GanbuRequestDetail(
    int Id, long Version, GanbuCategory Category, GanbuTier Tier, GanbuTier HandlingTier, string Summary, string? Description,
    int RequesterPersonId, string RequesterName, string? RequesterPosition, int UnitId, string UnitName,
    int HandlerPersonId, string HandlerName, string? HandlerPosition, bool HandlerHasAccount,
    DateOnly Deadline, bool IsOverdue, int EscalationLevel, DateOnly? EscalatedOn, DateOnly? OverdueSince,
    GanbuRequestStatus Status, GanbuRequestSource Source, int? SourceVisitId, string? ClientRequestId,
    string? Resolution, string? Feedback, string? WithdrawReason, DateTime CreatedAt, DateTime? ClosedAt,
    IReadOnlyList<GanbuStepView> Steps, IReadOnlyList<GanbuLinkedVisit> Visits)
{
    public bool CanPlanVisit { get; init; }
    public bool CanResolve { get; init; }
    public bool CanWithdraw { get; init; }
    /// <summary>The organisation department (and admins) may reclassify and reassign.</summary>
    public bool CanDirect { get; init; }
    public bool CanRevisit { get; init; }
    public bool IsOpen => Status is GanbuRequestStatus.Open or GanbuRequestStatus.InHandling;
}

/// <summary>Form model for the handler's visit (or the department's revisit) planned from a request.</summary>
public sealed class GanbuVisitInput
{
    public long Version { get; set; }
    public DateTime? PlannedStart { get; set; }
    public int DurationMinutes { get; set; } = 60;
    public string? Place { get; set; }
    /// <summary>Others who go along (the handler is always one of the visitors).</summary>
    public List<int> CompanionIds { get; set; } = [];
    /// <summary>For a revisit: whom the department visits (the requester or the handler).</summary>
    public int? TargetPersonId { get; set; }
}

public sealed class GanbuCloseInput
{
    public long Version { get; set; }
    public string? Resolution { get; set; }
    public string? Feedback { get; set; }
}

public sealed class GanbuRedirectInput
{
    public long Version { get; set; }
    public GanbuTier Tier { get; set; }
    public int? HandlerPersonId { get; set; }
    public string? Reason { get; set; }
}

public sealed class GanbuDeadlinesEdit
{
    public long Version { get; set; }
    public int OrdinaryDays { get; set; } = GanbuSettings.DefaultOrdinaryDays;
    public int SpecialDays { get; set; } = GanbuSettings.DefaultSpecialDays;
    public int MajorDays { get; set; } = GanbuSettings.DefaultMajorDays;
    public DateTime? UpdatedAt { get; set; }
}

public sealed record GanbuApiKeyView(int Id, long Version, string Name, string Prefix, DateTime CreatedAt, string? CreatedBy,
    DateTime? RevokedAt, DateTime? LastUsedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>A newly created key: the only time the full key is seen.</summary>
public sealed record GanbuNewApiKey(GanbuApiKeyView Key, string PlainKey);

public sealed class GanbuInspectionInput
{
    public int? UnitId { get; set; }
    public GanbuInspectionKind Kind { get; set; } = GanbuInspectionKind.Commendation;
    public DateTime? Date { get; set; }
    public string? Note { get; set; }
    public string? InspectedBy { get; set; }
    /// <summary>For an interview: the head interviewed; empty means the unit's head from the organisation tree.</summary>
    public int? HeadPersonId { get; set; }
}

public sealed record GanbuInspectionRow(int Id, int UnitId, string UnitName, GanbuInspectionKind Kind, DateOnly Date, string Note,
    string? HeadName, string InspectedBy, string RecordedBy, DateTime RecordedAt);

public sealed record GanbuUnitSummary(
    int UnitId, string UnitName, int Total, IReadOnlyDictionary<GanbuTier, int> ByTier, IReadOnlyDictionary<GanbuCategory, int> ByCategory,
    int Resolved, int Withdrawn, int Open, double? AverageDays, double? MedianDays, int Overdue, int Revisits,
    int Commendations, int Criticisms, int HeadInterviews);

public sealed record GanbuQuarterSummary(
    int Year, int Quarter, DateOnly From, DateOnly To, DateOnly AsOf,
    IReadOnlyList<GanbuUnitSummary> Units, GanbuUnitSummary Total, IReadOnlyList<GanbuRequestRow> OverdueRequests)
{
    public string Label => $"{Year}年第{Quarter}季度";
    public string InstitutionName { get; init; } = "";
}

public sealed record GanbuLedgerRow(int Number, int VisitId, string LeaderNames, string LeaderPositions, string TargetName,
    string? TargetPosition, string? Note, DateOnly Date);

/// <summary>
/// The 魏县领导干部家访台账 (seed 2 附件 1) of a unit (null: all units) for a year. <see cref="Columns"/> and <see cref="Cells"/> are
/// the one definition of its table: the page, its print view and the workbook show exactly these, in this order.
/// </summary>
public sealed record GanbuLedger(string InstitutionName, int? UnitId, string UnitName, int Year, IReadOnlyList<GanbuLedgerRow> Rows)
{
    /// <summary>
    /// Annex 1's header: its first column is the slashed corner cell (内容 over 时间) whose rows are dated “月 日”, then
    /// 序号, 家访领导姓名, 职务, 家访对象姓名, 职务, 备注.
    /// </summary>
    public static readonly IReadOnlyList<string> Columns = ["时间", "序号", "家访领导姓名", "职务", "家访对象姓名", "职务", "备注"];

    /// <summary>Column widths for the workbook, in characters.</summary>
    public static readonly IReadOnlyList<double> Widths = [10, 6, 16, 18, 16, 18, 30];

    /// <summary>Index of the 家访对象姓名 column (the page links it to the visit's record form).</summary>
    public const int TargetColumn = 4;

    /// <summary>A row's cells in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<object?> Cells(GanbuLedgerRow r) =>
        [$"{r.Date.Month}月{r.Date.Day}日", r.Number, r.LeaderNames, r.LeaderPositions, r.TargetName, r.TargetPosition, r.Note];

    /// <summary>The title over the table: the institution's name and the annex's.</summary>
    public string Title => $"{InstitutionName}领导干部家访台账";

    /// <summary>The line under the title (附件 1 “单位：　　20 年度”).</summary>
    public string Subtitle => $"单位：{UnitName}　　{Year} 年度";
}

/// <summary>The 魏县领导干部家访记录单 of one visit (seed 2 annex 2).</summary>
public sealed record GanbuRecordForm(
    string InstitutionName, int VisitId, string UnitName, DateOnly Date, int Number, string TargetName, string? TargetPosition, string? HomeAddress,
    string? SpouseName, string? SpouseWorkplaceAndPosition, string Record, string Resolution, string LeaderNames, string LeaderPositions,
    string? RecorderName)
{
    public bool Archived { get; init; }
    public DateTime? ArchivedAt { get; init; }
    public string? ArchivedBy { get; init; }
    /// <summary>Why the form cannot be archived yet; null when it can (or already is).</summary>
    public string? ArchiveBlockedReason { get; init; }
    public bool CanArchive { get; init; }
}

public sealed record GanbuUnitOption(int Id, string Name);

/// <summary>What the intake API answers about a request.</summary>
public sealed record GanbuApiRequestView(
    int Id, string? ClientRequestId, GanbuRequestStatus Status, GanbuCategory Category, GanbuTier Tier, GanbuTier HandlingTier,
    string UnitName, string HandlerName, string? HandlerPosition, DateOnly Deadline, bool IsOverdue, DateTime CreatedAt,
    string? Resolution, string? Feedback);

/// <summary>A request linked to a visit, for the visit page.</summary>
public sealed record GanbuVisitRequest(int Id, string Summary, GanbuRequestStatus Status, string Link);

/// <summary>What a 干部家访's page shows about requests: the linked ones, whether the user may record one raised in it, whether it is recorded.</summary>
public sealed record GanbuVisitContext(bool CanRaise, bool Done, IReadOnlyList<GanbuVisitRequest> Requests);
