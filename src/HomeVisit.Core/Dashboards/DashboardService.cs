using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Dashboards;

public sealed record MonthCount(int Month, string ProgrammeKey, int Count);

public sealed record FollowUpStats(string ProgrammeKey, int Raised, int Resolved, int Withdrawn, int Open, int Overdue, double? AverageDaysToResolve)
{
    public double ResolutionRate => Raised - Withdrawn == 0 ? 0 : (double)Resolved / (Raised - Withdrawn);
}

public sealed record Dashboard(int Year, int? UnitId, IReadOnlyList<MonthCount> VisitsPerMonth, IReadOnlyList<FollowUpStats> FollowUps, int VisitsDone, int VisitsPlanned,
    int VisitsOverdue);

/// <summary>
/// The numbers behind the dashboard for overseers: visits per month by programme and follow-up resolution,
/// for a year and optionally a unit (by the visitors' unit, or the visited person's where the programme counts so; sub-units included). Counting happens in the database.
/// </summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, OrgService org, TimeProvider clock)
{
    public async Task<Dashboard> BuildAsync(PortalUser user, int year, int? unitId, CancellationToken ct = default)
    {
        var overseen = programmes.OverseenBy(user);
        if (overseen.Count == 0) throw new AccessDeniedException("只有管理员和组织部、纪检监察部门可以查看统计。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateTime(year, 1, 1);
        var to = from.AddYears(1);
        var visits = db.Visits.AsNoTracking().Where(v => v.InstitutionId == user.InstitutionId && overseen.Contains(v.ProgrammeKey));
        var items = db.FollowUpItems.AsNoTracking().Where(f => f.InstitutionId == user.InstitutionId && overseen.Contains(f.ProgrammeKey))
            .Where(FollowUps.FollowUpService.LeadAudienceAllows(user)); // restricted leads count only for their audience
        if (unitId is int id)
        {
            var units = await org.SubtreeIdsAsync(db, user.InstitutionId, id, ct);
            if (units.Count == 0) throw new NotFoundException();
            // A visit's unit is its visitors', or the visited person's where the programme counts so (VisitUnits).
            var byVisited = programmes.CountedUnderVisitedUnit;
            visits = visits.Where(VisitUnits.In(units, byVisited));
            var unitVisits = visits.Select(v => v.Id);
            items = items.Where(f => f.VisitId != null && unitVisits.Contains(f.VisitId.Value));
        }

        var done = visits.Where(v => v.Status == VisitStatus.Done && v.EffectiveStart >= from && v.EffectiveStart < to);
        var perMonth = await done
            .GroupBy(v => new { v.EffectiveStart.Month, v.ProgrammeKey })
            .Select(g => new MonthCount(g.Key.Month, g.Key.ProgrammeKey, g.Count()))
            .ToListAsync(ct);
        // A plan for a day before today is overdue, never planned work (VisitSchedule).
        var startOfToday = clock.StartOfToday();
        var open = visits.Where(v => (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Notified) && v.PlannedStart >= from && v.PlannedStart < to);
        var planned = await open.CountAsync(v => v.PlannedStart >= startOfToday, ct);
        var overdue = await open.CountAsync(v => v.PlannedStart < startOfToday, ct);

        var today = clock.Today();
        var yearItems = items.Where(f => f.CreatedAt >= from.AddHours(-8) && f.CreatedAt < to.AddHours(-8)); // Beijing year in UTC
        var stats = await yearItems
            .GroupBy(f => f.ProgrammeKey)
            .Select(g => new
            {
                Key = g.Key,
                Raised = g.Count(),
                Resolved = g.Count(f => f.Status == FollowUpStatus.Resolved),
                Withdrawn = g.Count(f => f.Status == FollowUpStatus.Withdrawn),
                Open = g.Count(f => f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress),
                Overdue = g.Count(f => (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress) && f.Deadline != null && f.Deadline < today),
            })
            .ToListAsync(ct);
        // Time to resolve in days; averaged in memory over the resolved items' two timestamps only.
        var resolvedTimes = await yearItems.Where(f => f.Status == FollowUpStatus.Resolved && f.ClosedAt != null)
            .Select(f => new { f.ProgrammeKey, f.CreatedAt, ClosedAt = f.ClosedAt!.Value }).ToListAsync(ct);
        var averages = resolvedTimes.GroupBy(r => r.ProgrammeKey)
            .ToDictionary(g => g.Key, g => Math.Round(g.Average(r => (r.ClosedAt - r.CreatedAt).TotalDays), 1));

        return new Dashboard(year, unitId, perMonth.OrderBy(m => m.Month).ToList(),
            stats.Select(s => new FollowUpStats(s.Key, s.Raised, s.Resolved, s.Withdrawn, s.Open, s.Overdue, averages.TryGetValue(s.Key, out var a) ? a : null))
                .OrderBy(s => s.ProgrammeKey).ToList(),
            perMonth.Sum(m => m.Count), planned, overdue);
    }
}
