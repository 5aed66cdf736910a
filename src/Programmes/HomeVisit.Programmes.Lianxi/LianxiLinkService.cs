using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>
/// Who each leader is linked to (seed 4 三、1, 三、2): 1–2 party branches, arranged by the organisation department,
/// and 2–3 individuals (experts, young teachers, activists applying to join the party), arranged by the office.
/// A leader's set is saved as a whole from a day on, so the counts can be checked; links superseded by the change
/// end the day before, so earlier semesters keep the links they had.
/// </summary>
public sealed class LianxiLinkService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeAccess access, TimeProvider clock)
{
    /// <summary>Every leader with links on the day, and every leader-role account's person without any (to show what is missing).</summary>
    public async Task<IReadOnlyList<LeaderLinks>> OverviewAsync(PortalUser user, DateOnly? day = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        var on = day ?? clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leaderIds = await db.Set<LianxiLink>().Where(l => l.InstitutionId == user.InstitutionId && l.StartsOn <= on && (l.EndsOn == null || l.EndsOn >= on))
            .Select(l => l.LeaderPersonId).Distinct().ToListAsync(ct);
        var withRole = await db.UserAccounts.Where(a => a.InstitutionId == user.InstitutionId && a.PersonId != null && !a.IsDisabled && a.Roles.Contains(Roles.Leader))
            .Select(a => a.PersonId!.Value).ToListAsync(ct);
        var ids = leaderIds.Union(withRole).ToList();
        if (!LianxiAccess.Oversees(user)) ids = ids.Where(id => id == user.PersonId).ToList();
        return await LoadAsync(db, user.InstitutionId, ids, on, on, ct);
    }

