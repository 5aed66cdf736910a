using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>联系师生: seed 4, 党组织班子成员联系党支部、联系师生制度 (吉交院组字[2018]6 号).</summary>
public sealed class LianxiModule : IProgrammeModule, ILocalizedProgramme
{
    public const string ProgrammeKey = "lianxi";

    public string Key => ProgrammeKey;

    public void AddDemoData(HomeVisit.Core.Demo.DemoData demo) => LianxiDemo.Add(demo);
    public string Name => "联系师生";
    public string EnglishName => "Leaders linked to teachers and students";
    public Type TextResources => typeof(LianxiResources);

    public IReadOnlyDictionary<string, string> AuditEntityNames { get; } = new Dictionary<string, string>
    {
        [nameof(LianxiLink)] = "联系党支部和联系对象",
        ["LianxiRecordTable"] = "联系师生工作记录表",
    };
    public IReadOnlyList<VisitFormInfo> AddedForms => LianxiForms.Added;
    public string Colour => "#8e44ad";
    public string Source => "党组织班子成员联系党支部、联系师生制度（试行）（吉交院组字[2018]6 号）";

    public ProgrammeRules DefaultRules() => new()
    {
        VisitorRoles = [Roles.Leader],
        Targets = TargetScope.PartyBranches | TargetScope.LinkedIndividuals,
        Period = PeriodKind.Semester,
        Semester = new SemesterStarts { SpringMonth = 2, SpringDay = 20, AutumnMonth = 9, AutumnDay = 1 },
        Quotas =
        [
            // Each minimum is owed per link (四、1 “到所联系的党支部”, “与所联系党支部的支部书记”; 四、2 “与联系对象”), by whoever has the
            // links in the semester (三、1, 三、2), account or not.
            new() { Name = "参加联系党支部活动、指导工作", Per = QuotaPer.LinkedBranch, Forms = [LianxiForms.BranchActivity], Count = QuotaCount.Visits, Minimum = 2, Source = "四、1" },
            new() { Name = "听取联系党支部工作汇报", Per = QuotaPer.LinkedBranch, Forms = [LianxiForms.BranchReport], Count = QuotaCount.Visits, Minimum = 2, Source = "四、1" },
            new() { Name = "与联系党支部书记谈心", Per = QuotaPer.LinkedBranchSecretary, Forms = [VisitForm.HeartTalk], Count = QuotaCount.Visits, Minimum = 1, Source = "四、1" },
            new() { Name = "与联系对象谈心谈话", Per = QuotaPer.LinkedIndividual, Forms = [VisitForm.HeartTalk], Count = QuotaCount.Visits, Minimum = 2, Source = "四、2" },
        ],
        // 三、2 “常态化深入学生课堂、食堂、公寓走访” as forms of their own.
        AllowedForms = [LianxiForms.BranchActivity, LianxiForms.BranchReport, VisitForm.HeartTalk, VisitForm.HomeVisit,
            LianxiForms.ClassroomVisit, LianxiForms.CanteenVisit, LianxiForms.DormitoryVisit],
        RequiredRecordFields = ["Record"],
        PriorityTriggers = ["重要节日", "专家取得重大成就", "罹患重大疾病", "遇到特殊困难"],
    };

    // 附件 工作记录表: 联系对象（党支部/个人）, 时间, 具体联系情况 — the visit carries them; the activity kind is the form.
    public IReadOnlyList<RecordField> RecordForm { get; } =
    [
        new("Occasion", "走访慰问事由", RecordFieldKind.Choice, ["", "重要节日", "取得重大成就", "罹患重大疾病", "遇到特殊困难"]),
    ];

    public IReadOnlyList<ProgrammeNavEntry> Navigation { get; } =
    [
        new("联系对象", "/programmes/lianxi/links", "link"),
        new("联系工作进展", "/programmes/lianxi/progress", "fact_check"),
        new("工作记录表", "/programmes/lianxi/record", "print"),
        new("学期总结", "/programmes/lianxi/semester-summary", "summarize", LianxiAccess.OverseerRoles),
        new("师生反映问题", "/programmes/lianxi/feedback", "forum"),
    ];

    // The oversight roles, and the office that collects school leaders' summaries (四、5).
    public IReadOnlyList<string> OverseerRoles { get; } = [.. LianxiAccess.OverseerRoles];

    /// <summary>On the programme's home page: its pages as the user's roles allow.</summary>
    public Type? HomeSection => typeof(LianxiSections);

    /// <summary>
    /// Links, progress, the semester summary and the problems raised; and the per-link counting (<see cref="IQuotaLinkCounter"/>)
    /// through which the core's quota figures (home card, /quotas, dashboard, period summary) count this programme's lines.
    /// </summary>
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<LianxiLinkService>();
        services.AddSingleton<LianxiProgressService>();
        services.AddSingleton<IQuotaLinkCounter, LianxiQuotaCounter>();
        services.AddSingleton<LianxiFeedbackService>();
    }

    /// <summary>The semester summary's workbook (四、5).</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapLianxiEndpoints();
}
