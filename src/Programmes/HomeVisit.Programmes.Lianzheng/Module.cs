using HomeVisit.Core.Accounts;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>廉政家访: seed 1, 广西交通职业技术学院领导干部廉政家访工作制度 (桂交院党〔2022〕15 号).</summary>
public sealed class LianzhengModule : IProgrammeModule, ILocalizedProgramme
{
    public const string ProgrammeKey = "lianzheng";

    public string Key => ProgrammeKey;

    public void AddDemoData(Core.Demo.DemoData demo) => LianzhengDemo.Add(demo);
    public string Name => "廉政家访";
    public string EnglishName => "Integrity home visits";
    public Type TextResources => typeof(LianzhengResources);

    public IReadOnlyDictionary<string, string> AuditEntityNames { get; } = new Dictionary<string, string>
    {
        [nameof(LianzhengPlanItem)] = "廉政家访年度计划",
        [nameof(LianzhengRecordArchive)] = "廉政家访记录单存档",
    };
    public string Colour => "#c0392b";
    public string Source => "广西交通职业技术学院领导干部廉政家访工作制度（桂交院党〔2022〕15 号）";

    public ProgrammeRules DefaultRules() => new()
    {
        // 第三条: 学校领导班子成员、纪委委员，各单位各部门班子成员; the liaison records for school leaders (第八条（三）).
        VisitorRoles = [Roles.Leader, Roles.DisciplineOffice, Roles.Liaison],
        Targets = TargetScope.InEstablishmentStaff,
        Period = PeriodKind.Year,
        Quotas =
        [
            new() { Name = "学校党政主要领导", LeadershipRoles = [LeadershipRole.Head], UnitKinds = [OrgUnitKind.School], Minimum = 2, Source = "第四条（一）" },
            new() { Name = "学校其他领导班子成员", LeadershipRoles = [LeadershipRole.Deputy, LeadershipRole.Oversees], UnitKinds = [OrgUnitKind.School], Minimum = 2, Source = "第四条（二）" },
            // 纪委委员 is a seat on the school's discipline committee, recorded in the organisation tree; the keyword still finds
            // rosters that write it into the position.
            new() { Name = "学校纪委委员", LeadershipRoles = [LeadershipRole.DisciplineCommitteeMember], UnitKinds = [OrgUnitKind.School], PositionKeywords = ["纪委委员"], Minimum = 2, Source = "第四条（三）" },
            new() { Name = "学校行政部门领导", LeadershipRoles = [LeadershipRole.Head, LeadershipRole.Deputy], UnitKinds = [OrgUnitKind.Department], Minimum = 2, Source = "第四条（四）" },
            new() { Name = "二级学院（教学部）领导", LeadershipRoles = [LeadershipRole.Head, LeadershipRole.Deputy], UnitKinds = [OrgUnitKind.College], Minimum = 4, Source = "第四条（四）" },
        ],
        AllowedForms = [VisitForm.HomeVisit, VisitForm.KeyAppointment, VisitForm.RegularRevisit],
        RequiredRecordFields = ["Record"],
        PriorityTriggers =
        [
            "较长时间不上班的", "单位、部门领导对干部职工情况掌握不够清楚的", "群众反映有倾向性、苗头性问题的", "有反映家庭矛盾比较突出的",
            "因违规违纪受到纪律处分、组织处理的", "思想认识出现偏差或工作上受到挫折的", "患有重大疾病、生活上遇到重大困难或家庭出现重大变故的",
        ],
    };

    // 附件 1 记录单: the two sign-offs; the rest of the form comes from the visit, the roster and the family record.
    // 报送纪检监察室备存 (第八条（三）) is an action on the visit page that records who sent it and when (LianzhengService.ArchiveAsync).
    public IReadOnlyList<RecordField> RecordForm { get; } =
    [
        new(LianzhengService.LeaderSignedField, "家访领导已签名", RecordFieldKind.YesNo),
        new(LianzhengService.RecorderSignedField, "家访记录人已签名", RecordFieldKind.YesNo,
            Hint: "学校领导的记录单由联络员填写，签名后在家访页面报送纪检监察室备存（第八条（三））"),
        // 第八条（一）建立直接联系制度: the visitor leaves a way to reach them with the family.
        new(LianzhengService.ContactGivenField, "已将联系方式提供给家属", RecordFieldKind.YesNo,
            Hint: "建立直接联系制度：家访时将联系方式提供给干部职工家属，方便随时联系（第八条（一））"),
    ];

    public IReadOnlyList<ProgrammeNavEntry> Navigation { get; } = [];

    public IReadOnlyList<string> OverseerRoles { get; } = [.. Roles.Oversight];

    // The 记录单 card on the visit page: signatures, print, 报送纪检监察室备存.
    public Type? VisitSection => typeof(LianzhengVisitSection);

    /// <summary>On the programme's home page: the user's plan, the ledger, assessment and archive, the tracked 重点约访.</summary>
    public Type? HomeSection => typeof(LianzhengHome);

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<LianzhengService>();
        services.AddSingleton<HomeVisit.Core.Exports.ILedgerProvider, LianzhengLedgerProvider>();
        // 分级负责 and 定期回访 on every route a plan takes (VisitService runs every IVisitPlanCheck).
        services.AddSingleton<IVisitPlanCheck, LianzhengVisitRules>();
        // The archive of record forms sent to the discipline office: listed and exported by the core.
        services.AddSingleton<HomeVisit.Core.Archives.IRecordArchive, LianzhengArchive>();
    }
}
