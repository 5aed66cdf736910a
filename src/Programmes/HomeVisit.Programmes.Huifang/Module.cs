using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;

namespace HomeVisit.Programmes.Huifang;

/// <summary>受处分人员回访关爱: seed 5, 德州学院关于对受处分人员开展回访关爱的实施办法 (德院纪字〔2023〕9 号).</summary>
public sealed class HuifangModule : IProgrammeModule, ILocalizedProgramme
{
    public const string ProgrammeKey = "huifang";

    public string Key => ProgrammeKey;

    public string Name => "受处分人员回访关爱";
    public string EnglishName => "Revisits of disciplined persons";
    public Type TextResources => typeof(HuifangResources);

    public IReadOnlyDictionary<string, string> AuditEntityNames { get; } = new Dictionary<string, string>
    {
        [nameof(SanctionRecord)] = "处分记录",
        [nameof(Revisit)] = "回访",
    };
    public IReadOnlyList<VisitFormInfo> AddedForms => HuifangForms.Added;
    public string Colour => "#d68910";

    /// <summary>On the programme's home page: who is due for a revisit (seed 5 第四条, 第五条).</summary>
    public Type? HomeSection => typeof(DueSection);

    // 附件 登记表 “回访人员”: the team is discipline staff, not leaders visiting a home.
    public string VisitorsLabel => "回访人员";
    public string Source => "关于对受处分人员开展回访关爱的实施办法（德院纪字〔2023〕9 号）";

    public ProgrammeRules DefaultRules() => new()
    {
        // 第三条: 案件管理室牵头组织，综合处、纪检监察室参与实施.
        VisitorRoles = [Roles.DisciplineOffice, SanctionAccess.CaseManagement],
        Targets = TargetScope.DisciplinedPersons,
        Period = PeriodKind.Year,
        Quotas = [],
        // 第八条（三）: 谈心谈话、个别交流、查阅资料; 电话回访、信函回访.
        AllowedForms = [HuifangForms.OnSiteTalk, VisitForm.HeartTalk, HuifangForms.PhoneVisit, HuifangForms.LetterVisit],
        RequiredRecordFields = ["Record", "Attitude", "Outcome"],
        // 第八条（二）: 两人以上组成工作组，方案报学校纪委主要负责人审核同意 (the head of the discipline committee, never one of the team;
        // any other 纪检监察 account is refused).
        MinTeamSize = 2,
        PlanNeedsApproval = true,
        ApproverRole = Roles.DisciplineHead,
    };

    // 附件 登记表 fields recorded with the revisit, and 第九条's outcome. The feedback to the person and their unit's
    // party organisation (第九条) and the filing in the case archive (第十条) are recorded afterwards on the revisit's
    // page, with who and when (Core/Sanctions/Revisit).
    public IReadOnlyList<RecordField> RecordForm { get; } =
    [
        new("Attitude", "回访对象态度以及现实表现简述", RecordFieldKind.LongText),
        new("Suggestions", "回访意见建议", RecordFieldKind.LongText),
        new("Outcome", "回访结果运用", RecordFieldKind.Choice,
            ["", "予以肯定和鼓励", "做好政策解释，督促所在单位加强教育管理监督", "督促所在单位进行教育提醒或依规依纪依法处理"]),
    ];

    public IReadOnlyList<ProgrammeNavEntry> Navigation { get; } =
    [
        new("受处分人员", "/programmes/huifang/sanctions", "gavel"),
    ];

    // 第三条 and the secrecy of sanction data: only the discipline office and the case management office see this
    // programme at all (AccessRoles: everyone else gets 404 and finds nothing in lists, even as a participant).
    public IReadOnlyList<string> OverseerRoles { get; } = [.. SanctionAccess.Roles];

    public IReadOnlyList<string>? AccessRoles { get; } = [.. SanctionAccess.Roles];

    // Outside the portal (calendar feeds, reminder emails) its appointments show without names or programme.
    public bool IsConfidential => true;

    // Sanction records and revisits are sanction data in themselves: their audit entries are the discipline offices' only.
    public IReadOnlyList<string> AuditEntityTypes => SanctionAccess.EntityTypes;

    // A revisit is reported under the disciplined person's unit (第三条 所在单位予以配合; 第九条 反馈所在单位党组织), never
    // under the discipline office whose staff went: summaries, the dashboard and the ledger of a unit follow this.
    public bool CountsUnderVisitedUnit => true;

    // 案件管理室 is this programme's own office (第三条 案件管理室牵头组织); as a role that opens a confidential programme it is
    // granted by the discipline office only (账号管理 › 纪检角色).
    public IReadOnlyList<string> AddedRoles { get; } = [SanctionAccess.CaseManagement];

    public string AddedRoleName(string role) => role == SanctionAccess.CaseManagement ? "案件管理室" : role;

    // The rules too are the discipline office's: a system admin may not open the programme at all.
    public IReadOnlyList<string> RuleAdminRoles => [Roles.DisciplineOffice];

    // The plan notes (第八条（二）) hold however the revisit was planned: the general visit form, the calendar, the API;
    // so does the rule that only a person due for a revisit is planned for (第五条, SanctionPlanCheck).
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SanctionService>();
        services.AddSingleton<RevisitService>();
        services.AddSingleton<IVisitPlanCheck, SanctionPlanCheck>();
        services.AddSingleton<IVisitStatusCheck, RevisitRules>();
        services.AddSingleton<HomeVisit.Core.Exports.ILedgerProvider, HuifangLedgerProvider>();
        // Revisits filed in the case archive (第十条): listed and exported by the core's record archive.
        services.AddSingleton<HomeVisit.Core.Archives.IRecordArchive, HuifangArchive>();
    }

    /// <summary>Sanction records in every state of the rule, and the demo's 案件管理室.</summary>
    public void AddDemoData(HomeVisit.Core.Demo.DemoData demo) => HuifangDemo.Add(demo);
}
