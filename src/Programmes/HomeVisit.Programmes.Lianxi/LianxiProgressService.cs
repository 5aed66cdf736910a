using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianxi;

/// <summary>
/// 联系师生 per semester, per leader and per link (seed 4 四、1, 四、2, 四、5). <see cref="QuotaService"/> counts a
/// leader's activities of each form; this service counts them for each linked branch and individual: branch
/// activities and reports with that branch as target, talks with that branch's secretary (or with the branch),
/// talks with each linked individual, and the care visits (走访慰问) with their occasion.
/// </summary>
/// <remarks>
/// Minimums come from the programme's rules in force at the semester's start, read by form: the quota counting
/// 参加支部活动 is per branch, 听取支部汇报 per branch; of the 谈心谈话 quotas the one named for the 书记 is per
/// branch secretary and the one named for the 联系对象 per individual (else the first and second, else the seed's
/// 2, 2, 1, 2). A visit counts for a link when it falls in the semester and in the link's own days; done visits
/// count as done, planned or notified ones as planned, cancelled ones never.
/// </remarks>
public sealed class LianxiProgressService(IDbContextFactory<PortalDbContext> dbFactory, QuotaService quotas, ProgrammeAccess access, TimeProvider clock)
{
    /// <summary>The semester containing the day and the ones before it, newest first.</summary>
    public async Task<IReadOnlyList<Period>> SemestersAsync(PortalUser user, DateOnly? day = null, int count = 6, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        return await quotas.PeriodsAsync(user.InstitutionId, LianxiAccess.ProgrammeKey, day ?? clock.Today(), count, ct);
    }

    public async Task<LeaderProgress> ProgressAsync(PortalUser user, int leaderId, DateOnly? day = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!LianxiAccess.MaySee(user, leaderId)) throw new AccessDeniedException("只能查看本人的联系工作情况。");
        var (period, rules) = await quotas.PeriodOnAsync(user.InstitutionId, LianxiAccess.ProgrammeKey, day ?? clock.Today(), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await ComputeAsync(db, user.InstitutionId, period, rules, [leaderId], ProblemsOn(period), ct);
        return result.FirstOrDefault() ?? throw new NotFoundException();
    }

    /// <summary>四、5: every linked leader's semester, grouped by college (top-level unit), with the school-wide total. Overseers only.</summary>
    public async Task<SemesterSummary> SummaryAsync(PortalUser user, DateOnly? day = null, int? unitId = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!LianxiAccess.Oversees(user)) throw new AccessDeniedException("学期总结由办公室、组织部等部门汇总。");
        var (period, rules) = await quotas.PeriodOnAsync(user.InstitutionId, LianxiAccess.ProgrammeKey, day ?? clock.Today(), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leaderIds = await LinkedLeadersAsync(db, user.InstitutionId, period, ct);
        var progress = await ComputeAsync(db, user.InstitutionId, period, rules, leaderIds, ProblemsOn(period), ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == user.InstitutionId)
            .Select(u => new { u.Id, u.ParentId, u.Name, u.SortOrder }).ToDictionaryAsync(u => u.Id, ct);
        var leaderUnits = await db.People.Where(p => leaderIds.Contains(p.Id)).Select(p => new { p.Id, p.UnitId }).ToDictionaryAsync(p => p.Id, p => p.UnitId, ct);

        int? Top(int? id)
        {
            if (id is not int u || !units.ContainsKey(u)) return null;
            var current = units[u];
            for (var guard = 0; guard < 100 && current.ParentId is int parent && units.TryGetValue(parent, out var p) && p.ParentId is not null; guard++)
                current = p;
            return current.Id;
        }
        bool Under(int? id, int root)
        {
            for (var guard = 0; guard < 100 && id is int current; guard++)
            {
                if (current == root) return true;
                id = units.GetValueOrDefault(current)?.ParentId;
            }
            return false;
        }

        var rows = progress
            .Where(p => unitId is null || Under(leaderUnits.GetValueOrDefault(p.LeaderId), unitId.Value))
            .Select(p => (Top: Top(leaderUnits.GetValueOrDefault(p.LeaderId)), Row: new SummaryRow(p.LeaderId, p.Name, p.Position, p.UnitName,
                p.Branches.Count, p.Individuals.Count, p.Required, p.Done,
                p.Individuals.Sum(i => i.CareVisits.Count(c => c.Status == VisitStatus.Done)) + p.OtherCareVisits.Count(c => c.Status == VisitStatus.Done),
                p.Met, Shortfalls(p))))
            .ToList();
        var groups = rows.GroupBy(r => r.Top)
            .Select(g => new UnitSummary(g.Key, g.Key is int id ? units[id].Name : "未分配单位",
                g.Select(x => x.Row).OrderBy(r => r.Met).ThenBy(r => r.Name, StringComparer.Ordinal).ToList()))
            .OrderBy(u => u.UnitId is int id ? (units[id].ParentId is null ? 0 : 1) : 2)
            .ThenBy(u => u.UnitId is int id ? units[id].SortOrder : int.MaxValue).ThenBy(u => u.UnitId)
            .ToList();
        return new SemesterSummary(period, groups, new UnitSummary(null, "全校合计", rows.Select(r => r.Row).ToList()));
    }

