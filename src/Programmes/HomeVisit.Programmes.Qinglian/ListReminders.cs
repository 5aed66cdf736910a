using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Reminders;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>
/// Reminds the role that confirms the household list (<see cref="ProgrammeRules.ListConfirmerRole"/>, by default 综合部)
/// when a confirmed list of this half year, or of the coming one confirmed ahead, no longer matches the staff (a new hire
/// waits for it, 三、1). One comparison per run for the institution, however many accounts; the reminder is keyed by the
/// confirmation and the change, so an unchanged list is not reminded again each morning, a further change is, and
/// confirming again ends it (the start page asks again at display time).
/// </summary>
internal sealed class QinglianListReminders(ProgrammeRulesService rules) : IReminderSource
{
    public static readonly string Kind = ReminderKinds.OfProgramme(QinglianProgramme.Key, "list-changed");

    public async Task<IReadOnlyList<ReminderDraft>> CollectAsync(ReminderContext c, CancellationToken ct)
    {
        if (!await rules.IsEnabledAsync(c.InstitutionId, QinglianProgramme.Key, ct)) return [];
        var lists = new List<(Period Period, string Role)>();
        foreach (var next in new[] { false, true })
        {
            var (period, r) = await QinglianListService.PeriodAsync(rules, c.InstitutionId, c.Today, next, ct);
            // Nobody to tell, nothing to ask the database (the start page asks for one account at a time).
            if (r.ListConfirmerRole is { } role && c.Accounts.Any(a => a.Roles.Contains(role))) lists.Add((period, role));
        }
        if (lists.Count == 0) return [];

        var compared = await QinglianListService.CompareAsync(c.Db, c.InstitutionId, [.. lists.Select(l => l.Period.Start)], ct);
        var drafts = new List<ReminderDraft>();
        foreach (var list in compared.Where(x => !x.Matches))
        {
            var (period, role) = lists.First(l => l.Period.Start == list.PeriodStart);
            var title = new PortalMessage("{0}的家访名单确认后人员有变动，请重新确认", period);
            var detail = list.Change.Message();
            var key = $"qinglian-list-{list.PeriodStart:yyyyMMdd}-{list.ConfirmationId}-{list.Change.Added}-{list.Change.Removed}";
            drafts.AddRange(c.Accounts.Where(a => a.Roles.Contains(role)).Select(a =>
                new ReminderDraft(a.UserId, Kind, title.ToString(), detail.ToString(), "/programmes/qinglian/households", null, key)
                {
                    TitleMessage = title, DetailMessage = detail,
                }));
        }
        return drafts;
    }
}
