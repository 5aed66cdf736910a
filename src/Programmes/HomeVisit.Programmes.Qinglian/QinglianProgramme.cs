using System.Linq.Expressions;
using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>
/// 清廉家访 (seed 3, 机关清廉家访活动实施方案): what the core needs to know about the programme beyond its rules.
/// </summary>
public static class QinglianProgramme
{
    public const string Key = QinglianModule.ProgrammeKey;

    /// <summary>
    /// <c>Programme:qinglian</c>: on every page and endpoint of the module, and asked by its services (<see cref="ProgrammeAccess"/>)
    /// for actions inside a live circuit. Refused, the page answers as an unknown address.
    /// </summary>
    public const string Policy = PortalPolicies.ProgrammePrefix + Key;

    /// <summary>
    /// 综合部, the role this programme brings (IProgrammeModule.AddedRoles): by default it confirms each half year's list of
    /// households (三、1 “综合部负责……确定家访对象名单”; ProgrammeRules.ListConfirmerRole). Stored on accounts: never rename.
    /// </summary>
    public const string GeneralAffairsRole = "GeneralAffairs";

    /// <summary>
    /// Seed 3 二: “家属（含配偶、在本地工作的子女和本地生活的夫妻双方父母等）”. A spouse always; children and the
    /// parents of both sides when they live locally (the roster's 是否本地居住 stands for “working locally” too).
    /// </summary>
    public static bool InFamilyScope(FamilyRelation relation, bool livesLocally) =>
        relation == FamilyRelation.Spouse ||
        (livesLocally && relation is FamilyRelation.Child or FamilyRelation.Parent or FamilyRelation.ParentInLaw);

    /// <summary><see cref="InFamilyScope"/> as a database filter.</summary>
    public static readonly Expression<Func<FamilyMember, bool>> FamilyInScope = f =>
        f.Relation == FamilyRelation.Spouse ||
        (f.LivesLocally && (f.Relation == FamilyRelation.Child || f.Relation == FamilyRelation.Parent || f.Relation == FamilyRelation.ParentInLaw));

    // The printed texts (seed 3 附件 1 and 2, and the written notice of 二、2), editable per institution.
    public const string ProposalTemplate = "qinglian-changyishu";
    public const string CommitmentTemplate = "qinglian-chengnuoshu";
    public const string NoticeTemplate = "qinglian-tongzhishu";
    /// <summary>三、3 “动员单位干部职工家属填写《家访情况登记表》”: printed per household, filled in by hand by the family.</summary>
    public const string RegistrationTemplate = "qinglian-dengjibiao";

    public static IReadOnlyList<TemplateDefinition> Templates { get; } =
    [
        new(ProposalTemplate, "家庭助廉倡议书", Key, ["单位名称", "日期"]),
        new(CommitmentTemplate, "家庭助廉承诺书", Key, ["单位名称", "承诺人", "与干部关系", "干部姓名", "干部单位职务", "日期"]),
        new(NoticeTemplate, "家访通知书", Key,
            ["单位名称", "家访对象", "家属", "家访时间", "家访地点", "家访人员", "家访事由", "联系人", "联系电话", "通知日期", "提前天数"]),
        new(RegistrationTemplate, "家访情况登记表", Key, ["单位名称", "干部姓名", "干部单位职务", "家庭住址", "家庭成员", "家访时间", "家访人员", "日期"]),
    ];
}

/// <summary>
/// Whose households a user is responsible for visiting (seed 3 二、1 分层负责制): the 一把手 of a unit visits the
/// unit's people, its 班子成员 included; a deputy or a leader who oversees (分管) a unit visits its staff. The units
/// below a unit count with it. The programme's overseer roles see every household of the institution.
/// </summary>
internal sealed record HouseholdScope(bool All, int Self, IReadOnlyList<int> HeadUnits, IReadOnlyList<int> DeputyUnits, IReadOnlyList<int> Team)
{
    public static readonly HouseholdScope Nobody = new(false, -1, [], [], []);

    public bool IsEmpty => !All && HeadUnits.Count == 0 && DeputyUnits.Count == 0;

    public static async Task<HouseholdScope> ForAsync(PortalDbContext db, PortalUser user, bool oversees, DateOnly today, CancellationToken ct)
    {
        if (oversees) return new HouseholdScope(true, user.PersonId ?? -1, [], [], []);
        if (user.PersonId is not int me) return Nobody;
        var roles = await db.UnitLeaderships.AsNoTracking()
            .Where(l => l.InstitutionId == user.InstitutionId && l.PersonId == me &&
                        (l.Role == LeadershipRole.Head || l.Role == LeadershipRole.Deputy || l.Role == LeadershipRole.Oversees) &&
                        (l.StartsOn == null || l.StartsOn <= today) && (l.EndsOn == null || l.EndsOn >= today))
            .Select(l => new { l.UnitId, l.Role }).ToListAsync(ct);
        if (roles.Count == 0) return Nobody with { Self = me };

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == user.InstitutionId)
            .Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId, u => u.Id);
        HashSet<int> Subtrees(IEnumerable<int> roots)
        {
            var result = new HashSet<int>();
            var stack = new Stack<int>(roots);
            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (!result.Add(id)) continue;
                foreach (var c in children[id]) stack.Push(c);
            }
            return result;
        }

        var headUnits = Subtrees(roles.Where(r => r.Role == LeadershipRole.Head).Select(r => r.UnitId));
        var deputyUnits = Subtrees(roles.Where(r => r.Role != LeadershipRole.Head).Select(r => r.UnitId));
        deputyUnits.ExceptWith(headUnits);
        // A deputy's fellow team members (the heads and deputies of the unit they are deputy of) are visited by the head.
        var deputyOf = roles.Where(r => r.Role == LeadershipRole.Deputy).Select(r => r.UnitId).ToList();
        var team = deputyOf.Count == 0
            ? []
            : await db.UnitLeaderships.AsNoTracking()
                .Where(l => deputyOf.Contains(l.UnitId) && (l.Role == LeadershipRole.Head || l.Role == LeadershipRole.Deputy) &&
                            (l.StartsOn == null || l.StartsOn <= today) && (l.EndsOn == null || l.EndsOn >= today))
                .Select(l => l.PersonId).Distinct().ToListAsync(ct);
        return new HouseholdScope(false, me, headUnits.ToList(), deputyUnits.ToList(), team);
    }

    /// <summary>The staff whose households are in scope (never the user themself), as a query the database filters.</summary>
    public IQueryable<Person> People(PortalDbContext db, int institutionId)
    {
        var people = db.People.Where(p => p.InstitutionId == institutionId && p.Id != Self);
        if (All) return people;
        if (IsEmpty) return people.Where(p => false);
        var (head, deputy, team) = (HeadUnits, DeputyUnits, Team);
        return people.Where(p => p.UnitId != null &&
                                 (head.Contains(p.UnitId.Value) || (deputy.Contains(p.UnitId.Value) && !team.Contains(p.Id))));
    }
}
