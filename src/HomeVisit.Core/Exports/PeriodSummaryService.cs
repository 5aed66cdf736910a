using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Exports;

/// <param name="Planned">Planned for today or later; <paramref name="Overdue"/> planned for an earlier day and never recorded (VisitSchedule).</param>
public sealed record SummaryUnitRow(string UnitName, int Done, int Planned, int Overdue, int Cancelled, int FollowUpsRaised, int FollowUpsResolved, int FollowUpsOpen,
    int QuotaVisitors, int QuotaOnTrack);

public sealed record PeriodSummary(string ProgrammeName, Period Period, IReadOnlyList<SummaryUnitRow> Units, SummaryUnitRow Total,
    IReadOnlyList<(string Form, int Count)> ByForm);

/// <summary>
/// The period summary each programme reports (seed 2: 每季度一总结; seed 4: 每学期末总结; seed 3: half-year;
/// seed 1: the year): visits and follow-up items per top-level unit and by form, with quota completion.
/// </summary>
public sealed class PeriodSummaryService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, QuotaService quotas, ExportService exports)
{
    public async Task<PeriodSummary> BuildAsync(PortalUser user, string key, DateOnly day, CancellationToken ct = default)
    {
        var module = programmes.Find(key) ?? throw new NotFoundException();
        if (!user.IsAnyRole(module.OverseerRoles)) throw new AccessDeniedException("只有本项目的管理和监督部门可以查看期间汇总。");
        var (period, rules) = await quotas.PeriodOnAsync(user.InstitutionId, key, day, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Top-level units under the root; everyone is counted under the one their unit belongs to.
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == user.InstitutionId)
            .Select(u => new { u.Id, u.ParentId, u.Name, u.SortOrder }).ToListAsync(ct);
        var root = units.Where(u => u.ParentId == null).Select(u => u.Id).ToHashSet();
        // In tree order, as the quota roll-up and the programmes' own summaries list them: the root first (the people
        // placed at the root itself, e.g. the school's own leaders), then each unit below it with its sub-units.
        var top = units.Where(u => u.ParentId is null).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Concat(units.Where(u => u.ParentId is int p && root.Contains(p)).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)).ToList();
        var parent = units.ToDictionary(u => u.Id, u => u.ParentId);
        int? TopOf(int? unitId)
        {
            if (unitId is int own && root.Contains(own)) return own;
            for (var id = unitId; id is int i; id = parent.GetValueOrDefault(i))
                if (parent.GetValueOrDefault(i) is int p && root.Contains(p)) return i;
            return null;
        }

