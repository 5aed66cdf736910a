using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;

namespace HomeVisit.Portal.Programmes.Huifang;

/// <summary>受处分人员回访关爱: seed 5, 德州学院关于对受处分人员开展回访关爱的实施办法 (德院纪字〔2023〕9 号).</summary>
public sealed class HuifangModule : IProgrammeModule
{
    public const string ProgrammeKey = "huifang";

    public string Key => ProgrammeKey;
    public string Name => "受处分人员回访关爱";
    public string EnglishName => "Revisits of disciplined persons";
    public string Colour => "#d68910";
    public string Source => "关于对受处分人员开展回访关爱的实施办法（德院纪字〔2023〕9 号）";

    public ProgrammeRules DefaultRules() => new()
    {
        // 第三条: 案件管理室牵头，纪检监察室参与实施.
        VisitorRoles = [Roles.DisciplineOffice],
        Targets = TargetScope.DisciplinedPersons,
        Period = PeriodKind.Year,
        Quotas = [],
        // 第八条（三）: 谈心谈话、个别交流、查阅资料; 电话回访、信函回访.
        AllowedForms = [VisitForm.OnSiteTalk, VisitForm.HeartTalk, VisitForm.PhoneVisit, VisitForm.LetterVisit],
        RequiredRecordFields = ["Record", "Attitude", "Outcome"],
        // 第八条（二）: 两人以上组成工作组，方案报学校纪委主要负责人审核同意.
        MinTeamSize = 2,
        PlanNeedsApproval = true,
        ApproverRole = Roles.DisciplineOffice,
    };

    // 附件 登记表 fields beyond the person's core data, and 第九条's outcome.
    public IReadOnlyList<RecordField> RecordForm { get; } =
    [
        new("Attitude", "回访对象态度以及现实表现简述", RecordFieldKind.LongText),
        new("Suggestions", "回访意见建议", RecordFieldKind.LongText),
        new("Outcome", "回访结果运用", RecordFieldKind.Choice,
            ["", "予以肯定和鼓励", "做好政策解释，督促所在单位加强教育管理监督", "督促所在单位进行教育提醒或依规依纪依法处理"]),
        new("FedBack", "已向回访对象及其所在单位党组织反馈", RecordFieldKind.YesNo),
        new("Archived", "回访材料已存入案件档案", RecordFieldKind.YesNo),
    ];

    public IReadOnlyList<ProgrammeNavEntry> Navigation { get; } = [];

    // 第三条 and the secrecy of sanction data: only the discipline office sees this programme's records.
    public IReadOnlyList<string> OverseerRoles { get; } = [Roles.DisciplineOffice];

    public bool IsConfidential => true;

    public IReadOnlyList<string> RuleAdminRoles => [Roles.SystemAdmin, Roles.DisciplineOffice];
}
