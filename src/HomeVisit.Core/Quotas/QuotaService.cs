using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Quotas;

/// <summary>
/// Quota tracking (issue 3 §3): who owes how many visits in a programme's period, computed from the recorded
/// visits. Nothing is stored; every figure comes from the visits, the leadership rows, the accounts and the
/// rules in force.
/// </summary>
/// <remarks>
/// Cost: matching visitors takes at most three small queries (leadership rows active in the period, accounts
/// with a role, people whose position holds a keyword), and counting takes one grouped query per distinct
/// (count kind, forms) of the rules — GROUP BY visitor person in the database, never a query per person.
/// The overseers' list and roll-up are then assembled in memory from those per-person figures; their size is
/// the number of visitors a programme's rules name (hundreds), not the number of visits.
/// </remarks>
public sealed class QuotaService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeRulesService rulesService, ProgrammeCatalog catalog,
    IEnumerable<IQuotaLinkCounter>? linkCounters = null)
{
    private readonly IReadOnlyList<IQuotaLinkCounter> _linkCounters = [.. linkCounters ?? []];

    /// <summary>
    /// The period that contains <paramref name="day"/> and the rules it is judged by.
    /// <para>
    /// "Each period is judged by the rules in force then": the kind of period (year, half year, semester,
    /// quarter) is itself part of the rules, so it is first read from the rules in force on the day; the quota
    /// lines (who, how many, which forms) then come from the rules in force on that period's <b>start</b>. A rule
    /// change saved mid-year with an effective date of next 1 January therefore leaves this year's requirement
    /// alone and applies from next year.
    /// </para>
    /// <para>
    /// One exception: if the rules at the period's start use another kind of period (or other semester dates),
    /// the period only exists under the newer rules — e.g. a switch from yearly to per-semester quotas effective
    /// in the middle of a semester — and it is judged by the rules in force on the day instead.
    /// </para>
    /// </summary>
    public async Task<(Period Period, ProgrammeRules Rules)> PeriodOnAsync(int institutionId, string key, DateOnly day, CancellationToken ct = default)
    {
        var onDay = await rulesService.RulesOnAsync(institutionId, key, day, ct);
        var period = Periods.Containing(onDay.Period, day, onDay.Semester);
        if (period.Start == day) return (period, onDay);
        var atStart = await rulesService.RulesOnAsync(institutionId, key, period.Start, ct);
        var samePeriods = atStart.Period == onDay.Period && (onDay.Period != PeriodKind.Semester || SameSemester(atStart.Semester, onDay.Semester));
        return (period, samePeriods ? atStart : onDay);
    }

    /// <summary>The period containing the day and the <paramref name="count"/> − 1 before it, newest first, each by the rules of its time.</summary>
    public async Task<IReadOnlyList<Period>> PeriodsAsync(int institutionId, string key, DateOnly day, int count = 5, CancellationToken ct = default)
    {
        var result = new List<Period>(count);
        for (var i = 0; i < count && day.Year >= 2000; i++)
        {
            var (period, _) = await PeriodOnAsync(institutionId, key, day, ct);
            result.Add(period);
            day = period.Start.AddDays(-1);
        }
        return result;
    }

    /// <summary>The signed-in user's own lines for the period containing the day; empty, with a reason, if no quota applies to them.</summary>
    public async Task<MyQuotas> MyQuotasAsync(PortalUser user, string key, DateOnly day, CancellationToken ct = default)
    {
        _ = catalog.Find(key) ?? throw new NotFoundException();
        var (period, rules) = await PeriodOnAsync(user.InstitutionId, key, day, ct);
        if (user.PersonId is not int personId)
            return new(key, period, [], "您的账号未关联人员信息，无法计算家访指标。") { ReasonMessage = new("您的账号未关联人员信息，无法计算家访指标。") };
        if (rules.Quotas.Count == 0)
            return new(key, period, [], $"{period.Label}本项目未设家访数量指标。") { ReasonMessage = new("{0}本项目未设家访数量指标。", period) };

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await ComputeAsync(db, user.InstitutionId, key, period, rules, personId, ct);
        var mine = lines.GetValueOrDefault(personId) ?? [];
        if (mine.Count == 0)
            return new(key, period, mine, $"按{period.Label}的规则，您不在本项目家访指标的适用人员范围内。") { ReasonMessage = new("按{0}的规则，您不在本项目家访指标的适用人员范围内。", period) };
        // As the visit list's 逾期未完成 with 只看我的 (VisitService.ListAsync): open plans of a day before today, by their planned day.
        var (from, to, startOfToday) = (period.StartTime, period.EndExclusive, db.Clock.StartOfToday());
        var overdue = await db.Visits.CountAsync(v => v.InstitutionId == user.InstitutionId && v.ProgrammeKey == key
            && (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Notified) && v.PlannedStart < startOfToday
            && v.EffectiveStart >= from && v.EffectiveStart < to && v.Visitors.Any(x => x.PersonId == personId), ct);
        return new(key, period, mine, null) { Overdue = overdue };
    }

    /// <summary>
    /// One person's lines for the period containing the day, without an access check: for services that have checked
    /// that the caller may see that person's plans (a module's yearly visit plans, kept by a liaison for a leader). Public
    /// because modules are their own assemblies; the caller owns the access check.
    /// </summary>
    public async Task<(Period Period, IReadOnlyList<QuotaLine> Lines)> LinesOfPersonAsync(int institutionId, string key, int personId,
        DateOnly day, CancellationToken ct = default)
    {
        var (period, rules) = await PeriodOnAsync(institutionId, key, day, ct);
        if (rules.Quotas.Count == 0) return (period, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await ComputeAsync(db, institutionId, key, period, rules, personId, ct);
        return (period, lines.GetValueOrDefault(personId) ?? []);
    }

    /// <summary>
    /// Every visitor's lines for the period containing the day, without an access check: for the reminder job, which
    /// tells each account only its own gaps. One computation for the institution, not one per account (the same
    /// matching and counting as <see cref="MyQuotasAsync"/>, which only narrows them to one person).
    /// </summary>
    internal async Task<(Period Period, IReadOnlyDictionary<int, List<QuotaLine>> Lines)> LinesOfEveryoneAsync(int institutionId, string key,
        DateOnly day, CancellationToken ct = default)
    {
        var (period, rules) = await PeriodOnAsync(institutionId, key, day, ct);
        if (rules.Quotas.Count == 0) return (period, new Dictionary<int, List<QuotaLine>>());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (period, await ComputeAsync(db, institutionId, key, period, rules, null, ct));
    }

    /// <summary>
    /// <see cref="LinesOfEveryoneAsync"/> narrowed to one person in the database (their leaderships, account and visits
    /// only): for the start page's reminders of one account.
    /// </summary>
    internal async Task<(Period Period, IReadOnlyDictionary<int, List<QuotaLine>> Lines)> LinesOfOneAsync(int institutionId, string key,
        int personId, DateOnly day, CancellationToken ct = default)
    {
        var (period, rules) = await PeriodOnAsync(institutionId, key, day, ct);
        if (rules.Quotas.Count == 0) return (period, new Dictionary<int, List<QuotaLine>>());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (period, await ComputeAsync(db, institutionId, key, period, rules, personId, ct));
    }

    /// <summary>Whether the user may see every visitor's quotas of the programme in their institution.</summary>
    public bool CanOversee(PortalUser user, string key) =>
        catalog.Find(key) is { } module && (user.IsAnyRole(module.OverseerRoles) || ProgrammeRulesService.IsRuleAdmin(user, module));

    /// <summary>
    /// Every visitor the programme's quotas name, with their lines, for overseers. <paramref name="unitId"/> keeps
    /// the visitors whose unit is that unit or under it; <paramref name="behindOnly"/> those who still owe visits.
    /// Sorted by most owed, then unit, then name.
    /// </summary>
    public async Task<VisitorQuotaPage> VisitorQuotasAsync(PortalUser user, string key, DateOnly day, int? unitId, bool behindOnly,
        int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var (period, list) = await AllVisitorQuotasAsync(user, key, day, unitId, behindOnly, ct);
        var items = list.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new(period, new PagedResult<VisitorQuotaRow>(items, list.Count, page, pageSize));
    }

    /// <summary>
    /// <see cref="VisitorQuotasAsync"/> without paging, in the same order: for views that need every visitor at once (a
    /// programme's plan overview), so the figures are computed once rather than once per page.
    /// </summary>
    public async Task<(Period Period, IReadOnlyList<VisitorQuotaRow> Rows)> AllVisitorQuotasAsync(PortalUser user, string key, DateOnly day,
        int? unitId, bool behindOnly, CancellationToken ct = default)
    {
        EnsureOverseer(user, key);
        var (period, rules) = await PeriodOnAsync(user.InstitutionId, key, day, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        HashSet<int>? subtree = null;
        if (unitId is int root)
        {
            var units = await UnitsAsync(db, user.InstitutionId, ct);
            if (!units.ContainsKey(root)) throw new NotFoundException("单位不存在。");
            subtree = units.Keys.Where(u => IsUnder(units, u, root)).ToHashSet();
        }
        var rows = await VisitorRowsAsync(db, user.InstitutionId, key, period, rules, subtree, ct);
        IEnumerable<VisitorQuotaRow> filtered = rows;
        if (behindOnly) filtered = filtered.Where(r => r.Behind);
        var list = filtered.OrderByDescending(r => r.Owed).ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.PersonId).ToList();
        return (period, list);
    }

    /// <summary>
    /// Per top-level unit (the children of the organisation's root, each with its sub-units) that has visitors:
    /// how many, how many are on track or behind, and the required and done sums; plus the institution total. Visitors placed at the
    /// root itself (the school's own leaders) get the root's row; visitors without a unit a row of their own.
    /// </summary>
    public async Task<UnitRollup> UnitRollupAsync(PortalUser user, string key, DateOnly day, CancellationToken ct = default)
    {
        EnsureOverseer(user, key);
        var (period, rules) = await PeriodOnAsync(user.InstitutionId, key, day, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await VisitorRowsAsync(db, user.InstitutionId, key, period, rules, null, ct);
        var units = await UnitsAsync(db, user.InstitutionId, ct);

        UnitQuotaRow Sum(int? id, string name, IEnumerable<VisitorQuotaRow> group)
        {
            var g = group.ToList();
            return new(id, name, g.Count, g.Count(r => !r.Behind), g.Count(r => r.Behind), g.Sum(r => r.Required),
                g.Sum(r => r.Lines.Sum(l => Math.Min(l.Done, l.Required))));
        }

        var byTop = rows.GroupBy(r => r.UnitId is int u && units.ContainsKey(u) ? TopLevel(units, u) : (int?)null).ToList();
        var result = new List<UnitQuotaRow>();
        // Top-level units in tree order; a unit none of whose people carry a quota (a party branch, say) is left out.
        var tops = units.Values.Where(u => u.ParentId is null || (units.TryGetValue(u.ParentId.Value, out var p) && p.ParentId is null))
            .OrderBy(u => u.ParentId is null ? 0 : 1).ThenBy(u => u.SortOrder).ThenBy(u => u.Id).ToList();
        foreach (var top in tops)
        {
            var group = byTop.FirstOrDefault(g => g.Key == top.Id);
            if (group is not null) result.Add(Sum(top.Id, top.Name, group));
        }
        if (byTop.FirstOrDefault(g => g.Key is null) is { } noUnit) result.Add(Sum(null, "未分配单位", noUnit));
        return new(period, result, Sum(null, "全校（单位）合计", rows));
    }

    private void EnsureOverseer(PortalUser user, string key)
    {
        _ = catalog.Find(key) ?? throw new NotFoundException();
        if (!CanOversee(user, key)) throw new AccessDeniedException("只有项目管理员和监督部门可以查看全部人员的家访指标。");
    }

    private async Task<List<VisitorQuotaRow>> VisitorRowsAsync(PortalDbContext db, int institutionId, string key, Period period,
        ProgrammeRules rules, IReadOnlyCollection<int>? units, CancellationToken ct)
    {
        if (rules.Quotas.Count == 0) return [];
        var lines = await ComputeAsync(db, institutionId, key, period, rules, null, ct);
        var ids = lines.Keys.ToList();
        var visitors = db.People.AsNoTracking().Where(p => p.InstitutionId == institutionId && ids.Contains(p.Id));
        if (units is not null) visitors = visitors.Where(p => p.UnitId != null && units.Contains(p.UnitId.Value));
        var people = await visitors
            .Select(p => new { p.Id, p.Name, p.UnitId, UnitName = p.Unit!.Name })
            .ToListAsync(ct);
        return people.Select(p =>
        {
            var l = lines[p.Id];
            return new VisitorQuotaRow(p.Id, p.Name, p.UnitId, p.UnitName, l, l.Sum(x => x.Owed));
        }).ToList();
    }

    /// <summary>Each matched visitor's lines; only <paramref name="onlyPerson"/> when given.</summary>
    private Task<Dictionary<int, List<QuotaLine>>> ComputeAsync(PortalDbContext db, int institutionId, string key, Period period,
        ProgrammeRules rules, int? onlyPerson, CancellationToken ct) =>
        ComputeAsync(db, institutionId, key, period, rules, onlyPerson, _linkCounters, ct);

    private static async Task<Dictionary<int, List<QuotaLine>>> ComputeAsync(PortalDbContext db, int institutionId, string key, Period period,
        ProgrammeRules rules, int? onlyPerson, IReadOnlyList<IQuotaLinkCounter> linkCounters, CancellationToken ct)
    {
        var matched = await MatchAsync(db, institutionId, rules, period, onlyPerson, ct);
        // Per-link rules (seed 4 四、1, 四、2) apply to whoever has such links, account or not, and owe the minimum per link.
        var perLink = rules.Quotas.Any(q => q.Per != QuotaPer.Visitor) && linkCounters.FirstOrDefault(c => c.ProgrammeKey == key) is { } counter
            ? await counter.TallyAsync(db, institutionId, period, rules, onlyPerson, ct)
            : [];

        // One grouped query per distinct way of counting; rules that count the same forms the same way share it.
        var counts = new Dictionary<string, Dictionary<int, (int Done, int Planned)>>(StringComparer.Ordinal);
        var result = new Dictionary<int, List<QuotaLine>>();
        for (var i = 0; i < rules.Quotas.Count; i++)
        {
            var rule = rules.Quotas[i];
            if (rule.Per != QuotaPer.Visitor)
            {
                foreach (var (personId, links) in perLink.GetValueOrDefault(i) ?? [])
                {
                    if (links.Count == 0) continue;
                    if (!result.TryGetValue(personId, out var lines)) result[personId] = lines = [];
                    lines.Add(LinkLine(i, rule, period, links));
                }
                continue;
            }
            if (matched[i].Count == 0) continue;
            var forms = (rule.Forms.Count > 0 ? rule.Forms : rules.AllowedForms).Distinct().OrderBy(f => f.Value, StringComparer.Ordinal).ToList();
            var countKey = $"{rule.Count}:{string.Join(',', forms)}";
            if (!counts.TryGetValue(countKey, out var byPerson))
                counts[countKey] = byPerson = await CountAsync(db, institutionId, key, period, rule.Count, forms, EstablishmentScope.Limits(rules), onlyPerson, ct);
            foreach (var personId in matched[i])
            {
                var (done, planned) = byPerson.GetValueOrDefault(personId);
                if (!result.TryGetValue(personId, out var lines)) result[personId] = lines = [];
                lines.Add(Line(i, rule, period, done, planned));
            }
        }
        return result;
    }

    /// <summary>For each quota rule, the people it applies to in the period.</summary>
    private static async Task<List<HashSet<int>>> MatchAsync(PortalDbContext db, int institutionId, ProgrammeRules rules, Period period,
        int? onlyPerson, CancellationToken ct)
    {
        var matched = rules.Quotas.Select(_ => new HashSet<int>()).ToList();

        if (rules.Quotas.Any(q => q.LeadershipRoles.Count > 0 || q.UnitKinds.Count > 0))
        {
            var leaderships = db.UnitLeaderships.AsNoTracking()
                .Where(l => l.InstitutionId == institutionId
                            && (l.StartsOn == null || l.StartsOn <= period.End)
                            && (l.EndsOn == null || l.EndsOn >= period.Start));
            if (onlyPerson is int p) leaderships = leaderships.Where(l => l.PersonId == p);
            var rows = await leaderships.Select(l => new { l.PersonId, l.Role, l.Unit!.Kind }).ToListAsync(ct);
            for (var i = 0; i < rules.Quotas.Count; i++)
            {
                var q = rules.Quotas[i];
                if (q.Per != QuotaPer.Visitor || (q.LeadershipRoles.Count == 0 && q.UnitKinds.Count == 0)) continue;
                foreach (var r in rows)
                {
                    if ((q.LeadershipRoles.Count == 0 || q.LeadershipRoles.Contains(r.Role)) && (q.UnitKinds.Count == 0 || q.UnitKinds.Contains(r.Kind)))
                        matched[i].Add(r.PersonId);
                }
            }
        }

        var portalRoles = rules.Quotas.SelectMany(q => q.PortalRoles).Distinct().ToList();
        if (portalRoles.Count > 0)
        {
            var accounts = db.UserAccounts.AsNoTracking()
                .Where(a => a.InstitutionId == institutionId && a.PersonId != null && !a.IsDisabled && a.Roles.Any(r => portalRoles.Contains(r)));
            if (onlyPerson is int p) accounts = accounts.Where(a => a.PersonId == p);
            var rows = await accounts.Select(a => new { PersonId = a.PersonId!.Value, a.Roles }).ToListAsync(ct);
            for (var i = 0; i < rules.Quotas.Count; i++)
            {
                var q = rules.Quotas[i];
                foreach (var r in rows)
                    if (q.PortalRoles.Any(r.Roles.Contains)) matched[i].Add(r.PersonId);
            }
        }

        var keywords = rules.Quotas.SelectMany(q => q.PositionKeywords).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct().ToList();
        foreach (var keyword in keywords)
        {
            var people = db.People.AsNoTracking().Where(x => x.InstitutionId == institutionId && x.Position != null && x.Position.Contains(keyword));
            if (onlyPerson is int p) people = people.Where(x => x.Id == p);
            var ids = await people.Select(x => x.Id).ToListAsync(ct);
            for (var i = 0; i < rules.Quotas.Count; i++)
                if (rules.Quotas[i].PositionKeywords.Contains(keyword)) matched[i].UnionWith(ids);
        }
        return matched;
    }

    /// <summary>
    /// Done and planned counts per visitor person for one way of counting, in one grouped query. A visit counts
    /// in the period its actual start falls in, or its planned start while it has none; cancelled visits never count,
    /// and a plan for a day before today is overdue, not planned (<see cref="VisitSchedule"/>).
    /// When the programme visits in-establishment staff only, people outside that scope are not counted (the same
    /// <see cref="EstablishmentScope"/> the visit form and the plans apply).
    /// </summary>
    private static async Task<Dictionary<int, (int Done, int Planned)>> CountAsync(PortalDbContext db, int institutionId, string key,
        Period period, QuotaCount count, List<VisitForm> forms, bool inEstablishmentOnly, int? onlyPerson, CancellationToken ct)
    {
        var start = period.StartTime;
        var end = period.EndExclusive;
        var today = db.Clock.StartOfToday();
        var visitors = db.VisitVisitors.AsNoTracking()
            .Where(vv => vv.Visit!.InstitutionId == institutionId && vv.Visit.ProgrammeKey == key
                         && (vv.Visit.Status == VisitStatus.Done
                             || ((vv.Visit.Status == VisitStatus.Planned || vv.Visit.Status == VisitStatus.Notified) && vv.Visit.PlannedStart >= today))
                         && forms.Contains(vv.Visit.Form)
                         && vv.Visit.EffectiveStart >= start
                         && vv.Visit.EffectiveStart < end);
        if (onlyPerson is int p) visitors = visitors.Where(vv => vv.PersonId == p);

        var rows = count == QuotaCount.Visits
            ? await visitors
                .GroupBy(vv => new { vv.PersonId, Done = vv.Visit!.Status == VisitStatus.Done })
                .Select(g => new { g.Key.PersonId, g.Key.Done, N = g.Count() })
                .ToListAsync(ct)
            : await (from vv in visitors
                     join t in (inEstablishmentOnly ? db.VisitTargets.Where(t => db.People.Where(EstablishmentScope.Includes).Any(p => p.Id == t.PersonId)) : db.VisitTargets)
                         on vv.VisitId equals t.VisitId
                     where t.PersonId != null
                     group t.PersonId by new { vv.PersonId, Done = vv.Visit!.Status == VisitStatus.Done } into g
                     select new { g.Key.PersonId, g.Key.Done, N = g.Distinct().Count() })
                .ToListAsync(ct);

        var result = new Dictionary<int, (int Done, int Planned)>();
        foreach (var r in rows)
        {
            var (done, planned) = result.GetValueOrDefault(r.PersonId);
            result[r.PersonId] = r.Done ? (done + r.N, planned) : (done, planned + r.N);
        }
        return result;
    }

    /// <summary>
    /// A per-link line: the minimum is owed for each link, and each link's done visits count up to its minimum, so
    /// four talks with one linked teacher do not cover another never talked to.
    /// </summary>
    private static QuotaLine LinkLine(int index, QuotaRule rule, Period period, IReadOnlyList<LinkTally> links)
    {
        var required = rule.Minimum * links.Count;
        var done = links.Sum(l => Math.Min(l.Done, rule.Minimum));
        var planned = links.Sum(l => l.Planned);
        var owed = required - done;
        return new(index, rule.Name, rule.Source, rule.Count, "次", required, done, planned, owed, LinkReason(rule, period, links.Count, required, done, planned, owed))
        {
            ReasonMessage = LinkReasonMessage(rule, period, links.Count, required, done, planned, owed),
        };
    }

    /// <summary>
    /// <see cref="LinkReason"/> as a core message, so the page shows it in the user's language (the rule's name and
    /// source through the programme's texts).
    /// </summary>
    public static PortalMessage LinkReasonMessage(QuotaRule rule, Period period, int links, int required, int done, int planned, int owed)
    {
        var every = Every(period);
        PortalMessage basis = string.IsNullOrWhiteSpace(rule.Source) ? new("") : new("依据{0}，", rule.Source.Trim());
        // "1 次" on its own so that English says "once", not "1 times".
        var minimum = rule.Minimum == 1 ? new PortalMessage("1 次") : new PortalMessage("{0} 次", rule.Minimum);
        // One template per kind of link and per owed/met, so each reads naturally in English too.
        var template = (rule.Per, owed > 0) switch
        {
            (QuotaPer.LinkedBranch, true) => "{0}：{1}{2}{3}每个联系党支部不少于 {4}（{5} 个，共 {6} 次）；已完成 {7} 次，已安排 {8} 次，尚差 {9} 次。",
            (QuotaPer.LinkedBranch, false) => "{0}：{1}{2}{3}每个联系党支部不少于 {4}（{5} 个，共 {6} 次）；已完成 {7} 次，已安排 {8} 次，已达到要求。",
            (QuotaPer.LinkedBranchSecretary, true) => "{0}：{1}{2}{3}与每个联系党支部的书记不少于 {4}（{5} 个，共 {6} 次）；已完成 {7} 次，已安排 {8} 次，尚差 {9} 次。",
            (QuotaPer.LinkedBranchSecretary, false) => "{0}：{1}{2}{3}与每个联系党支部的书记不少于 {4}（{5} 个，共 {6} 次）；已完成 {7} 次，已安排 {8} 次，已达到要求。",
            (_, true) => "{0}：{1}{2}{3}与每名联系对象不少于 {4}（{5} 名，共 {6} 次）；已完成 {7} 次，已安排 {8} 次，尚差 {9} 次。",
            (_, false) => "{0}：{1}{2}{3}与每名联系对象不少于 {4}（{5} 名，共 {6} 次）；已完成 {7} 次，已安排 {8} 次，已达到要求。",
        };
        return new(template, period, basis, rule.Name, every, minimum, links, required, done, planned, owed);
    }

    /// <summary>E.g. “2026-2027学年第一学期：依据四、1，参加联系党支部活动、指导工作每学期每个联系党支部不少于 2 次（2 个，共 4 次）；已完成 3 次，已安排 0 次，尚差 1 次。”</summary>
    public static string LinkReason(QuotaRule rule, Period period, int links, int required, int done, int planned, int owed)
    {
        var (each, measure) = rule.Per switch
        {
            QuotaPer.LinkedBranch => ("每个联系党支部", "个"),
            QuotaPer.LinkedBranchSecretary => ("与每个联系党支部的书记", "个"),
            _ => ("与每名联系对象", "名"),
        };
        var basis = string.IsNullOrWhiteSpace(rule.Source) ? "" : $"依据{rule.Source.Trim()}，";
        var tail = owed > 0 ? $"尚差 {owed} 次。" : "已达到要求。";
        return $"{period.Label}：{basis}{rule.Name}{Every(period)}{each}不少于 {rule.Minimum} 次（{links} {measure}，共 {required} 次）；已完成 {done} 次，已安排 {planned} 次，{tail}";
    }

    private static QuotaLine Line(int index, QuotaRule rule, Period period, int done, int planned)
    {
        var unit = rule.Count == QuotaCount.DistinctPeople ? "人" : "次";
        var owed = Math.Max(0, rule.Minimum - done);
        return new(index, rule.Name, rule.Source, rule.Count, unit, rule.Minimum, done, planned, owed, Reason(rule, period, done, planned, owed, unit))
        {
            ReasonMessage = ReasonMessage(rule, period, done, planned, owed, unit),
        };
    }

    /// <summary>
    /// <see cref="Reason"/> as a core message (Chinese template, arguments), so the page shows it in the user's language;
    /// the rule's name and source are the institution's own words and stay as entered.
    /// </summary>
    public static PortalMessage ReasonMessage(QuotaRule rule, Period period, int done, int planned, int owed, string unit)
    {
        var every = period.Kind switch
        {
            PeriodKind.Year => "每年",
            PeriodKind.HalfYear => "每半年",
            PeriodKind.Semester => "每学期",
            PeriodKind.Quarter => "每季度",
            _ => "每期",
        };
        var visits = !(rule.Count == QuotaCount.Visits && rule.Forms.Count > 0 && !rule.Forms.Contains(VisitForm.HomeVisit));
        PortalMessage basis = string.IsNullOrWhiteSpace(rule.Source) ? new("") : new("依据{0}，", rule.Source.Trim());
        // One template per wording (with or without 家访, owed or met) so each reads naturally in English too.
        var template = (visits, owed > 0) switch
        {
            (true, true) => "{0}：{1}{2}{3}家访不少于 {4} {5}；已完成 {6} {5}，已安排 {7} {5}，尚差 {8} {5}。",
            (true, false) => "{0}：{1}{2}{3}家访不少于 {4} {5}；已完成 {6} {5}，已安排 {7} {5}，已达到要求。",
            (false, true) => "{0}：{1}{2}{3}不少于 {4} {5}；已完成 {6} {5}，已安排 {7} {5}，尚差 {8} {5}。",
            (false, false) => "{0}：{1}{2}{3}不少于 {4} {5}；已完成 {6} {5}，已安排 {7} {5}，已达到要求。",
        };
        return new(template, period, basis, rule.Name, every, rule.Minimum, unit, done, planned, owed);
    }

    /// <summary>E.g. “2026年度：依据第四条（四），二级学院（教学部）领导每年家访不少于 4 人；已完成 1 人，已安排 1 人，尚差 3 人。”</summary>
    public static string Reason(QuotaRule rule, Period period, int done, int planned, int owed, string unit)
    {
        var every = Every(period);
        // Counting visits of activities other than home visits (a programme's activities such as branch meetings) reads without 家访.
        var verb = rule.Count == QuotaCount.Visits && rule.Forms.Count > 0 && !rule.Forms.Contains(VisitForm.HomeVisit) ? "" : "家访";
        var basis = string.IsNullOrWhiteSpace(rule.Source) ? "" : $"依据{rule.Source.Trim()}，";
        var tail = owed > 0 ? $"尚差 {owed} {unit}。" : "已达到要求。";
        return $"{period.Label}：{basis}{rule.Name}{every}{verb}不少于 {rule.Minimum} {unit}；已完成 {done} {unit}，已安排 {planned} {unit}，{tail}";
    }

    private static string Every(Period period) => period.Kind switch
    {
        PeriodKind.Year => "每年",
        PeriodKind.HalfYear => "每半年",
        PeriodKind.Semester => "每学期",
        PeriodKind.Quarter => "每季度",
        _ => "每期",
    };

    private sealed record UnitNode(int Id, int? ParentId, string Name, int SortOrder);

    private static async Task<Dictionary<int, UnitNode>> UnitsAsync(PortalDbContext db, int institutionId, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institutionId)
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.SortOrder))
            .ToDictionaryAsync(u => u.Id, ct);

    private static bool IsUnder(Dictionary<int, UnitNode> units, int unitId, int ancestorId)
    {
        int? id = unitId;
        for (var guard = 0; id is int current && guard < 100; guard++)
        {
            if (current == ancestorId) return true;
            id = units.GetValueOrDefault(current)?.ParentId;
        }
        return false;
    }

    /// <summary>The unit's ancestor just below a root (itself if it is one), or the root itself.</summary>
    private static int TopLevel(Dictionary<int, UnitNode> units, int unitId)
    {
        var current = units[unitId];
        for (var guard = 0; guard < 100 && current.ParentId is int parentId && units.TryGetValue(parentId, out var parent) && parent.ParentId is not null; guard++)
            current = parent;
        return current.Id;
    }

    /// <summary>
    /// The period containing the day and the rules that judge it, given the rules in force on each day: the same
    /// choice as <see cref="PeriodOnAsync"/>, for a rule history that is not saved yet (a proposed back-dated change).
    /// </summary>
    internal static (Period Period, ProgrammeRules Rules) PeriodOn(Func<DateOnly, ProgrammeRules> rulesOn, DateOnly day)
    {
        var onDay = rulesOn(day);
        var period = Periods.Containing(onDay.Period, day, onDay.Semester);
        if (period.Start == day) return (period, onDay);
        var atStart = rulesOn(period.Start);
        var samePeriods = atStart.Period == onDay.Period && (onDay.Period != PeriodKind.Semester || SameSemester(atStart.Semester, onDay.Semester));
        return (period, samePeriods ? atStart : onDay);
    }

    /// <summary>Every visitor's lines for a period judged by the given rules (no access check; for rule-change previews).</summary>
    internal static Task<Dictionary<int, List<QuotaLine>>> LinesUnderAsync(PortalDbContext db, int institutionId, string key, Period period,
        ProgrammeRules rules, IReadOnlyList<IQuotaLinkCounter> linkCounters, CancellationToken ct) =>
        rules.Quotas.Count == 0 ? Task.FromResult(new Dictionary<int, List<QuotaLine>>()) : ComputeAsync(db, institutionId, key, period, rules, null, linkCounters, ct);

    private static bool SameSemester(SemesterStarts a, SemesterStarts b) =>
        a.SpringMonth == b.SpringMonth && a.SpringDay == b.SpringDay && a.AutumnMonth == b.AutumnMonth && a.AutumnDay == b.AutumnDay;
}