        // Whose unit a visit is counted under (VisitUnits): the visitors', or the visited person's (IProgrammeModule.CountsUnderVisitedUnit).
        var byVisited = module.CountsUnderVisitedUnit;
        var from = period.StartTime;
        var to = period.EndExclusive;
        var startOfToday = db.Clock.StartOfToday();
        // Counted in the database: one row per (unit, status, form, planned ahead or not), not one per visit; a county's
        // year is tens of thousands of visits and the summary needs only these counts.
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.InstitutionId == user.InstitutionId && v.ProgrammeKey == key && v.EffectiveStart >= from && v.EffectiveStart < to)
            .Select(v => new
            {
                v.Status, v.Form, Ahead = v.PlannedStart >= startOfToday,
                // The person a visit counts under is stored on it (VisitCounting): one lookup by primary key per visit,
                // not a sorted subquery over its visitors or targets.
                Unit = db.People.Where(p => p.Id == (byVisited ? v.FirstTargetPersonId : v.LeadVisitorPersonId)).Select(p => p.UnitId).FirstOrDefault(),
            })
            .GroupBy(x => new { x.Unit, x.Status, x.Form, x.Ahead })
            .Select(g => new { g.Key.Unit, g.Key.Status, g.Key.Form, g.Key.Ahead, N = g.Count() })
            .ToListAsync(ct);
        var items = await db.FollowUpItems.AsNoTracking()
            .Where(f => f.InstitutionId == user.InstitutionId && f.ProgrammeKey == key && f.CreatedAt >= InstitutionTime.ToUtc(from) && f.CreatedAt < InstitutionTime.ToUtc(to))
            .Where(FollowUps.FollowUpService.LeadAudienceAllows(user)) // restricted leads count only for their audience
            .Select(f => new
            {
                f.Status,
                Unit = f.Visit == null ? null
                    : db.People.Where(p => p.Id == (byVisited ? f.Visit.FirstTargetPersonId : f.Visit.LeadVisitorPersonId)).Select(p => p.UnitId).FirstOrDefault(),
            })
            .GroupBy(x => new { x.Unit, x.Status })
            .Select(g => new { g.Key.Unit, g.Key.Status, N = g.Count() })
            .ToListAsync(ct);
        var rollup = rules.Quotas.Count > 0 ? await quotas.UnitRollupAsync(user, key, day, ct) : null;

        SummaryUnitRow Row(string name, Func<int?, bool> inUnit, int? unitId)
        {
            var v = visits.Where(x => inUnit(x.Unit)).ToList();
            var f = items.Where(x => inUnit(x.Unit)).ToList();
            var q = rollup?.Units.FirstOrDefault(u => u.UnitId == unitId);
            // Ahead is PlannedStart >= today, so open visits split into planned (VisitSchedule.IsPlannedAhead) and overdue (IsOverdue).
            var open = v.Where(x => VisitSchedule.IsOpen(x.Status)).ToList();
            return new SummaryUnitRow(name, v.Where(x => x.Status == VisitStatus.Done).Sum(x => x.N),
                open.Where(x => x.Ahead).Sum(x => x.N), open.Where(x => !x.Ahead).Sum(x => x.N), v.Where(x => x.Status == VisitStatus.Cancelled).Sum(x => x.N),
                f.Sum(x => x.N), f.Where(x => x.Status == FollowUpStatus.Resolved).Sum(x => x.N),
                f.Where(x => x.Status is FollowUpStatus.Open or FollowUpStatus.InProgress).Sum(x => x.N),
                q?.Visitors ?? 0, q?.OnTrack ?? 0);
        }

        var rows = top.Select(u => Row(u.Name, x => TopOf(x) == u.Id, u.Id)).Where(r => r.Done + r.Planned + r.Overdue + r.Cancelled + r.FollowUpsRaised + r.QuotaVisitors > 0).ToList();
        var total = Row("合计", _ => true, null) with { QuotaVisitors = rollup?.Total.Visitors ?? 0, QuotaOnTrack = rollup?.Total.OnTrack ?? 0 };
        var byForm = visits.Where(v => v.Status == VisitStatus.Done).GroupBy(v => v.Form)
            .Select(g => (VisitForms.NameOf(g.Key, module), g.Sum(x => x.N))).OrderByDescending(x => x.Item2).ToList();
        return new PeriodSummary(module.Name, period, rows, total, byForm);
    }

    /// <summary>The workbook's title, e.g. 廉政家访2026年度工作汇总.</summary>
    public static PortalMessage Title(PeriodSummary s) => new("{0}{1}工作汇总", s.ProgrammeName, s.Period);

    public static readonly IReadOnlyList<string> Columns = ["单位", "已完成家访", "已安排", "逾期未完成", "已取消", "登记事项", "已办结事项", "未办结事项", "有指标人数", "完成指标人数"];

    /// <summary>
    /// The summary as a workbook. <paramref name="text"/> renders its words in the reader's language (the host passes
    /// its texts); without it the workbook is in Chinese. Unit names are the institution's and stay as entered.
    /// </summary>
    public async Task WriteXlsxAsync(PortalUser user, string key, DateOnly day, Stream output, CancellationToken ct = default,
        Func<PortalMessage, string>? text = null)
    {
        text ??= m => m.ToString();
        string T(string zh) => text(new PortalMessage(zh));
        var s = await BuildAsync(user, key, day, ct);
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.StartSheet(T("期间汇总"), [24, 12, 10, 12, 10, 10, 12, 12, 12, 14]);
            xlsx.TitleRow(text(Title(s)), Columns.Count);
            xlsx.NoteRow(text(new PortalMessage("统计期间：{0:yyyy-MM-dd} 至 {1:yyyy-MM-dd}", s.Period.StartTime, s.Period.End.ToDateTime(TimeOnly.MinValue))), Columns.Count);
            xlsx.HeaderRow([.. Columns.Select(T)]);
            foreach (var r in s.Units)
                xlsx.Row([r.UnitName, r.Done, r.Planned, r.Overdue, r.Cancelled, r.FollowUpsRaised, r.FollowUpsResolved, r.FollowUpsOpen, r.QuotaVisitors, r.QuotaOnTrack]);
            var t = s.Total;
            xlsx.Row([T(t.UnitName), t.Done, t.Planned, t.Overdue, t.Cancelled, t.FollowUpsRaised, t.FollowUpsResolved, t.FollowUpsOpen, t.QuotaVisitors, t.QuotaOnTrack]);
            xlsx.StartSheet(T("按家访形式"), [20, 12]);
            xlsx.HeaderRow([T("家访形式"), T("已完成家访")]);
            foreach (var (form, count) in s.ByForm) xlsx.Row([T(form), count]);
        }
        await exports.AuditAsync(user, "summary", $"{key} {s.Period.Label}", ct, key);
    }
}
