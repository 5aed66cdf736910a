using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Content;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>Whether a visit's family got the written notice the rules ask for, in time.</summary>
public enum NoticeState
{
    /// <summary>The rules in force on the visit's day ask for no notice.</summary>
    NotRequired,
    NotSent,
    /// <summary>Reached the family at least the lead time before the visit.</summary>
    InTime,
    /// <summary>Recorded, but later than the lead time allows (only possible after the visit was moved earlier).</summary>
    Late,
    /// <summary>The visit was re-planned after the notice went out; the family must be told the new time.</summary>
    PlanChanged,
}

public sealed record NoticeRecordView(int Id, DateOnly SentOn, NoticeMethod Method, string Recipient, string? Note, DateTime VisitTime,
    int LeadDays, string? SentBy, DateTime RecordedAt);

/// <summary>A visit's notice state: the latest day the notice may reach the family, and the latest notice recorded.</summary>
public sealed record VisitNoticeStatus(int VisitId, NoticeState State, int LeadDays, bool InWriting, DateOnly? LatestSendDay, NoticeRecordView? Latest);

/// <summary>Form model for 记录为已送达.</summary>
public sealed class NoticeSent
{
    public long Version { get; set; }
    public DateTime? SentOn { get; set; }
    public NoticeMethod Method { get; set; } = NoticeMethod.HandDelivered;
    public string? Recipient { get; set; }
    public string? Note { get; set; }
}

/// <summary>The printable 家访通知书 of a visit, its notice state and the notices recorded.</summary>
public sealed record NoticeDocument(
    int VisitId, long Version, VisitStatus Status, DateTime PlannedStart, string Title, string Html, VisitNoticeStatus Notice,
    IReadOnlyList<NoticeRecordView> History, bool CanRecord, string DefaultRecipient, DateOnly Today);

