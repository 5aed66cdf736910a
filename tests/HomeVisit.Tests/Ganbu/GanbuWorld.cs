using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;
using HomeVisit.Programmes.Ganbu;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Ganbu;

/// <summary>
/// A small county in the scenario's institution B (乙县), known to the person:
/// <code>
/// 乙县政府 (County)       deputy 韩副县长
/// ├─ 县教育局 (Unit)      head 周局长; deputies 吴副局长 (first assigned), 郑副局长 (also oversees it); linked county leader 乙县干部 (副县长)
/// │                       staff 钱干部 (account), 孙干部
/// ├─ 城关镇 (Township)    head 冯书记, no deputy; linked county leader 陈常委
/// │  └─ 城关镇便民服务中心 (Unit) no leaders; staff 卫干部
/// └─ 县档案馆 (Unit)      no leaders; staff 蒋干部 (nobody above is linked to it as county leader)
/// </code>
/// Everyone with a leadership role has a 领导 account; 组织部 has 褚干事 (OrganisationDept); 乙县管理员 is a system admin.
/// The clock is the scenario's (Beijing 2026-11-20 10:00).
/// </summary>
public sealed class GanbuWorld : IDisposable
{
    public Scenario S { get; } = new();
    public FakeClock Clock => S.Clock;
    public ProgrammeCatalog Catalog { get; } = new(HomeVisit.Portal.Programmes.ProgrammesServiceCollectionExtensions.Modules);

    public ProgrammeAccess Access { get; }
    public GanbuSettingsService Settings { get; }
    public GanbuRequestService Requests { get; }
    public GanbuApiKeyService Keys { get; }
    public GanbuOversightService Oversight { get; }
    public GanbuFormsService Forms { get; }
    public VisitService Visits { get; }

    public int County, Education, Town, TownCentre, Archives;
    public Person CountyDeputy = null!, EduHead = null!, EduDeputyFirst = null!, EduDeputyInCharge = null!, EduLinked = null!,
        Qian = null!, Sun = null!, TownHead = null!, TownLinked = null!, Wei = null!, Jiang = null!, OrgClerk = null!;
    public PortalUser CountyDeputyUser = null!, EduHeadUser = null!, EduDeputyFirstUser = null!, EduDeputyInChargeUser = null!,
        EduLinkedUser = null!, QianUser = null!, TownHeadUser = null!, TownLinkedUser = null!, OrgDept = null!, AdminB = null!;

    public GanbuWorld()
    {
        // With the module's plan and status checks, as the portal's DI gives them (GanbuModule.AddServices).
        var rules = new GanbuVisitRules();
        Visits = new VisitService(S.Db.Factory, Catalog, S.Rules, Clock, [rules], [rules]);
        // Programme:ganbu through the framework's authorisation service and the core's handler, as the portal registers them.
        Access = new ServiceCollection().AddLogging().AddSingleton(Catalog).AddSingleton(S.Rules).AddPortalAuthorization()
            .BuildServiceProvider().GetRequiredService<ProgrammeAccess>();
        Settings = new GanbuSettingsService(S.Db.Factory, Access, Clock);
        Requests = new GanbuRequestService(S.Db.Factory, Catalog, S.Rules, Visits, Access, Clock);
        Keys = new GanbuApiKeyService(S.Db.Factory, Access, Clock);
        Oversight = new GanbuOversightService(S.Db.Factory, Catalog, Requests, Access, Clock);
        Forms = new GanbuFormsService(S.Db.Factory, Catalog, Access, Clock);
        Seed();
    }

