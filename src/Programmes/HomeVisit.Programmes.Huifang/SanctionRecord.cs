using HomeVisit.Core.Data;
using HomeVisit.Core.People;

namespace HomeVisit.Programmes.Huifang;

/// <summary>党纪处分 (seed 5 第五条; 《中国共产党纪律处分条例》第八条), plus 开除党籍 which ends revisits.</summary>
public enum PartySanction
{
    Warning,              // 警告
    SeriousWarning,       // 严重警告
    RemovalFromPartyPost, // 撤销党内职务
    Probation,            // 留党察看
    Expulsion,            // 开除党籍
}

/// <summary>政务处分 (seed 5 第五条; 《公职人员政务处分法》第七条; 事业单位的降低岗位等级), plus 开除 (公职) which ends revisits.</summary>
public enum GovernmentSanction
{
    Warning,          // 警告
    Demerit,          // 记过
    MajorDemerit,     // 记大过
    Demotion,         // 降级
    Dismissal,        // 撤职
    PostGradeLowered, // 降低岗位等级
    Expulsion,        // 开除（开除公职）
}

/// <summary>
/// A person's sanction decision(s) in one case, as the case management office (案件管理室) records them: the
/// party and/or government sanction with decision dates and influence periods, the facts, and what ends revisits
/// (移送司法机关, 刑事处罚, 退休). Also the 登记表's personal fields the roster does not hold (文化程度, 参加工作时间,
/// 入党时间), taken from the case file. Secret: see <see cref="SanctionAccess"/>.
/// </summary>
public class SanctionRecord : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>案件编号 / 处分决定文号.</summary>
    public string? CaseNumber { get; set; }
    /// <summary>受处分原因（主要违纪违法事实）.</summary>
    public required string Reason { get; set; }

    public PartySanction? PartyKind { get; set; }
    public DateOnly? PartyDecidedOn { get; set; }
    /// <summary>Months of influence from the decision date; defaults from the kind, editable (留党察看 一年或二年).</summary>
    public int? PartyInfluenceMonths { get; set; }

    public GovernmentSanction? GovernmentKind { get; set; }
    public DateOnly? GovernmentDecidedOn { get; set; }
    public int? GovernmentInfluenceMonths { get; set; }

    /// <summary>The union of the influence periods (first decision date to the last day of influence), kept for queries.</summary>
    public DateOnly? InfluenceStartsOn { get; set; }
    public DateOnly? InfluenceEndsOn { get; set; }

    /// <summary>文化程度.</summary>
    public string? Education { get; set; }
    /// <summary>参加工作时间.</summary>
    public DateOnly? WorkStartedOn { get; set; }
    /// <summary>入党时间.</summary>
    public DateOnly? PartyJoinedOn { get; set; }

    /// <summary>移送司法机关依法处理 on this day (第五条: no more revisits).</summary>
    public DateOnly? TransferredToJudicialOn { get; set; }
    /// <summary>已受刑事处罚 (判决) on this day.</summary>
    public DateOnly? CriminallyPunishedOn { get; set; }
    /// <summary>退休 on this day (第五条: retired within the influence period, no more revisits).</summary>
    public DateOnly? RetiredOn { get; set; }

    public string? Notes { get; set; }

    /// <summary>
    /// 第五条 “其他需要回访关爱教育的人员”: recorded without a party or government sanction; <see cref="Reason"/> says why,
    /// and revisits are due within <see cref="CareStartsOn"/>–<see cref="CareEndsOn"/>.
    /// </summary>
    public bool IsOtherPerson { get; set; }
    /// <summary>The days revisits are due when no sanction gives an influence period: an other person, or an approved override.</summary>
    public DateOnly? CareStartsOn { get; set; }
    public DateOnly? CareEndsOn { get; set; }

    /// <summary>
    /// 第五条's exclusions hold “原则上”: the case management office may ask to revisit such a person anyway, with a reason,
    /// and the 纪委主要负责人 approves it (someone other than who asked). Until approved the exclusion stands.
    /// </summary>
    public string? ExclusionOverrideReason { get; set; }
    public int? ExclusionOverrideRequestedByUserId { get; set; }
    public DateTime? ExclusionOverrideRequestedAt { get; set; }
    public int? ExclusionOverrideApprovedByUserId { get; set; }
    public DateTime? ExclusionOverrideApprovedAt { get; set; }

    public int CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// One revisit (回访): the plan's notes beside the visit that carries team, time, form, approval and the record
/// (seed 5 第八条（二）–（四）), the 登记表's own fields, and the outcome's feedback and filing (第九条, 第十条).
/// </summary>
public class Revisit : IInstitutionScoped, IAudited, IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int VisitId { get; set; }
    public HomeVisit.Core.Visits.Visit? Visit { get; set; }
    public int SanctionRecordId { get; set; }
    public SanctionRecord? SanctionRecord { get; set; }

    /// <summary>回访对象的性格特点、思想状况 (第八条（二）“认真研究回访对象的性格特点”).</summary>
    public string? PersonNotes { get; set; }
    /// <summary>案情和与案情相关的政策法规 (第八条（二）“熟悉案情和与案情相关的政策法规”).</summary>
    public string? CaseNotes { get; set; }
    /// <summary>回访方式和重点.</summary>
    public string? Approach { get; set; }

    /// <summary>登记表: 填报单位, 填报时间, 备注.</summary>
    public string? ReportingUnit { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public string? Remarks { get; set; }

    /// <summary>第九条: the result fed back to the person and to their unit's party organisation.</summary>
    public DateOnly? FedBackToPersonOn { get; set; }
    public DateOnly? FedBackToUnitOn { get; set; }
    public string? FeedbackUnitName { get; set; }
    public string? FeedbackNote { get; set; }
    public int? FedBackByUserId { get; set; }
    public DateTime? FedBackAt { get; set; }

    /// <summary>第十条: the materials filed in the case archive.</summary>
    public DateOnly? ArchivedOn { get; set; }
    public string? ArchiveNote { get; set; }
    public int? ArchivedByUserId { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public int CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}
