using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;

namespace HomeVisit.Programmes.Lianzheng;

// ---- 家访计划 -------------------------------------------------------------------------------------------------

/// <summary>Form model for adding or changing one line of a visitor's yearly plan.</summary>
public sealed class PlanItemEdit
{
    public int Id { get; set; }
    public long Version { get; set; }
    public int VisitorPersonId { get; set; }
    public int Year { get; set; }
    public int? TargetPersonId { get; set; }
    public int? Month { get; set; }
    public string? Trigger { get; set; }
    public string? Note { get; set; }
}

/// <summary>The visit that carries out a plan line: the first done one, else the next planned one.</summary>
public sealed record PlanVisitLink(int VisitId, VisitStatus Status, DateTime When);

public sealed record PlanItemRow(
    int Id, long Version, int TargetPersonId, string TargetName, string? TargetUnit, string? TargetPosition, int Month,
    string? Trigger, string? Note, PlanVisitLink? Visit);

/// <summary>The plan against one quota line: “计划 3 人，不足指标 4 人（尚差 1 人）”.</summary>
public sealed record PlanQuotaCheck(string RuleName, string? Source, string Unit, int Required, int Planned, int Done)
{
    public bool Enough => Planned >= Required;

    public string Message => Text.ToString();

    /// <summary><see cref="Message"/> as template and arguments, for the reader's language; the rule's name and source stay as entered.</summary>
    public PortalMessage Text => new(Enough ? "{0}{1}：计划 {2} {3}，达到指标 {4} {3}。" : "{0}{1}：计划 {2} {3}，不足指标 {4} {3}（尚差 {5} {3}）。",
        RuleName, string.IsNullOrWhiteSpace(Source) ? new PortalMessage("") : new PortalMessage("（{0}）", Source), Planned, Unit, Required, Required - Planned);
}

public sealed record VisitorPlan(
    int VisitorPersonId, string VisitorName, string? UnitName, string? Position, int Year, string PeriodLabel,
    IReadOnlyList<PlanItemRow> Items, IReadOnlyList<PlanQuotaCheck> Quota, PortalMessage? QuotaNoteMessage, bool CanEdit)
{
    public string? QuotaNote => QuotaNoteMessage?.ToString();
}

/// <summary>A visitor with a quota in the overseers' plan overview.</summary>
public sealed record PlanOverviewRow(int PersonId, string Name, string? UnitName, int Required, string Unit, int Planned, int Done)
{
    public bool Enough => Planned >= Required;
}

// ---- 记录单 (附件 1) ------------------------------------------------------------------------------------------

/// <summary>
/// One 领导干部廉政家访记录单 (annex 1), one per person visited: every field of the paper form. 工作单位及职务 is the
/// spouse's, beside 配偶姓名 on the form. The leader is the visitor(s) other than the recorder, or the visitor.
/// </summary>
public sealed record LianzhengRecordForm(
    int VisitId, int TargetPersonId, DateOnly? Date, string TargetName, string? TargetPosition, string? HomeAddress,
    string? SpouseName, string? SpouseWorkplaceAndPosition, string? Record, string? Resolution,
    string LeaderNames, string? LeaderPositions, string? RecorderName, bool LeaderSigned, bool RecorderSigned);

/// <summary>The record forms of a visit; from the archived copy once sent to the discipline office.</summary>
public sealed record LianzhengRecordSheet(
    int VisitId, string InstitutionName, VisitForm Form, VisitStatus Status, IReadOnlyList<LianzhengRecordForm> Forms,
    DateTime? ArchivedAt, string? ArchivedBy);

/// <summary>The state of a visit's record form, for the visit page.</summary>
public sealed record LianzhengRecordStatus(
    int VisitId, long Version, VisitStatus Status, bool LeaderSigned, bool RecorderSigned, DateTime? ArchivedAt, string? ArchivedBy,
    bool CanSign, bool CanArchive, string? CannotArchiveReason)
{
    public bool Archived => ArchivedAt is not null;
}


// ---- 廉洁家访台账 (附件 2) ------------------------------------------------------------------------------------

/// <summary>
/// One row of the ledger (annex 2), one per visit: 序号, 时间（月 日）, 家访领导姓名, 职务, 家访对象姓名, 职务, 备注. Several
/// leaders or people visited are joined with “、”, their positions in the same order.
/// </summary>
public sealed record LedgerRow(
    int No, int VisitId, DateTime Date, string LeaderNames, string? LeaderPositions, string TargetNames, string? TargetPositions, string? Remark)
{
    /// <summary>The 时间 cell: “3月5日”.</summary>
    public string Time => $"{Date.Month}月{Date.Day}日";

    /// <summary>The cells in the annex's column order (<see cref="Ledger.Columns"/>).</summary>
    public IReadOnlyList<object?> Cells => [No, Time, LeaderNames, LeaderPositions, TargetNames, TargetPositions, Remark];
}

/// <summary>The ledger of a unit (and its sub-units) for a year; <see cref="UnitId"/> null for the whole institution.</summary>
public sealed record Ledger(int Year, int? UnitId, string UnitName, string InstitutionName, IReadOnlyList<LedgerRow> Rows)
{
    /// <summary>The annex's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["序号", "时间", "家访领导姓名", "职务", "家访对象姓名", "职务", "备注"];

    /// <summary>The annex's title: “广西交通职业技术学院廉政家访台账”.</summary>
    public string Title => $"{InstitutionName}廉政家访台账";

    /// <summary>The line under the title: “单位（部门）：汽车工程学院　　2026 年度”.</summary>
    public string Subtitle => $"单位（部门）：{UnitName}　　{Year} 年度";
}

/// <summary>A page of the ledger for the screen: its title lines (<see cref="Head"/>, without rows) and the page's rows with the year's total.</summary>
public sealed record LedgerPageResult(Ledger Head, PagedResult<LedgerRow> Page);

// ---- 年度考核 (第八条（四）) ----------------------------------------------------------------------------------

/// <summary>
/// A top-level unit's year: visitors with a quota, how many met it, required and done (done capped per line, as in
/// the quota roll-up), the completion rate, and the done 廉政家访 its leaders made that year.
/// </summary>
public sealed record AssessmentRow(int? UnitId, string UnitName, int Visitors, int Met, int Behind, int Required, int Done, int VisitsDone)
{
    /// <summary>The organisation's root: its row counts the leaders placed at the root itself, not its sub-units.</summary>
    public bool IsRoot { get; init; }

    public int Percent => Required == 0 ? 100 : (int)Math.Round(100.0 * Done / Required);
}

public sealed record Assessment(int Year, string PeriodLabel, IReadOnlyList<AssessmentRow> Units, AssessmentRow Total)
{
    /// <summary>The period assessed; pages name it in the reader's language (<see cref="PeriodLabel"/> is Chinese, for exports).</summary>
    public HomeVisit.Core.Programmes.Period? Period { get; init; }
}