    public static readonly IReadOnlyList<string> SummaryColumns =
        ["学院（部门）", "党员领导干部", "职务", "联系党支部", "联系对象", "应完成", "已完成", "走访慰问", "是否达到要求", "差距"];

    /// <summary>
    /// 四、5 学期总结 as .xlsx: the same <see cref="SummaryAsync"/> figures as the page — each leader by college, the
    /// college's line and the school-wide total. Overseers only (the caller audits the export).
    /// </summary>
    public async Task<SemesterSummary> WriteSummaryXlsxAsync(PortalUser user, DateOnly? day, int? unitId, Stream output, CancellationToken ct = default)
    {
        var s = await SummaryAsync(user, day, unitId, ct);
        using var xlsx = new HomeVisit.Core.Exports.XlsxWriter(output);
        xlsx.StartSheet("学期总结", [20, 14, 16, 10, 10, 10, 10, 10, 12, 50]);
        xlsx.TitleRow($"{s.Period.Label}党员领导干部联系党支部、联系师生工作总结", SummaryColumns.Count);
        xlsx.NoteRow($"统计期间：{s.Period.Start:yyyy-MM-dd} 至 {s.Period.End:yyyy-MM-dd}（四、5 每学期末总结）", SummaryColumns.Count);
        xlsx.HeaderRow(SummaryColumns);
        foreach (var unit in s.Units)
        {
            foreach (var l in unit.Leaders)
                xlsx.Row([unit.UnitName, l.Name, l.Position, l.Branches, l.Individuals, l.Required, l.Done, l.CareVisits, l.Met ? "是" : "否",
                    l.Shortfalls.Count == 0 ? "已达到要求" : string.Join("；", l.Shortfalls)]);
            xlsx.Row([$"{unit.UnitName}小计", $"{unit.Leaders.Count} 人", null, null, null, unit.Required, unit.Done, null, $"{unit.MetCount} 人", $"完成率 {unit.Percent}%"]);
        }
        xlsx.Row([s.Total.UnitName, $"{s.Total.Leaders.Count} 人", null, null, null, s.Total.Required, s.Total.Done, null, $"{s.Total.MetCount} 人", $"完成率 {s.Total.Percent}%"]);
        return s;
    }

