using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.FollowUps;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Quotas;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Reminders;

/// <summary>Visits in the next 7 days, for each visitor.</summary>
internal sealed class UpcomingVisitsSource(ProgrammeCatalog programmes) : IReminderSource
{
    public async Task<IReadOnlyList<ReminderDraft>> CollectAsync(ReminderContext c, CancellationToken ct)
    {
        var from = c.Today.ToDateTime(TimeOnly.MinValue);
        var to = c.Today.AddDays(8).ToDateTime(TimeOnly.MinValue);
        var byPerson = c.Accounts.ToLookup(a => a.PersonId);
        var people = byPerson.Select(g => g.Key).ToList();
        var rows = await c.Db.VisitVisitors.AsNoTracking()
            .Where(x => people.Contains(x.PersonId) && x.Visit!.InstitutionId == c.InstitutionId &&
                        (x.Visit.Status == VisitStatus.Planned || x.Visit.Status == VisitStatus.Notified) &&
                        x.Visit.PlannedStart >= from && x.Visit.PlannedStart < to)
            // Split: the targets of these few visits by visit id. Joined in as a subquery, SQLite read every target of the
            // database with its person and unit for each start page (2.5-3.9 s on the county database, docs/performance.md).
            .AsSplitQuery()
            .Select(x => new
            {
                x.PersonId, x.VisitId, x.Visit!.ProgrammeKey, x.Visit.PlannedStart,
                Targets = x.Visit.Targets.Select(t => t.Person != null ? t.Person.Name : t.OrgUnit!.Name).ToList(),
            })
            .ToListAsync(ct);
        // A secret programme's appointments reach only those who may see it (the team is made of them anyway).
        return rows.SelectMany(r => byPerson[r.PersonId].Where(a => programmes.Find(r.ProgrammeKey)?.AccessRoles is not { } roles || roles.Any(a.Roles.Contains)).Select(a =>
        {
            var module = programmes.Find(r.ProgrammeKey);
            var what = module?.IsConfidential == true ? "工作安排" : $"{module?.Name}：{string.Join("、", r.Targets)}";
            PortalMessage whatMessage = module?.IsConfidential == true ? new("工作安排") : new("{0}：{1}", module?.Name ?? "", string.Join("、", r.Targets));
            return new ReminderDraft(a.UserId, ReminderKinds.UpcomingVisit, $"{r.PlannedStart:M月d日 HH:mm} {what}", "7 天内的家访安排",
                $"/visits/{r.VisitId}", DateOnly.FromDateTime(r.PlannedStart), $"visit-{r.VisitId}-{r.PlannedStart:yyyyMMddHHmm}")
            {
                TitleMessage = new("{0:M月d日 HH:mm} {1}", r.PlannedStart, whatMessage), DetailMessage = new("7 天内的家访安排"),
            };
        })).ToList();
    }
}

/// <summary>Written notices to send: from three days before the notice deadline of a programme with a lead time.</summary>
internal sealed class NoticesDueSource(ProgrammeCatalog programmes, ProgrammeRulesService rules) : IReminderSource
{
    public async Task<IReadOnlyList<ReminderDraft>> CollectAsync(ReminderContext c, CancellationToken ct)
    {
        var drafts = new List<ReminderDraft>();
        var byPerson = c.Accounts.ToLookup(a => a.PersonId);
        var people = byPerson.Select(g => g.Key).ToList();
        var from = c.Today.ToDateTime(TimeOnly.MinValue);
        foreach (var module in programmes.All)
        {
            var r = await rules.RulesOnAsync(c.InstitutionId, module.Key, c.Today, ct);
            if (r.NoticeLeadDays <= 0) continue;
            var horizon = c.Today.AddDays(r.NoticeLeadDays + 4).ToDateTime(TimeOnly.MinValue);
            var rows = await c.Db.VisitVisitors.AsNoTracking()
                .Where(x => people.Contains(x.PersonId) && x.Visit!.InstitutionId == c.InstitutionId && x.Visit.ProgrammeKey == module.Key &&
                            x.Visit.Status == VisitStatus.Planned && x.Visit.PlannedStart >= from && x.Visit.PlannedStart < horizon)
                .Select(x => new { x.PersonId, x.VisitId, x.Visit!.PlannedStart })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                var deadline = DateOnly.FromDateTime(row.PlannedStart).AddDays(-r.NoticeLeadDays);
                if (c.Today < deadline.AddDays(-3)) continue;
                var title = deadline >= c.Today
                    ? $"须在 {deadline:yyyy-MM-dd} 前{(r.NoticeInWriting ? "书面" : "")}通知家访对象（{module.Name}，{row.PlannedStart:M月d日}家访）"
                    : $"已过通知期限：{row.PlannedStart:M月d日}的{module.Name}未按时通知，请调整家访时间";
                PortalMessage titleMessage = deadline >= c.Today
                    ? new(r.NoticeInWriting ? "须在 {0:yyyy-MM-dd} 前书面通知家访对象（{1}，{2:M月d日}家访）" : "须在 {0:yyyy-MM-dd} 前通知家访对象（{1}，{2:M月d日}家访）",
                        deadline.ToDateTime(TimeOnly.MinValue), module.Name, row.PlannedStart)
                    : new("已过通知期限：{0:M月d日}的{1}未按时通知，请调整家访时间", row.PlannedStart, module.Name);
                drafts.AddRange(byPerson[row.PersonId].Select(a => new ReminderDraft(a.UserId, ReminderKinds.NoticeDue, title,
                    $"{module.Name}要求家访前 {r.NoticeLeadDays} 天通知", $"/visits/{row.VisitId}", deadline,
                    $"notice-{row.VisitId}-{row.PlannedStart:yyyyMMdd}-{(deadline >= c.Today ? "due" : "late")}")
                {
                    TitleMessage = titleMessage, DetailMessage = new("{0}要求家访前 {1} 天通知", module.Name, r.NoticeLeadDays),
                }));
            }
        }
        return drafts;
    }
}

