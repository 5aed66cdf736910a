using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Reminders;
using HomeVisit.Core.Visits;
using HomeVisit.Portal.Localization;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>清廉家访: seed 3, 机关清廉家访活动实施方案 (县总工会, 2023).</summary>
public sealed class QinglianModule : IProgrammeModule, ILocalizedProgramme
{
    public const string ProgrammeKey = "qinglian";

    public static readonly IReadOnlyList<string> GiftPack =
        ["清廉家访登记表", "监督提醒卡", "家庭助廉倡议书", "家庭助廉承诺书", "家风读本", "温情家书", "警示教育案例"];

    public string Key => ProgrammeKey;

    /// <summary>The demo's 清廉家访 visits: one done with the family, one notified.</summary>
    public void AddDemoData(Core.Demo.DemoData demo) => QinglianDemo.Add(demo);

    public string Name => "清廉家访";
    public string EnglishName => "Family integrity visits";
    public Type TextResources => typeof(QinglianResources);

    public IReadOnlyDictionary<string, string> AuditEntityNames { get; } = new Dictionary<string, string>
    {
        [nameof(QinglianNotice)] = "家访通知书",
        [nameof(Commitment)] = "家庭助廉承诺书",
        [nameof(QinglianListConfirmation)] = "家访对象名单确认",
    };
    public string Colour => "#27ae60";
    public string Source => "机关清廉家访活动实施方案（“清廉家庭·幸福人生”）";

    public ProgrammeRules DefaultRules() => new()
    {
        // 二、1: 单位一把手和派驻纪检监察组长访班子成员，班子成员访分管的干部职工.
        VisitorRoles = [Roles.Leader, Roles.DisciplineOffice],
        // 二: 配偶、在本地工作的子女和本地生活的夫妻双方父母.
        Targets = TargetScope.FamilyMembers,
        Period = PeriodKind.HalfYear,
        Quotas =
        [
            // 二、1: 班子成员 are the unit's 一把手, deputies and those who oversee (分管) part of it — by the organisation tree,
            // with a portal account or not; party branches and the discipline committee are not the unit's 班子.
            new()
            {
                Name = "单位班子成员", LeadershipRoles = [LeadershipRole.Head, LeadershipRole.Deputy, LeadershipRole.Oversees],
                UnitKinds = [OrgUnitKind.School, OrgUnitKind.College, OrgUnitKind.Department, OrgUnitKind.County, OrgUnitKind.Township, OrgUnitKind.Unit],
                Count = QuotaCount.Visits, Minimum = 1, Source = "二、2 家访活动每半年开展 1 次",
            },
        ],
        AllowedForms = [VisitForm.HomeVisit],
        RequiredRecordFields = ["Record", "FamilyMet"],
        // 二、2: 家访前 3 天将相关事宜书面通知家访对象.
        NoticeLeadDays = 3,
        NoticeInWriting = true,
        // 三、1: 综合部 confirms the list of households before the half year's visits are planned.
        ListConfirmerRole = QinglianProgramme.GeneralAffairsRole,
    };

    public IReadOnlyList<string> AddedRoles { get; } = [QinglianProgramme.GeneralAffairsRole];

    public string AddedRoleName(string role) => role == QinglianProgramme.GeneralAffairsRole ? "综合部" : role;

    public IReadOnlyList<RecordField> RecordForm { get; } =
    [
        new("GiftPack", "清廉大礼包发放", RecordFieldKind.Checklist, GiftPack),
        new("RegistrationFilled", "家属已填写《家访情况登记表》", RecordFieldKind.YesNo),
        new("CommitmentSigned", "家属已签订《家庭助廉承诺书》", RecordFieldKind.YesNo),
    ];

    public IReadOnlyList<ProgrammeNavEntry> Navigation { get; } =
    [
        new("家访对象家庭", "/programmes/qinglian/households", "family_restroom"),
        new("倡议书与承诺书模板", "/programmes/qinglian/templates", "edit_document", [Roles.SystemAdmin, Roles.ProgrammeAdmin]),
    ];

    /// <summary>Notice, gift pack and commitments of a 清廉家访 visit, on the visit page.</summary>
    public Type? VisitSection => typeof(VisitSection);

    // 分层负责, once a half year and the written notice hold on every route (VisitService runs them), not only on this module's pages.
    // Its signed commitments are a section of everyone's person file (一人一档, 三、5); a confirmed household list that no
    // longer matches the staff is a reminder to the 综合部 (三、1).
    public void AddServices(IServiceCollection services)
    {
        services.AddQinglianServices();
        services.AddSingleton<QinglianVisitRules>();
        services.AddSingleton<IVisitPlanCheck>(sp => sp.GetRequiredService<QinglianVisitRules>());
        services.AddSingleton<IVisitStatusCheck>(sp => sp.GetRequiredService<QinglianVisitRules>());
        services.AddSingleton<IVisitPlanCheck, QinglianListCheck>();
        services.AddSingleton<IReminderSource, QinglianListReminders>();
        services.AddSingleton<IPersonFileSection, CommitmentsInPersonFile>();
    }

    /// <summary>On the programme's home page: the households to visit, the report-backs due and the printed texts.</summary>
    public Type? HomeSection => typeof(QinglianHome);

    /// <summary>A family member who signed a 家庭助廉承诺书 stays, so the pledge keeps its signer.</summary>
    public async Task<PortalMessage?> FamilyMemberInUseAsync(PortalDbContext db, FamilyMember member, CancellationToken ct)
        => await db.Set<Commitment>().AnyAsync(c => c.FamilyMemberId == member.Id, ct) ? new PortalMessage("{0} 已签订《家庭助廉承诺书》，不能删除。", member.Name) : null;

    public IReadOnlyList<UploadColumn> UploadColumns { get; } = [new(typeof(Commitment), nameof(Commitment.ScanKey))];

    public IReadOnlyList<string> OverseerRoles { get; } = [.. Roles.Oversight];

    /// <summary>The scan of a signed commitment, for those who may see it.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapQinglianEndpoints();
}
