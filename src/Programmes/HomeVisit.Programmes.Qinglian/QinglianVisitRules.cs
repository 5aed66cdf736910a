using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>
/// 清廉家访's rules on every route a visit takes (the household page, the general 安排家访 form, the calendar, the
/// status buttons), run by <see cref="VisitService"/>: 分层负责 (二、1), one visit a household a half year unless
/// confirmed (二、2), and no 已通知 or 已完成 without the written notice delivered the lead time before (二、2).
/// </summary>
public sealed class QinglianVisitRules(ProgrammeCatalog programmes, TimeProvider clock) : IVisitPlanCheck, IVisitStatusCheck
{
    public string ProgrammeKey => QinglianProgramme.Key;

    public async Task CheckAsync(PortalDbContext db, PortalUser user, VisitPlan plan, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        if (plan.ProgrammeKey != QinglianProgramme.Key || plan.TargetPersonIds.Count == 0 || plan.PlannedStart is not { } when) return;
        var ids = plan.TargetPersonIds.Distinct().ToList();

        // 二、1 分层负责制: the household page lists only the households a leader answers for; any other way in keeps to them.
        var scope = await HouseholdScope.ForAsync(db, user, programmes.OverseenBy(user).Contains(QinglianProgramme.Key), clock.Today(), ct);
        if (!scope.All)
        {
            var mine = await scope.People(db, user.InstitutionId).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            if (ids.FirstOrDefault(id => !mine.Contains(id)) is var outside and not 0)
            {
                var name = await db.People.Where(p => p.Id == outside).Select(p => p.Name).FirstAsync(ct);
                v.Add(nameof(plan.TargetPersonIds),
                    new PortalMessage("{0} 的家庭不在您负责家访的范围内：单位“一把手”家访班子成员，班子成员家访所分管的干部职工（二、1）。", name));
                return;
            }
        }

        var day = DateOnly.FromDateTime(when);
        var period = Periods.Containing(rules.Period, day, rules.Semester);
        var (start, end) = (period.StartTime, period.EndExclusive);
        if (plan.Id != 0)
        {
            // Moving a visit inside its period (a calendar drag) does not make it a repeat again: that was settled when it was planned.
            var before = await db.Visits.AsNoTracking().Where(x => x.Id == plan.Id).Select(x => (DateTime?)x.PlannedStart).FirstOrDefaultAsync(ct);
            if (before is { } b && b >= start && b < end) return;
        }
        var earlier = await db.Visits.AsNoTracking()
            .Where(x => x.InstitutionId == user.InstitutionId && x.ProgrammeKey == QinglianProgramme.Key && x.Id != plan.Id &&
                        x.Targets.Any(t => t.PersonId != null && ids.Contains(t.PersonId.Value)) &&
                        ((x.Status == VisitStatus.Done && x.ActualStart >= start && x.ActualStart < end) ||
                         ((x.Status == VisitStatus.Planned || x.Status == VisitStatus.Notified) && x.PlannedStart >= start && x.PlannedStart < end)))
            .OrderByDescending(x => x.Status == VisitStatus.Done).ThenBy(x => x.PlannedStart)
            .Select(x => new { x.Status, x.PlannedStart, x.ActualStart }).FirstOrDefaultAsync(ct);
        if (earlier is null) return;
        var halfYear = rules.Period == PeriodKind.HalfYear;
        // A warning the planner confirms (VisitPlan.AcceptWarnings), as every route asks it: the form's and the calendar's
        // “请确认”, the household page's 确认再次安排.
        v.Warn(nameof(plan.PlannedStart), earlier.Status == VisitStatus.Done
            ? new PortalMessage(halfYear ? "本半年已家访过（{0}，{1:yyyy-MM-dd}）。每户每半年家访 1 次；如确需再次家访，请确认后再安排。"
                : "本期已家访过（{0}，{1:yyyy-MM-dd}）。每户每半年家访 1 次；如确需再次家访，请确认后再安排。", period, earlier.ActualStart)
            : new PortalMessage(halfYear ? "本半年已安排家访（{0:yyyy-MM-dd HH:mm}），请勿重复安排；如确需再次家访，请确认后再安排。"
                : "本期已安排家访（{0:yyyy-MM-dd HH:mm}），请勿重复安排；如确需再次家访，请确认后再安排。", earlier.PlannedStart));
    }

    public async Task CheckNotifiedAsync(PortalDbContext db, PortalUser user, Visit visit, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        if (!rules.NoticeInWriting) return;
        var state = await StateAsync(db, visit, rules, ct);
        v.Check(state.State == NoticeState.InTime, "Status", state.State switch
        {
            NoticeState.PlanChanged => new PortalMessage("家访时间已改动，原书面通知已不适用：请重新送达家访通知书并登记送达，即标记为已通知。"),
            NoticeState.Late => new PortalMessage("书面通知送达晚于家访前 {0} 天，不能标记为已通知：请先改期，再重新送达并登记。", rules.NoticeLeadDays),
            _ => new PortalMessage("本项目须在家访前 {0} 天书面通知家访对象：请打印家访通知书，送达后登记送达，即标记为已通知。", rules.NoticeLeadDays),
        });
    }

    public async Task CheckOutcomeAsync(PortalDbContext db, PortalUser user, Visit visit, VisitOutcome outcome, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        if (!rules.NoticeInWriting) return;
        var state = await StateAsync(db, visit, rules, ct);
        v.Check(state.State == NoticeState.InTime, nameof(outcome.ActualStart), state.State switch
        {
            NoticeState.PlanChanged => new PortalMessage("家访时间在书面通知送达后改动过，须重新书面通知家访对象后才能登记家访结果。"),
            NoticeState.Late => new PortalMessage("书面通知送达晚于家访前 {0} 天，不能登记家访结果：请改期并重新书面通知。", rules.NoticeLeadDays),
            _ => new PortalMessage("本项目须在家访前 {0} 天书面通知家访对象；尚未登记书面通知送达，不能登记家访结果。", rules.NoticeLeadDays),
        });
    }

    private static async Task<VisitNoticeStatus> StateAsync(PortalDbContext db, Visit visit, ProgrammeRules rules, CancellationToken ct)
    {
        var latest = await db.Set<QinglianNotice>().AsNoTracking().Where(n => n.VisitId == visit.Id).OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
        return QinglianNoticeService.StateOf(visit.Id, visit.PlannedStart, rules, latest);
    }
}