/// <summary>Quota gaps for the current period, with the reason; a new period brings a new reminder.</summary>
internal sealed class QuotaGapsSource(ProgrammeRulesService rules, QuotaService quotas) : IReminderSource
{
    public async Task<IReadOnlyList<ReminderDraft>> CollectAsync(ReminderContext c, CancellationToken ct)
    {
        var drafts = new List<ReminderDraft>();
        var enabled = (await rules.ProgrammesAsync(c.InstitutionId, ct)).Where(p => p.Enabled).Select(p => p.Module).ToList();
        // Per programme, everyone's lines at once: asking per account was a few queries × accounts × programmes
        // (tens of thousands for a county) for the same answer.
        foreach (var module in enabled)
        {
            // The start page asks for one account (ReminderService.UnreadAsync): that person's lines only, not the
            // whole institution's computed to keep one.
            var (period, everyone) = c.Accounts is [var one]
                ? await quotas.LinesOfOneAsync(c.InstitutionId, module.Key, one.PersonId, c.Today, ct)
                : await quotas.LinesOfEveryoneAsync(c.InstitutionId, module.Key, c.Today, ct);
            foreach (var account in c.Accounts)
            {
                if (!everyone.TryGetValue(account.PersonId, out var lines)) continue;
                foreach (var line in lines.Where(l => l.Owed > 0))
                {
                    drafts.Add(new ReminderDraft(account.UserId, ReminderKinds.QuotaGap, $"{module.Name}：{line.RuleName}尚差 {line.Owed} {line.Unit}",
                        line.Reason, "/quotas", period.End, $"quota-{module.Key}-{period.Start:yyyyMMdd}-{line.RuleIndex}")
                    {
                        TitleMessage = new("{0}：{1}尚差 {2} {3}", module.Name, line.RuleName, line.Owed, line.Unit), DetailMessage = line.ReasonMessage,
                    });
                }
            }
        }
        return drafts;
    }
}

/// <summary>Overdue follow-up items, for their owner and whoever raised them (of a secret programme, only if they may see it).</summary>
internal sealed class OverdueFollowUpsSource(ProgrammeCatalog? programmes = null) : IReminderSource
{
    private const int FewAccounts = 20;

    public async Task<IReadOnlyList<ReminderDraft>> CollectAsync(ReminderContext c, CancellationToken ct)
    {
        var overdue = c.Db.FollowUpItems.AsNoTracking()
            .Where(f => f.InstitutionId == c.InstitutionId && (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress) &&
                        f.Deadline != null && f.Deadline < c.Today);
        if (c.Accounts.Count <= FewAccounts)
        {
            // For the start page's one account: its items by owner and by who raised them (both indexed), not every
            // overdue item of the institution.
            var people = c.Accounts.Select(a => (int?)a.PersonId).ToList();
            var userIds = c.Accounts.Select(a => a.UserId).ToList();
            overdue = overdue.Where(f => people.Contains(f.OwnerPersonId) || userIds.Contains(f.CreatedByUserId));
        }
        var rows = await overdue
            .Select(f => new { f.Id, f.Summary, f.Deadline, f.OwnerPersonId, f.CreatedByUserId, f.ProgrammeKey })
            .ToListAsync(ct);
        var byPerson = c.Accounts.ToLookup(a => a.PersonId);
        var users = c.Accounts.ToDictionary(a => a.UserId);
        var drafts = new List<ReminderDraft>();
        foreach (var f in rows)
        {
            var accessRoles = programmes?.Find(f.ProgrammeKey)?.AccessRoles;
            var recipients = (f.OwnerPersonId is int owner ? byPerson[owner].Select(a => a.UserId) : [])
                .Append(f.CreatedByUserId)
                .Where(u => users.TryGetValue(u, out var a) && (accessRoles is null || accessRoles.Any(a.Roles.Contains)))
                .Distinct();
            drafts.AddRange(recipients.Select(u => new ReminderDraft(u, ReminderKinds.OverdueFollowUp, $"跟踪事项已超期：{f.Summary}",
                $"办理期限 {f.Deadline:yyyy-MM-dd}", $"/follow-ups?id={f.Id}", f.Deadline, $"followup-{f.Id}-overdue")
            {
                TitleMessage = new("跟踪事项已超期：{0}", f.Summary), DetailMessage = new("办理期限 {0:yyyy-MM-dd}", f.Deadline!.Value.ToDateTime(TimeOnly.MinValue)),
            }));
        }
        return drafts;
    }
}