    /// <summary>附件 工作记录表 of one leader for one semester: the links and every recorded activity with its date and account.</summary>
    public async Task<RecordTable> RecordTableAsync(PortalUser user, int leaderId, DateOnly? day = null, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianxiAccess.ProgrammeKey);
        if (!LianxiAccess.MaySee(user, leaderId)) throw new AccessDeniedException("只能查看本人的联系工作记录。");
        var (period, _) = await quotas.PeriodOnAsync(user.InstitutionId, LianxiAccess.ProgrammeKey, day ?? clock.Today(), ct);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var leader = (await LianxiLinkService.LoadAsync(db, user.InstitutionId, [leaderId], period.Start, period.End, ct)).FirstOrDefault()
                     ?? throw new NotFoundException();
        var visits = await LeaderVisits(db, user.InstitutionId, period, [leaderId])
            .Where(v => v.Status == VisitStatus.Done)
            .OrderBy(v => v.EffectiveStart)
            .Select(v => new
            {
                v.Id, When = v.EffectiveStart, v.Form, v.Record, v.FormDataJson,
                Targets = v.Targets.Select(t => t.Person != null ? t.Person.Name : t.OrgUnit!.Name).ToList(),
            })
            .ToListAsync(ct);
        // The record table carries what was said in talks: reading it is audited like a visit's record.
        db.AuditRead("LianxiRecordTable", leaderId, period.Label);
        await db.SaveChangesAsync(ct);
        var entries = visits.Select(v =>
        {
            var occasion = VisitFormData.Parse(v.FormDataJson).GetValueOrDefault("Occasion");
            var head = $"{FormName(v.Form)}（{string.Join("、", v.Targets)}）{(string.IsNullOrEmpty(occasion) ? "" : $"，事由：{occasion}")}";
            return new RecordEntry(v.When, $"{head}：{v.Record}");
        }).ToList();
        return new RecordTable(period, leader.Name, leader.Position,
            leader.Branches.Select(b => b.Name).Distinct().ToList(),
            leader.Individuals.Select(i => i.Category is { } c ? $"{i.Name}（{LianxiAccess.CategoryName(c)}）" : i.Name).Distinct().ToList(),
            entries);
    }

    // What falls short of 三、1 / 三、2 is judged today while the semester runs, else on its first or last day.
    private DateOnly ProblemsOn(Period period)
    {
        var today = clock.Today();
        return today < period.Start ? period.Start : today > period.End ? period.End : today;
    }

    // The work record's words: a 上门家访 of 联系师生 is a 走访慰问.
    private static string FormName(VisitForm f) =>
        f == VisitForm.HomeVisit ? "走访慰问" : (VisitForms.Find(f, null) ?? LianxiForms.Added.FirstOrDefault(a => a.Form == f))?.Name ?? f.Value;

    private static IQueryable<Visit> LeaderVisits(PortalDbContext db, int institutionId, Period period, IReadOnlyCollection<int> leaderIds)
    {
        var start = period.StartTime;
        var end = period.EndExclusive;
        var visits = db.Visits.AsNoTracking().Where(v => v.InstitutionId == institutionId && v.ProgrammeKey == LianxiAccess.ProgrammeKey
            && v.Status != VisitStatus.Cancelled
            && v.EffectiveStart >= start && v.EffectiveStart < end);
        // A few leaders (one leader's page, the start page's reminders): their visits by id from their visitor rows
        // (IX_VisitVisitors_PersonId), a few hundred each. A correlated EXISTS made the database walk the whole semester's
        // 联系师生 visits for each of the split query's statements (docs/performance.md, fourth round). For every linked
        // leader at once (the semester summary, the quota overview) the semester's visits are fewer than all their visitor
        // rows of every year, so those keep walking the semester.
        return leaderIds.Count <= FewLeaders
            ? visits.Where(v => db.VisitVisitors.Where(x => leaderIds.Contains(x.PersonId)).Select(x => x.VisitId).Contains(v.Id))
            : visits.Where(v => v.Visitors.Any(x => leaderIds.Contains(x.PersonId)));
    }

    private const int FewLeaders = 10;

    /// <summary>
    /// The per-link rules the four lines of seed 4 are counted by: 参加支部活动 and 听取支部汇报 per linked branch, 谈心 with each
    /// linked branch's secretary, 谈心谈话 with each linked individual. Rules saved before quotas were per link
    /// (<see cref="QuotaPer.Visitor"/>) are read by form and name as before; a line the rules leave out gets the seed's minimum.
    /// </summary>
    internal sealed record LinkRules((QuotaRule Rule, int Index) Activities, (QuotaRule Rule, int Index) Reports,
        (QuotaRule Rule, int Index) SecretaryTalks, (QuotaRule Rule, int Index) IndividualTalks)
    {
        public static LinkRules From(ProgrammeRules rules)
        {
            var indexed = rules.Quotas.Select((q, i) => (Rule: q, Index: i)).ToList();
            (QuotaRule, int) Pick(QuotaPer per, VisitForm form, Func<QuotaRule, bool>? legacy, int seedMinimum, string seedName)
            {
                var perLink = indexed.FirstOrDefault(x => x.Rule.Per == per && (per != QuotaPer.LinkedBranch || x.Rule.Forms.Contains(form)));
                if (perLink.Rule is not null) return perLink;
                var old = indexed.FirstOrDefault(x => x.Rule.Per == QuotaPer.Visitor && x.Rule.Forms.Count == 1 && x.Rule.Forms[0] == form && (legacy?.Invoke(x.Rule) ?? true));
                var minimum = old.Rule?.Minimum ?? seedMinimum;
                return (new QuotaRule { Name = seedName, Per = per, Forms = [form], Count = QuotaCount.Visits, Minimum = minimum }, -1);
            }
            var talks = indexed.Where(x => x.Rule.Per == QuotaPer.Visitor && x.Rule.Forms.Count == 1 && x.Rule.Forms[0] == VisitForm.HeartTalk).ToList();
            var secretaryLegacy = talks.FirstOrDefault(x => x.Rule.Name.Contains("书记")).Rule ?? talks.ElementAtOrDefault(0).Rule;
            var individualLegacy = talks.FirstOrDefault(x => x.Rule.Name.Contains("联系对象")).Rule ?? talks.FirstOrDefault(x => x.Rule != secretaryLegacy).Rule;
            return new(
                Pick(QuotaPer.LinkedBranch, LianxiForms.BranchActivity, null, 2, "参加支部活动、指导工作"),
                Pick(QuotaPer.LinkedBranch, LianxiForms.BranchReport, null, 2, "听取支部工作汇报"),
                Pick(QuotaPer.LinkedBranchSecretary, VisitForm.HeartTalk, q => q == secretaryLegacy, 1, "与支部书记谈心"),
                Pick(QuotaPer.LinkedIndividual, VisitForm.HeartTalk, q => q == individualLegacy, 2, "谈心谈话"));
        }
    }

    private sealed record VisitRow(int Id, DateTime When, VisitForm Form, VisitStatus Status, string? FormDataJson, List<int> Visitors,
        List<(int Id, string Name)> People, List<int> Branches);

    /// <summary>
    /// Whether a visit counts toward a per-link rule for that link: one of the rule's forms, on a day of the link, and
    /// with the link as target — the branch (参加支部活动, 听取支部汇报), the branch or its secretary (谈心 with the
    /// 支部书记), or the individual (谈心谈话 with a 联系对象). The single definition behind /quotas and the semester pages.
    /// </summary>
    private static bool CountsFor(QuotaRule rule, IReadOnlyCollection<VisitForm> allowed, VisitRow v, LinkView link, IReadOnlyCollection<int> secretaries)
    {
        if (!(rule.Forms.Count > 0 ? rule.Forms : allowed).Contains(v.Form)) return false;
        var day = DateOnly.FromDateTime(v.When);
        if (day < link.StartsOn || (link.EndsOn is { } end && day > end)) return false;
        return rule.Per switch
        {
            QuotaPer.LinkedBranch => link.BranchId is int b && v.Branches.Contains(b),
            QuotaPer.LinkedBranchSecretary => link.BranchId is int b && (v.Branches.Contains(b) || v.People.Any(p => secretaries.Contains(p.Id))),
            QuotaPer.LinkedIndividual => link.PersonId is int person && v.People.Any(p => p.Id == person),
            _ => false,
        };
    }

    internal static async Task<List<LeaderProgress>> ComputeAsync(PortalDbContext db, int institutionId, Period period, ProgrammeRules rules,
        IReadOnlyCollection<int> leaderIds, DateOnly problemsOn, CancellationToken ct)
    {
        var lr = LinkRules.From(rules);
        var leaders = await LianxiLinkService.LoadAsync(db, institutionId, leaderIds, period.Start, period.End, ct, problemsOn);
        // Split: the leaders' visits, then their visitors and targets by visit id; as one query SQLite joined them to
        // every target row of the database (docs/performance.md).
        var raw = await LeaderVisits(db, institutionId, period, leaderIds)
            .AsSplitQuery()
            .Select(v => new
            {
                v.Id, When = v.EffectiveStart, v.Form, v.Status, v.FormDataJson,
                Visitors = v.Visitors.Select(x => x.PersonId).ToList(),
                People = v.Targets.Where(t => t.PersonId != null).Select(t => new { Id = t.PersonId!.Value, t.Person!.Name }).ToList(),
                Branches = v.Targets.Where(t => t.OrgUnitId != null).Select(t => t.OrgUnitId!.Value).ToList(),
            })
            .ToListAsync(ct);
        var visits = raw.Select(v => new VisitRow(v.Id, v.When, v.Form, v.Status, v.FormDataJson, v.Visitors,
            v.People.Select(p => (p.Id, p.Name)).ToList(), v.Branches)).ToList();
        // A plan for a day before today is overdue: it counts neither as done nor as 已安排 (VisitSchedule).
        var startOfToday = db.Clock.StartOfToday();
        visits.RemoveAll(v => VisitSchedule.IsOverdue(v.Status, v.When, startOfToday));
        var branchIds = leaders.SelectMany(l => l.Branches).Select(b => b.BranchId!.Value).Distinct().ToList();
        var secretaries = await db.UnitLeaderships.AsNoTracking()
            .Where(l => branchIds.Contains(l.UnitId) && l.Role == LeadershipRole.BranchSecretary
                        && (l.StartsOn == null || l.StartsOn <= period.End) && (l.EndsOn == null || l.EndsOn >= period.Start))
            .Select(l => new { l.UnitId, l.PersonId, l.Person!.Name }).ToListAsync(ct);

        var result = new List<LeaderProgress>();
        foreach (var leader in leaders)
        {
            var mine = visits.Where(v => v.Visitors.Contains(leader.LeaderId)).ToList();
            ProgressLine Line(string name, (QuotaRule Rule, int Index) r, LinkView link, IReadOnlyCollection<int> secs)
            {
                var list = mine.Where(v => CountsFor(r.Rule, rules.AllowedForms, v, link, secs)).Select(v => v.Status).ToList();
                return new(name, r.Rule.Minimum, list.Count(s => s == VisitStatus.Done), list.Count(s => s is VisitStatus.Planned or VisitStatus.Notified), r.Index);
            }
            bool InLink(DateTime when, LinkView link)
            {
                var d = DateOnly.FromDateTime(when);
                return d >= link.StartsOn && (link.EndsOn is null || d <= link.EndsOn);
            }

            var branches = leader.Branches.Select(b =>
            {
                var secs = secretaries.Where(s => s.UnitId == b.BranchId).ToList();
                var secIds = secs.Select(s => s.PersonId).ToList();
                return new BranchProgress(b, secs.Count == 0 ? null : string.Join("、", secs.Select(s => s.Name).Distinct()),
                    Line("参加支部活动、指导工作", lr.Activities, b, secIds),
                    Line("听取支部工作汇报", lr.Reports, b, secIds),
                    Line("与支部书记谈心", lr.SecretaryTalks, b, secIds));
            }).ToList();

            var linkedPeople = leader.Individuals.Select(i => i.PersonId!.Value).ToHashSet();
            var individuals = leader.Individuals.Select(i =>
            {
                var inLink = mine.Where(v => InLink(v.When, i) && v.People.Any(p => p.Id == i.PersonId)).ToList();
                var care = inLink.Where(v => v.Form != VisitForm.HeartTalk || Occasion(v.FormDataJson) is not null)
                    .Select(v => new CareVisitView(v.Id, v.When, i.Name, Occasion(v.FormDataJson), v.Status)).ToList();
                return new IndividualProgress(i, Line("谈心谈话", lr.IndividualTalks, i, []), care);
            }).ToList();

            // 四、2 走访慰问 of others (staff and students in hardship, experts' occasions) are listed too.
            var others = mine.Where(v => Occasion(v.FormDataJson) is not null && !v.People.Any(p => linkedPeople.Contains(p.Id)))
                .Select(v => new CareVisitView(v.Id, v.When, string.Join("、", v.People.Select(p => p.Name)), Occasion(v.FormDataJson), v.Status)).ToList();

            result.Add(new LeaderProgress(period, leader.LeaderId, leader.Name, leader.Position, leader.UnitName, branches, individuals, others,
                leader.ProblemMessages));
        }
        return result;
    }

    /// <summary>The leaders with a link of the programme overlapping the period.</summary>
    internal static Task<List<int>> LinkedLeadersAsync(PortalDbContext db, int institutionId, Period period, CancellationToken ct) =>
        db.Set<LianxiLink>()
            .Where(l => l.InstitutionId == institutionId && l.StartsOn <= period.End && (l.EndsOn == null || l.EndsOn >= period.Start))
            .Select(l => l.LeaderPersonId).Distinct().ToListAsync(ct);

    private static string? Occasion(string? json)
    {
        var value = VisitFormData.Parse(json).GetValueOrDefault("Occasion");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static List<PortalMessage> Shortfalls(LeaderProgress p)
    {
        var list = new List<PortalMessage>(p.ProblemMessages);
        foreach (var b in p.Branches)
            foreach (var line in new[] { b.Activities, b.Reports, b.SecretaryTalks }.Where(l => !l.Met))
                list.Add(new("{0}：{1}差 {2} 次", b.Link.Name, line.Name, line.Owed));
        foreach (var i in p.Individuals.Where(i => !i.Talks.Met))
            list.Add(new("{0}：谈心谈话差 {1} 次", i.Link.Name, i.Talks.Owed));
        return list;
    }
}