    private void Seed()
    {
        using var db = S.Context();
        var b = S.InstitutionB;
        County = db.People.Where(p => p.Id == S.PersonB.Id).Select(p => p.UnitId!.Value).Single();
        EduLinked = db.People.Single(p => p.Id == S.PersonB.Id);

        OrgUnit Unit(string name, OrgUnitKind kind, int parent)
        {
            var u = new OrgUnit { InstitutionId = b, Name = name, Kind = kind, ParentId = parent };
            db.OrgUnits.Add(u);
            db.SaveChanges();
            return u;
        }
        Education = Unit("县教育局", OrgUnitKind.Unit, County).Id;
        Town = Unit("城关镇", OrgUnitKind.Township, County).Id;
        TownCentre = Unit("城关镇便民服务中心", OrgUnitKind.Unit, Town).Id;
        Archives = Unit("县档案馆", OrgUnitKind.Unit, County).Id;

        var n = 0;
        Person P(string name, int unit, string position, string? address = null)
        {
            var p = new Person { InstitutionId = b, Name = name, StaffNumber = $"B{++n:000}", UnitId = unit, Position = position, HomeAddress = address };
            db.People.Add(p);
            return p;
        }
        CountyDeputy = P("韩副县长", County, "副县长");
        EduHead = P("周局长", Education, "局长");
        EduDeputyFirst = P("吴副局长", Education, "副局长");
        EduDeputyInCharge = P("郑副局长", Education, "副局长");
        Qian = P("钱干部", Education, "科员", "乙县城关镇建设路8号");
        Sun = P("孙干部", Education, "科员");
        TownHead = P("冯书记", Town, "党委书记");
        TownLinked = P("陈常委", County, "县委常委");
        Wei = P("卫干部", TownCentre, "科员");
        Jiang = P("蒋干部", Archives, "馆员");
        OrgClerk = P("褚干事", County, "组织部干部科科长");
        db.SaveChanges();
        db.FamilyMembers.Add(new FamilyMember
        {
            InstitutionId = b, PersonId = Qian.Id, Relation = FamilyRelation.Spouse, Name = "钱妻", Workplace = "乙县第一中学", Position = "教师",
        });

        void Lead(int unit, Person person, LeadershipRole role) =>
            db.UnitLeaderships.Add(new UnitLeadership { InstitutionId = b, UnitId = unit, PersonId = person.Id, Role = role });
        Lead(County, CountyDeputy, LeadershipRole.Deputy);
        Lead(Education, EduHead, LeadershipRole.Head);
        Lead(Education, EduDeputyFirst, LeadershipRole.Deputy);
        Lead(Education, EduDeputyInCharge, LeadershipRole.Deputy);
        Lead(Education, EduDeputyInCharge, LeadershipRole.Oversees);
        Lead(Education, EduLinked, LeadershipRole.LinkedCountyLeader);
        Lead(Town, TownHead, LeadershipRole.Head);
        Lead(Town, TownLinked, LeadershipRole.LinkedCountyLeader);
        db.SaveChanges();

        UserAccount Account(string name, Person? person, params string[] roles)
        {
            var a = new UserAccount { InstitutionId = b, UserName = name, DisplayName = person?.Name ?? name, PersonId = person?.Id, Roles = [.. roles] };
            db.UserAccounts.Add(a);
            return a;
        }
        var accounts = new[]
        {
            Account("b-fu", CountyDeputy, Roles.Leader), Account("b-zhou", EduHead, Roles.Leader), Account("b-wu", EduDeputyFirst, Roles.Leader),
            Account("b-zheng", EduDeputyInCharge, Roles.Leader), Account("b-qian", Qian, Roles.Staff), Account("b-feng", TownHead, Roles.Leader),
            Account("b-chen", TownLinked, Roles.Leader), Account("b-zuzhi", OrgClerk, Roles.OrganisationDept), Account("b-admin", null, Roles.SystemAdmin),
        };
        db.SaveChanges();
        (CountyDeputyUser, EduHeadUser, EduDeputyFirstUser, EduDeputyInChargeUser, QianUser, TownHeadUser, TownLinkedUser, OrgDept, AdminB) =
            (PortalUser.From(accounts[0]), PortalUser.From(accounts[1]), PortalUser.From(accounts[2]), PortalUser.From(accounts[3]),
             PortalUser.From(accounts[4]), PortalUser.From(accounts[5]), PortalUser.From(accounts[6]), PortalUser.From(accounts[7]),
             PortalUser.From(accounts[8]));
        EduLinkedUser = S.LeaderB;
    }

    /// <summary>钱干部 files for himself.</summary>
    public Task<int> FileAsync(GanbuTier tier = GanbuTier.Ordinary, GanbuCategory category = GanbuCategory.SeriousIllness, PortalUser? by = null,
        int? requester = null) =>
        Requests.FileAsync(by ?? QianUser, new GanbuRequestInput
        {
            RequesterPersonId = requester, Category = category, Tier = tier, Summary = "父亲重病住院，希望单位协调照护假", Description = "父亲脑梗住院，需长期陪护。",
        });

    public Task<GanbuRequest> RowAsync(int id) =>
        S.ReadAsync(db => db.Set<GanbuRequest>().AsNoTracking().Include(r => r.Steps).SingleAsync(r => r.Id == id));

    /// <summary>The handler plans the handling visit tomorrow evening and records it with the 三个一; returns the visit id.</summary>
    public async Task<int> VisitAndRecordAsync(int requestId, PortalUser handler)
    {
        var detail = await Requests.GetAsync(handler, requestId);
        var planned = Clock.Today.AddDays(1).AddHours(19);
        var visitId = await Requests.PlanVisitAsync(handler, requestId, new GanbuVisitInput
        {
            Version = detail.Version, PlannedStart = planned, DurationMinutes = 60,
        });
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(11));
        var visit = await Visits.GetAsync(handler, visitId);
        await Visits.RecordOutcomeAsync(handler, visitId, new VisitOutcome
        {
            Version = visit.Version, ActualStart = planned, Record = "到钱干部家中，了解其父亲病情和陪护安排。",
            ProblemsFound = "需要照护假", Resolution = "单位同意按规定安排陪护假。",
            FormData = new() { ["Methods"] = "看、谈、听、访", ["Greeting"] = "true", ["OpinionsSought"] = "家属希望单位减少周末加班", ["NeedsHeard"] = "陪护假两周" },
        });
        return visitId;
    }

    public void Dispose() => S.Dispose();
}
