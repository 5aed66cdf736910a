using HomeVisit.Core.Accounts;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.AspNetCore.Authentication;
using HomeVisit.Portal.Localization;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>干部家访: seed 2, 魏县领导干部家访制度实施意见 (魏组〔2023〕6 号).</summary>
public sealed class GanbuModule : IProgrammeModule, ILocalizedProgramme
{
    public const string ProgrammeKey = "ganbu";

    public string Key => ProgrammeKey;

    public void AddDemoData(Core.Demo.DemoData demo) => GanbuDemo.Add(demo);
    public string Name => "干部家访";
    public string EnglishName => "Cadre home visits";
    public Type TextResources => typeof(GanbuResources);

    public IReadOnlyDictionary<string, string> AuditEntityNames { get; } = new Dictionary<string, string>
    {
        [nameof(GanbuRequest)] = "干部诉求",
        [nameof(GanbuApiKey)] = "接口密钥",
        [nameof(GanbuSettings)] = "干部家访设置",
        [nameof(GanbuQuarterReport)] = "干部诉求季度报告",
        [nameof(GanbuInspection)] = "督导检查记录",
        [nameof(GanbuRecordArchive)] = "干部家访记录单存档",
        ["GanbuQuarterSummary"] = "干部家访诉求季度汇总",
    };
    public string Colour => "#2e86c1";
    public string Source => "魏县领导干部家访制度实施意见（魏组〔2023〕6 号）";

    public ProgrammeRules DefaultRules() => new()
    {
        // 四（一）: 主管副职, 一把手 or the county-level leader linked to the unit visits; the organisation department revisits.
        VisitorRoles = [Roles.Leader, Roles.OrganisationDept],
        Targets = TargetScope.InEstablishmentStaff,
        // 四（二）: 每季度一总结.
        Period = PeriodKind.Quarter,
        // Request-driven: the seed sets no count per leader.
        Quotas = [],
        AllowedForms = [VisitForm.HomeVisit, VisitForm.RegularRevisit],
        RequiredRecordFields = ["Record"],
        PriorityTriggers =
        [
            "患有重大疾病", "生活遇到重大困难", "家庭婚丧嫁娶", "出现重大变故", "因工作遇到挫折，心理波动和情绪起伏较大",
            "群众反映有倾向性、苗头性问题", "其他需要及时进行家访的情况",
        ],
    };

    // 三（二）看、谈、听、访 and 三（三）三个一.
    public IReadOnlyList<RecordField> RecordForm { get; } =
    [
        new("Methods", "家访方式", RecordFieldKind.Checklist, ["看", "谈", "听", "访"]),
        new("Greeting", "送上一声问候，对家属的支持表示感谢", RecordFieldKind.YesNo),
        new("OpinionsSought", "征求的意见建议", RecordFieldKind.LongText),
        new("NeedsHeard", "听取的需求", RecordFieldKind.LongText),
    ];

    public IReadOnlyList<ProgrammeNavEntry> Navigation { get; } =
    [
        new("我的诉求", "/programmes/ganbu/requests", "forum"),
        new("提交诉求", "/programmes/ganbu/requests/new", "add_comment"),
        new("待我办理", "/programmes/ganbu/queue", "assignment_ind", [Roles.Leader]),
        new("组织部督办", "/programmes/ganbu/oversight", "fact_check", [.. Roles.Oversight]),
        new("季度汇总", "/programmes/ganbu/summary", "summarize", [.. Roles.Oversight]),
        new("单位季度总结", "/programmes/ganbu/unit-reports", "edit_note", [Roles.Leader, .. Roles.Oversight]),
        new("督导检查", "/programmes/ganbu/inspections", "gavel", [.. Roles.Oversight]),
        new("家访台账", "/programmes/ganbu/ledger", "menu_book", [Roles.Leader, .. Roles.Oversight]),
        new("时限与接口密钥", "/programmes/ganbu/admin", "key", [Roles.SystemAdmin, Roles.ProgrammeAdmin]),
    ];

    public IReadOnlyList<string> OverseerRoles { get; } = [.. Roles.Oversight];

    /// <summary>Requests are the programme's daily business: everyone who may use it finds them in the main menu.</summary>
    public IReadOnlyList<ProgrammeNavEntry> MainMenu { get; } = [new("干部诉求", "/programmes/ganbu/requests", "forum")];

    /// <summary>On the programme's home page: its pages as the user's roles allow, with what is waiting.</summary>
    public Type? HomeSection => typeof(GanbuLinks);

    /// <summary>The intake API for the mini-program and the quarterly summary export.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGanbuEndpoints();

    /// <summary>On a 干部家访's page: its requests, recording one raised during the visit, and the record form.</summary>
    public Type? VisitSection => typeof(VisitPanel);

    /// <summary>Requests, routing, escalation, the intake API's key scheme, oversight and the annexed forms.</summary>
    public void AddServices(IServiceCollection services)
    {
        services.AddGanbuCore();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, GanbuApiKeyHandler>(GanbuApiKeyHandler.SchemeName, null);
    }
}