/// <summary>
/// 联系师生's per-link quotas for <see cref="QuotaService"/>: the same lines as the progress pages and the semester summary
/// (<see cref="LianxiProgressService"/>), read per rule, for every leader with a link in the semester, account or not.
/// </summary>
public sealed class LianxiQuotaCounter : IQuotaLinkCounter
{
    public string ProgrammeKey => LianxiAccess.ProgrammeKey;

    public async Task<Dictionary<int, Dictionary<int, List<LinkTally>>>> TallyAsync(PortalDbContext db, int institutionId, Period period,
        ProgrammeRules rules, int? onlyPerson, CancellationToken ct)
    {
        var leaderIds = onlyPerson is int p ? [p] : await LianxiProgressService.LinkedLeadersAsync(db, institutionId, period, ct);
        var progress = await LianxiProgressService.ComputeAsync(db, institutionId, period, rules, leaderIds, period.End, ct);
        var result = new Dictionary<int, Dictionary<int, List<LinkTally>>>();
        foreach (var leader in progress)
        {
            var lines = leader.Branches.SelectMany(b => new[] { b.Activities, b.Reports, b.SecretaryTalks })
                .Concat(leader.Individuals.Select(i => i.Talks))
                .Where(l => l.RuleIndex >= 0);
            foreach (var line in lines)
            {
                if (!result.TryGetValue(line.RuleIndex, out var byPerson)) result[line.RuleIndex] = byPerson = [];
                if (!byPerson.TryGetValue(leader.LeaderId, out var tallies)) byPerson[leader.LeaderId] = tallies = [];
                tallies.Add(new LinkTally(line.Done, line.Planned));
            }
        }
        return result;
    }
}