/// <summary>
/// The written notice of seed 3 二、2 (“家访前3天将相关事宜书面通知家访对象”): the portal prints it from the
/// editable 家访通知书 template and records it as sent, which marks the visit notified. A notice that would reach
/// the family later than the rules' lead time before the visit is refused, with the latest day it could have.
/// </summary>
public sealed class QinglianNoticeService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ProgrammeRulesService rules,
    ContentTemplateService templates, ProgrammeAccess access, TimeProvider clock)
{
    /// <summary>The state of each visit's notice, for lists (one query for the notices, rules per planned day).</summary>
    internal async Task<Dictionary<int, VisitNoticeStatus>> StatesAsync(
        PortalDbContext db, int institutionId, IReadOnlyCollection<(int Id, DateTime PlannedStart)> visits, CancellationToken ct)
    {
        var ids = visits.Select(v => v.Id).ToList();
        var notices = ids.Count == 0
            ? []
            : await db.Set<QinglianNotice>().AsNoTracking().Where(n => ids.Contains(n.VisitId))
                .OrderBy(n => n.Id).ToListAsync(ct);
        var latest = notices.GroupBy(n => n.VisitId).ToDictionary(g => g.Key, g => g.Last());
        var rulesByDay = new Dictionary<DateOnly, ProgrammeRules>();
        var result = new Dictionary<int, VisitNoticeStatus>();
        foreach (var (id, planned) in visits)
        {
            var day = DateOnly.FromDateTime(planned);
            if (!rulesByDay.TryGetValue(day, out var r)) rulesByDay[day] = r = await rules.RulesOnAsync(institutionId, QinglianProgramme.Key, day, ct);
            result[id] = StateOf(id, planned, r, latest.GetValueOrDefault(id));
        }
        return result;
    }

    internal static VisitNoticeStatus StateOf(int visitId, DateTime plannedStart, ProgrammeRules r, QinglianNotice? latest)
    {
        var lead = r.NoticeLeadDays;
        DateOnly? latestDay = lead > 0 ? DateOnly.FromDateTime(plannedStart).AddDays(-lead) : null;
        var view = latest is null ? null : View(latest);
        var state = latest is null
            ? (lead > 0 ? NoticeState.NotSent : NoticeState.NotRequired)
            : latest.VisitTime != plannedStart ? NoticeState.PlanChanged
            : latestDay is null || latest.SentOn <= latestDay ? NoticeState.InTime
            : NoticeState.Late;
        return new VisitNoticeStatus(visitId, state, lead, r.NoticeInWriting, latestDay, view);
    }

    private static NoticeRecordView View(QinglianNotice n) =>
        new(n.Id, n.SentOn, n.Method, n.Recipient, n.Note, n.VisitTime, n.LeadDays, n.SentByName, n.RecordedAt);

    private async Task<Visit> LoadVisitAsync(PortalDbContext db, PortalUser user, int visitId, bool tracked, CancellationToken ct)
    {
        var query = VisitService.Visible(db, user, programmes.OverseenBy(user)).Where(v => v.Id == visitId && v.ProgrammeKey == QinglianProgramme.Key);
        if (!tracked) query = query.AsNoTracking();
        return await query
            .Include(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(v => v.Targets).ThenInclude(t => t.Person)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    private bool MayChange(PortalUser user, Visit v) =>
        (user.PersonId is int me && v.Visitors.Any(x => x.PersonId == me)) || programmes.OverseenBy(user).Contains(v.ProgrammeKey);

    /// <summary>The notice state of one visit the user may see.</summary>
    public async Task<VisitNoticeStatus> StatusAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await VisitService.Visible(db, user, programmes.OverseenBy(user)).AsNoTracking()
            .Where(x => x.Id == visitId && x.ProgrammeKey == QinglianProgramme.Key)
            .Select(x => new { x.Id, x.PlannedStart }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        return (await StatesAsync(db, user.InstitutionId, [(v.Id, v.PlannedStart)], ct))[v.Id];
    }

    /// <summary>The 家访通知书 filled for the visit, ready to print; the read (home address, family) is audited.</summary>
    public async Task<NoticeDocument> GetAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var v = await LoadVisitAsync(db, user, visitId, tracked: false, ct);
        var r = await rules.RulesOnAsync(user.InstitutionId, v.ProgrammeKey, DateOnly.FromDateTime(v.PlannedStart), ct);
        var history = await db.Set<QinglianNotice>().AsNoTracking().Where(n => n.VisitId == v.Id).OrderByDescending(n => n.Id).ToListAsync(ct);
        var template = await templates.GetAsync(user.InstitutionId, QinglianProgramme.NoticeTemplate, ct);
        var values = await ValuesAsync(db, user, v, r, ct);

        db.AuditRead(nameof(Visit), v.Id, "家访通知书");
        await db.SaveChangesAsync(ct);

        var target = v.Targets.FirstOrDefault(t => t.Person is not null)?.Person;
        return new NoticeDocument(v.Id, v.Version, v.Status, v.PlannedStart, template.Definition.Title,
            ContentTemplateService.Render(template.Markdown, values),
            StateOf(v.Id, v.PlannedStart, r, history.FirstOrDefault()),
            history.Select(View).ToList(),
            CanRecord: MayChange(user, v) && v.Status is VisitStatus.Planned or VisitStatus.Notified,
            DefaultRecipient: target is null ? "" : $"{target.Name}及家属",
            Today: clock.Today());
    }

    private async Task<Dictionary<string, string?>> ValuesAsync(PortalDbContext db, PortalUser user, Visit v, ProgrammeRules r, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == user.InstitutionId).Select(i => i.Name).FirstAsync(ct);
        var people = v.Targets.Where(t => t.Person is not null).Select(t => t.Person!).ToList();
        var ids = people.Select(p => p.Id).ToList();
        var family = (await db.FamilyMembers.AsNoTracking().Where(f => ids.Contains(f.PersonId)).Where(QinglianProgramme.FamilyInScope)
                .Select(f => new { f.Id, f.Relation, f.Name }).ToListAsync(ct))
            .OrderBy(f => f.Relation).ThenBy(f => f.Id).Select(f => f.Name).ToList();
        var recorder = v.Visitors.OrderByDescending(x => x.IsRecorder).ThenBy(x => x.Id).FirstOrDefault()?.Person;
        return new Dictionary<string, string?>
        {
            ["单位名称"] = institution,
            ["家访对象"] = string.Join("、", people.Select(p => p.Name)),
            ["家属"] = family.Count == 0 ? "家属" : string.Join("、", family),
            ["家访时间"] = ChineseDates.Span(v.PlannedStart, v.PlannedEnd),
            ["家访地点"] = v.Place ?? people.Select(p => p.HomeAddress).FirstOrDefault(a => a is not null) ?? "家中",
            ["家访人员"] = string.Join("、", v.Visitors.OrderBy(x => x.Id).Select(x => x.Person!.Position is { } pos ? $"{x.Person.Name}（{pos}）" : x.Person!.Name)),
            ["家访事由"] = v.Purpose ?? "开展“清廉家庭·幸福人生”清廉家访，了解家庭情况，听取意见建议，共话清廉家风",
            ["联系人"] = recorder?.Name,
            ["联系电话"] = recorder?.Phone ?? "（请填写）",
            ["通知日期"] = ChineseDates.Day(clock.Today()),
            ["提前天数"] = r.NoticeLeadDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Records the notice as sent (who, when, how, to whom) and marks the visit notified, in one transaction.
    /// Refused when it reached the family later than the lead time before the visit, or by word of mouth when
    /// the rules ask for writing.
    /// </summary>
    public async Task<int> RecordSentAsync(PortalUser user, int visitId, NoticeSent input, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, QinglianProgramme.Key);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadVisitAsync(db, user, visitId, tracked: true, ct);
        if (!MayChange(user, visit)) throw new AccessDeniedException("只有家访人员可以登记通知送达。");
        if (visit.Status is not (VisitStatus.Planned or VisitStatus.Notified))
            throw new PortalValidationException(nameof(input.SentOn), "已完成或已取消的家访不能再登记通知。");
        var r = await rules.RulesOnAsync(user.InstitutionId, visit.ProgrammeKey, DateOnly.FromDateTime(visit.PlannedStart), ct);

        var today = clock.Today();
        var planned = DateOnly.FromDateTime(visit.PlannedStart);
        var createdOn = DateOnly.FromDateTime(visit.CreatedAt.ToInstitutionTime());
        var sentOn = input.SentOn is { } s ? DateOnly.FromDateTime(s) : (DateOnly?)null;
        var v = new Validator()
            .Check(sentOn is not null, nameof(input.SentOn), "请填写送达日期。")
            .Check(sentOn is null || sentOn <= today, nameof(input.SentOn), "送达日期不能晚于今天。")
            .Check(sentOn is null || sentOn >= createdOn, nameof(input.SentOn), new PortalMessage("送达日期不能早于安排家访的日期（{0:yyyy-MM-dd}）。", createdOn))
            .Check(Enum.IsDefined(input.Method), nameof(input.Method), "请选择送达方式。")
            .Check(!(r.NoticeInWriting && input.Method == NoticeMethod.Verbal), nameof(input.Method),
                "本项目须书面通知家访对象，口头或电话通知不能作为书面通知送达。")
            .Require(nameof(input.Recipient), input.Recipient, "送达对象").MaxLength(nameof(input.Recipient), input.Recipient?.Trim(), 100, "送达对象")
            .MaxLength(nameof(input.Note), input.Note, 500, "备注");
        if (sentOn is { } sent && r.NoticeLeadDays > 0)
        {
            var latest = planned.AddDays(-r.NoticeLeadDays);
            v.Check(sent <= latest, nameof(input.SentOn), new PortalMessage(r.NoticeInWriting
                    ? "通知须在家访前 {0} 天书面送达：本次家访在 {1:yyyy-MM-dd}，最迟应在 {2:yyyy-MM-dd} 送达。请先将家访改期到 {3:yyyy-MM-dd} 或以后，再登记送达。"
                    : "通知须在家访前 {0} 天送达：本次家访在 {1:yyyy-MM-dd}，最迟应在 {2:yyyy-MM-dd} 送达。请先将家访改期到 {3:yyyy-MM-dd} 或以后，再登记送达。",
                r.NoticeLeadDays, planned, latest, sent.AddDays(r.NoticeLeadDays)));
        }
        v.ThrowIfInvalid();

        var template = await templates.GetAsync(user.InstitutionId, QinglianProgramme.NoticeTemplate, ct);
        var notice = new QinglianNotice
        {
            InstitutionId = visit.InstitutionId,
            VisitId = visit.Id,
            SentOn = sentOn!.Value,
            Method = input.Method,
            Recipient = input.Recipient!.Trim(),
            Note = TextInput.Clean(input.Note),
            VisitTime = visit.PlannedStart,
            LeadDays = r.NoticeLeadDays,
            TemplateHash = template.Hash,
            SentByUserId = user.UserId,
            SentByName = user.DisplayName,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(notice);
        // The visit row is always updated, so a stale version is refused even when it was already notified.
        db.Entry(visit).Property(x => x.Version).OriginalValue = input.Version;
        visit.Status = VisitStatus.Notified;
        visit.NotifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveOrConflictAsync(ct);
        return notice.Id;
    }
}

/// <summary>Dates as Chinese letters write them.</summary>
public static class ChineseDates
{
    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string Span(DateTime start, DateTime end) =>
        $"{Day(DateOnly.FromDateTime(start))}（{Weekdays[(int)start.DayOfWeek]}）{start:HH:mm}—" +
        (end.Date == start.Date ? end.ToString("HH:mm") : $"{Day(DateOnly.FromDateTime(end))} {end:HH:mm}");
}