    /// <summary>One leader's links active on the day.</summary>
    public async Task<LeaderLinks> ForLeaderAsync(PortalUser user, int leaderId, DateOnly? day = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!LianxiAccess.MaySee(user, leaderId) && !LianxiAccess.MayAssign(user, LinkKind.Branch) && !LianxiAccess.MayAssign(user, LinkKind.Individual))
            throw new AccessDeniedException("只能查看本人的联系对象。");
        var on = day ?? clock.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await LoadAsync(db, user.InstitutionId, [leaderId], on, on, ct);
        return result.FirstOrDefault() ?? throw new NotFoundException();
    }

    /// <summary>Links of the given leaders overlapping [from, to], with the problems of the set on <paramref name="to"/>.</summary>
    internal static async Task<IReadOnlyList<LeaderLinks>> LoadAsync(PortalDbContext db, int institutionId, IReadOnlyCollection<int> leaderIds,
        DateOnly from, DateOnly to, CancellationToken ct, DateOnly? problemsOn = null)
    {
        if (leaderIds.Count == 0) return [];
        var people = await db.People.AsNoTracking().Where(p => p.InstitutionId == institutionId && leaderIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Position, UnitName = p.Unit!.Name }).ToListAsync(ct);
        var links = await db.Set<LianxiLink>().AsNoTracking()
            .Where(l => l.InstitutionId == institutionId && leaderIds.Contains(l.LeaderPersonId) && l.StartsOn <= to && (l.EndsOn == null || l.EndsOn >= from))
            .Select(l => new
            {
                l.Id, l.LeaderPersonId, l.Kind, l.BranchId, l.PersonId, l.Category, l.StartsOn, l.EndsOn,
                Name = l.Branch != null ? l.Branch.Name : l.Person!.Name,
                Detail = l.Branch != null ? l.Branch.Parent!.Name : (l.Person!.Unit!.Name + " " + l.Person.Position),
            })
            .OrderBy(l => l.StartsOn).ThenBy(l => l.Id)
            .ToListAsync(ct);
        return people.OrderBy(p => p.UnitName, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            var mine = links.Where(l => l.LeaderPersonId == p.Id)
                .Select(l => new LinkView(l.Id, l.Kind, l.BranchId, l.PersonId, l.Name, l.Detail?.Trim(), l.Category, l.StartsOn, l.EndsOn)).ToList();
            var branches = mine.Where(l => l.Kind == LinkKind.Branch).ToList();
            var individuals = mine.Where(l => l.Kind == LinkKind.Individual).ToList();
            return new LeaderLinks(p.Id, p.Name, p.Position, p.UnitName, branches, individuals, Problems(branches, individuals, problemsOn ?? to));
        }).ToList();
    }

    private static List<PortalMessage> Problems(IEnumerable<LinkView> branches, IEnumerable<LinkView> individuals, DateOnly day)
    {
        bool Active(LinkView l) => l.StartsOn <= day && (l.EndsOn is null || l.EndsOn >= day);
        var problems = new List<PortalMessage>();
        var b = branches.Count(Active);
        var i = individuals.Count(Active);
        if (b < 1) problems.Add(new("未安排联系党支部（应联系 1 至 2 个，三、1）"));
        if (b > 2) problems.Add(new("联系党支部 {0} 个，超过 2 个（三、1）", b));
        if (i < 2) problems.Add(new("联系对象 {0} 名，不足 2 名（三、2）", i));
        if (i > 3) problems.Add(new("联系对象 {0} 名，超过 3 名（三、2）", i));
        return problems;
    }

    public async Task SaveBranchesAsync(PortalUser user, BranchLinksEdit e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!LianxiAccess.MayAssign(user, LinkKind.Branch)) throw new AccessDeniedException("联系党支部由组织部安排。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var ids = e.BranchIds.Distinct().ToList();
        var v = new Validator();
        var (min, max) = LianxiAccess.Allowed(LinkKind.Branch);
        v.Check(ids.Count >= min && ids.Count <= max, nameof(e.BranchIds), "每名党员领导干部应联系 1 至 2 个党支部（三、1）。");
        if (ids.Count > 0)
        {
            var found = await db.OrgUnits.CountAsync(u => u.InstitutionId == user.InstitutionId && ids.Contains(u.Id) && u.Kind == OrgUnitKind.PartyBranch, ct);
            v.Check(found == ids.Count, nameof(e.BranchIds), "所选党支部不存在。");
        }
        await CheckCommonAsync(db, user, v, e.LeaderId, e.StartsOn, e.EndsOn, ct);
        v.ThrowIfInvalid();
        if (!e.ConfirmOutsideCollege) await WarnOutsideCollegeAsync(db, user, v, e.LeaderId, ids, ct);
        v.ThrowIfInvalid();
        await ApplyAsync(db, user, e.LeaderId, LinkKind.Branch, ids.ToDictionary(id => id, _ => (LinkedPersonCategory?)null),
            DateOnly.FromDateTime(e.StartsOn!.Value), e.EndsOn is { } end ? DateOnly.FromDateTime(end) : null, ct);
    }

    public async Task SaveIndividualsAsync(PortalUser user, IndividualLinksEdit e, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!LianxiAccess.MayAssign(user, LinkKind.Individual)) throw new AccessDeniedException("联系师生由办公室牵头安排。");
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var ids = e.People.Select(p => p.PersonId).Distinct().ToList();
        var v = new Validator();
        var (min, max) = LianxiAccess.Allowed(LinkKind.Individual);
        v.Check(ids.Count >= min && ids.Count <= max, nameof(e.People), "每名党员领导干部应确定 2 至 3 名联系对象（三、2）。");
        v.Check(ids.Count == e.People.Count, nameof(e.People), "同一联系对象不能重复添加。");
        v.Check(!ids.Contains(e.LeaderId), nameof(e.People), "领导干部本人不能作为自己的联系对象。");
        v.Check(e.People.All(p => Enum.IsDefined(p.Category)), nameof(e.People), "请选择联系对象类别。");
        if (ids.Count > 0)
        {
            var found = await db.People.CountAsync(p => p.InstitutionId == user.InstitutionId && ids.Contains(p.Id), ct);
            v.Check(found == ids.Count, nameof(e.People), "所选人员不存在。");
        }
        await CheckCommonAsync(db, user, v, e.LeaderId, e.StartsOn, e.EndsOn, ct);
        v.ThrowIfInvalid();
        if (!e.ConfirmWithoutActivists) await WarnActivistsAsync(db, user, v, e, ct);
        v.ThrowIfInvalid();
        await ApplyAsync(db, user, e.LeaderId, LinkKind.Individual,
            e.People.GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => (LinkedPersonCategory?)g.First().Category),
            DateOnly.FromDateTime(e.StartsOn!.Value), e.EndsOn is { } end ? DateOnly.FromDateTime(end) : null, ct);
    }

    /// <summary>
    /// 三、1 “院(部)党组织班子成员在院(部)范围内确定联系对象”: a leader of a college links that college's branches. Another
    /// college's branch is not refused (机关 leaders are encouraged to link colleges' branches; a college leader may have
    /// reasons) but must be confirmed. Leaders outside any college (school leaders, departments) are not limited here.
    /// </summary>
    private static async Task WarnOutsideCollegeAsync(PortalDbContext db, PortalUser user, Validator v, int leaderId, List<int> branchIds, CancellationToken ct)
    {
        var leaderUnit = await db.People.Where(p => p.Id == leaderId).Select(p => p.UnitId).FirstOrDefaultAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == user.InstitutionId)
            .Select(u => new { u.Id, u.ParentId, u.Kind, u.Name }).ToDictionaryAsync(u => u.Id, ct);
        int? CollegeOf(int? unitId)
        {
            for (var id = unitId; id is int current && units.TryGetValue(current, out var u); id = u.ParentId)
                if (u.Kind == OrgUnitKind.College) return u.Id;
            return null;
        }
        if (CollegeOf(leaderUnit) is not int college) return;
        var outside = branchIds.Where(id => CollegeOf(id) != college).ToList();
        if (outside.Count == 0) return;
        v.Add(nameof(BranchLinksEdit.ConfirmOutsideCollege),
            $"{string.Join("、", outside.Select(id => units[id].Name))} 不在{units[college].Name}，学院班子成员一般联系本学院的党支部（三、1）；如确需联系，请勾选“确认跨学院联系”。");
    }

    /// <summary>
    /// 三、2 “学校党委书记、党员校长还要带头联系 1-2 名优秀青年教师入党积极分子。院部党组织书记常态化联系青年教师入党积极分子”:
    /// a 书记 or 校长 (by position; deputies are not meant) whose set has no 入党积极分子 is warned, and must be confirmed.
    /// </summary>
    private static async Task WarnActivistsAsync(PortalDbContext db, PortalUser user, Validator v, IndividualLinksEdit e, CancellationToken ct)
    {
        var position = await db.People.Where(p => p.Id == e.LeaderId && p.InstitutionId == user.InstitutionId).Select(p => p.Position).FirstOrDefaultAsync(ct) ?? "";
        if (position.Contains('副') || !(position.Contains("书记") || position.Contains("校长"))) return;
        var activists = e.People.Count(p => p.Category == LinkedPersonCategory.PartyActivist);
        var schoolLevel = position.Contains("校长") || position.Contains("党委书记");
        if (schoolLevel && activists is >= 1 and <= 2) return;
        if (!schoolLevel && activists >= 1) return;
        v.Add(nameof(IndividualLinksEdit.ConfirmWithoutActivists), schoolLevel
            ? new PortalMessage("学校党委书记、党员校长应带头联系 1 至 2 名优秀青年教师入党积极分子（三、2），本次为 {0} 名；如确有原因，请勾选“确认联系对象安排”。", activists)
            : new PortalMessage("院部党组织书记应常态化联系青年教师入党积极分子（三、2），本次没有；如确有原因，请勾选“确认联系对象安排”。"));
    }

    /// <summary>Ends every link of a kind from a day on (the leader leaves the post); the last day is the day before.</summary>
    public async Task EndAllAsync(PortalUser user, int leaderId, LinkKind kind, DateTime? lastDay, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!LianxiAccess.MayAssign(user, kind)) throw new AccessDeniedException(kind == LinkKind.Branch ? "联系党支部由组织部安排。" : "联系师生由办公室牵头安排。");
        new Validator().Check(lastDay is not null, "EndsOn", "请填写联系结束日期。").ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var end = DateOnly.FromDateTime(lastDay!.Value);
        var links = await db.Set<LianxiLink>().Where(l => l.InstitutionId == user.InstitutionId && l.LeaderPersonId == leaderId && l.Kind == kind
                                                    && (l.EndsOn == null || l.EndsOn > end)).ToListAsync(ct);
        foreach (var l in links)
        {
            if (l.StartsOn > end) db.Set<LianxiLink>().Remove(l);
            else l.EndsOn = end;
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task CheckCommonAsync(PortalDbContext db, PortalUser user, Validator v, int leaderId, DateTime? starts, DateTime? ends, CancellationToken ct)
    {
        v.Check(starts is not null, "StartsOn", "请填写联系开始日期。");
        v.Check(starts is null || ends is null || ends.Value.Date >= starts.Value.Date, "EndsOn", "结束日期不能早于开始日期。");
        var leader = await db.People.AnyAsync(p => p.Id == leaderId && p.InstitutionId == user.InstitutionId, ct);
        v.Check(leader, "LeaderId", "请选择党员领导干部。");
    }

    /// <summary>
    /// Makes the set from <paramref name="from"/>: a link in the set that is already in force carries on (its end and
    /// category updated); a link not in the set ends the day before (or goes, if it had not started yet); new ones start.
    /// </summary>
    private async Task ApplyAsync(PortalDbContext db, PortalUser user, int leaderId, LinkKind kind, Dictionary<int, LinkedPersonCategory?> set,
        DateOnly from, DateOnly? until, CancellationToken ct)
    {
        var current = await db.Set<LianxiLink>()
            .Where(l => l.InstitutionId == user.InstitutionId && l.LeaderPersonId == leaderId && l.Kind == kind && (l.EndsOn == null || l.EndsOn >= from))
            .ToListAsync(ct);
        var kept = new HashSet<int>();
        foreach (var link in current)
        {
            var key = (kind == LinkKind.Branch ? link.BranchId : link.PersonId) ?? 0;
            if (set.TryGetValue(key, out var category) && kept.Add(key))
            {
                if (link.StartsOn > from) link.StartsOn = from;
                link.EndsOn = until;
                link.Category = category;
            }
            else if (link.StartsOn >= from)
            {
                db.Set<LianxiLink>().Remove(link);
            }
            else
            {
                link.EndsOn = from.AddDays(-1);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, category) in set.Where(kv => !kept.Contains(kv.Key)))
        {
            db.Set<LianxiLink>().Add(new LianxiLink
            {
                InstitutionId = user.InstitutionId, LeaderPersonId = leaderId, Kind = kind,
                BranchId = kind == LinkKind.Branch ? key : null, PersonId = kind == LinkKind.Individual ? key : null, Category = category,
                StartsOn = from, EndsOn = until, AssignedByUserId = user.UserId, AssignedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
