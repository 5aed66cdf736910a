using System.Security.Cryptography;
using System.Text;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HomeVisit.Core.Calendar;

public sealed record CalendarEntry(
    int VisitId, long Version, string ProgrammeKey, string ProgrammeName, string Colour, VisitForm Form, VisitStatus Status,
    DateTime Start, DateTime End, string Targets, string Visitors, string? Place, bool TakesPart)
{
    public string Title => $"{Start:HH:mm} {Targets}";
}

/// <summary>
/// The visits of a calendar range in start order. A range can hold more than a calendar shows at once
/// (<see cref="CalendarService.MaxEntries"/>): then these are the first ones and <see cref="Total"/> says how many there are,
/// so the page can say so instead of leaving the rest out silently.
/// </summary>
public sealed class CalendarEntries(IList<CalendarEntry> entries, int total) : System.Collections.ObjectModel.ReadOnlyCollection<CalendarEntry>(entries)
{
    public int Total { get; } = total;
    public bool IsCapped => Total > Count;
}

/// <summary>Someone on the proposed team already has a visit at that time.</summary>
public sealed record CalendarConflict(int PersonId, string PersonName, DateTime Start, DateTime End, int? VisitId);

public sealed record FeedInfo(int Id, string Name, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastFetchedAt);

/// <summary>Leaders' visit calendars, unit and programme calendars, conflicts, and private iCalendar feeds.</summary>
public sealed class CalendarService(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, OrgService org, TimeProvider clock,
    ILogger<CalendarService> logger)
{
    /// <summary>The most visits one calendar range shows; beyond it the page says "showing the first N of M".</summary>
    public const int MaxEntries = 2000;

    /// <summary>The most visits one iCalendar feed carries (its own visits from 90 days back to 400 ahead).</summary>
    public const int MaxFeedEvents = 2000;

    /// <summary>The visits a user leads or joins in a range, across all programmes.</summary>
    /// <summary>
    /// Where a dragged visit lands. A month view's slot is a whole day (its time 00:00): the visit keeps its time of day
    /// on the new day, since nobody means to move a 16:00 visit to midnight. A week or day view's slot carries its time.
    /// </summary>
    public static DateTime DroppedStart(DateTime originalStart, DateTime slotStart, TimeSpan offset) =>
        slotStart.TimeOfDay == TimeSpan.Zero && originalStart.TimeOfDay != TimeSpan.Zero
            ? slotStart.Date + originalStart.TimeOfDay
            : originalStart + offset;

    public async Task<CalendarEntries> MyEntriesAsync(PortalUser user, DateTime from, DateTime to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId ?? -1;
        var hidden = programmes.HiddenFrom(user);
        // The ids of my visitor rows, not a correlated EXISTS per visit (as VisitService.Visible does).
        var mine = db.VisitVisitors.Where(x => x.PersonId == me).Select(x => x.VisitId);
        var visits = db.Visits.Where(v => v.InstitutionId == user.InstitutionId && mine.Contains(v.Id) && !hidden.Contains(v.ProgrammeKey));
        return await EntriesAsync(visits, from, to, me, ct);
    }

    /// <summary>All visits of a unit (by its visitors, sub-units included) or of a programme, for overseers.</summary>
    public async Task<CalendarEntries> OverviewEntriesAsync(PortalUser user, int? unitId, string? programmeKey, DateTime from, DateTime to, CancellationToken ct = default)
    {
        var overseen = programmes.OverseenBy(user);
        if (overseen.Count == 0) throw new AccessDeniedException("只有管理员和组织部、纪检监察部门可以查看单位日程。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visits = db.Visits.Where(v => v.InstitutionId == user.InstitutionId && overseen.Contains(v.ProgrammeKey));
        if (!string.IsNullOrEmpty(programmeKey)) visits = visits.Where(v => v.ProgrammeKey == programmeKey);
        if (unitId is int id)
        {
            var units = await org.SubtreeIdsAsync(db, user.InstitutionId, id, ct);
            visits = visits.Where(v => v.Visitors.Any(x => x.Person!.UnitId != null && units.Contains(x.Person.UnitId.Value)));
        }
        return await EntriesAsync(visits, from, to, user.PersonId ?? -1, ct);
    }

    private async Task<CalendarEntries> EntriesAsync(IQueryable<Visit> visits, DateTime from, DateTime to, int me, CancellationToken ct)
    {
        // A visit overlapping the range starts before its end and, lasting at most Visit.MaxDuration, after its start less
        // that. Without the lower bound the (InstitutionId, PlannedStart) index gave every visit since the first one, each
        // read from the table for its end: 0.8 s of CPU for a month of the county (docs/performance.md, fourth round).
        var earliestStart = from - Visit.MaxDuration;
        var inRange = visits.AsNoTracking().Where(v => v.PlannedStart < to && v.PlannedStart > earliestStart && v.PlannedEnd > from);
        // Split: the range's visits first, then their targets and visitors by visit id; as one query SQLite joined the
        // range to every target and visitor row of the database.
        var rows = await inRange
            .OrderBy(v => v.PlannedStart).ThenBy(v => v.Id)
            .Take(MaxEntries)
            .AsSplitQuery()
            .Select(v => new
            {
                v.Id, v.Version, v.ProgrammeKey, v.Form, v.Status, v.PlannedStart, v.PlannedEnd, v.Place,
                Targets = v.Targets.Select(t => t.Person != null ? t.Person.Name : t.OrgUnit!.Name).ToList(),
                Visitors = v.Visitors.Select(x => x.Person!.Name).ToList(),
                TakesPart = v.Visitors.Any(x => x.PersonId == me),
            })
            .ToListAsync(ct);
        // Counted only when the page is full, so the usual range costs no second query.
        var total = rows.Count < MaxEntries ? rows.Count : await inRange.CountAsync(ct);
        return new CalendarEntries(rows.Select(r =>
        {
            var module = programmes.Find(r.ProgrammeKey);
            return new CalendarEntry(r.Id, r.Version, r.ProgrammeKey, module?.Name ?? r.ProgrammeKey, module?.Colour ?? "#607d8b", r.Form, r.Status,
                r.PlannedStart, r.PlannedEnd, string.Join("、", r.Targets), string.Join("、", r.Visitors), r.Place, r.TakesPart);
        }).ToList(), total);
    }

    /// <summary>
    /// Overlapping visits (not cancelled, not done) of the given people. Visits the user may not see are reported
    /// without their id, so a warning never reveals another programme's record.
    /// </summary>
    public async Task<IReadOnlyList<CalendarConflict>> ConflictsAsync(PortalUser user, IReadOnlyCollection<int> personIds, DateTime start, DateTime end, int? excludeVisitId, CancellationToken ct = default)
    {
        if (personIds.Count == 0 || end <= start) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overseen = programmes.OverseenBy(user);
        var me = user.PersonId ?? -1;
        var rows = await db.VisitVisitors.AsNoTracking()
            .Where(x => personIds.Contains(x.PersonId) && x.Visit!.InstitutionId == user.InstitutionId && x.VisitId != excludeVisitId &&
                        (x.Visit.Status == VisitStatus.Planned || x.Visit.Status == VisitStatus.Notified) &&
                        x.Visit.PlannedStart < end && x.Visit.PlannedEnd > start)
            .Select(x => new
            {
                x.PersonId, x.Person!.Name, x.Visit!.PlannedStart, x.Visit.PlannedEnd, x.VisitId,
                Visible = overseen.Contains(x.Visit.ProgrammeKey) || x.Visit.Visitors.Any(y => y.PersonId == me),
            })
            .OrderBy(x => x.PlannedStart)
            .ToListAsync(ct);
        return rows.Select(r => new CalendarConflict(r.PersonId, r.Name, r.PlannedStart, r.PlannedEnd, r.Visible ? r.VisitId : null)).ToList();
    }

    public async Task<IReadOnlyList<FeedInfo>> FeedsAsync(PortalUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.UserId == user.UserId)
            .OrderByDescending(f => f.Id)
            .Select(f => new FeedInfo(f.Id, f.Name, f.CreatedAt, f.RevokedAt, f.LastFetchedAt)).ToListAsync(ct);
    }

    /// <summary>Creates a feed and returns its token: the only time it is ever available.</summary>
    public async Task<string> CreateFeedAsync(PortalUser user, string? name, CancellationToken ct = default)
    {
        new Validator().MaxLength("Name", name, 100, "名称").ThrowIfInvalid();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        db.Set<CalendarFeed>().Add(new CalendarFeed
        {
            InstitutionId = user.InstitutionId, UserId = user.UserId, Name = TextInput.Clean(name) ?? "我的家访日程",
            TokenHash = Hash(token), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeFeedAsync(PortalUser user, int feedId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.Id == feedId && f.UserId == user.UserId, ct) ?? throw new NotFoundException();
        feed.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The feed's iCalendar text, or null for an unknown or revoked token (the endpoint answers 404). It holds
    /// the owner's own visits only, and nothing sensitive: no address or family details; a visit of a confidential
    /// programme (<see cref="Programmes.IProgrammeModule.IsConfidential"/>) shows as a bare work appointment.
    /// </summary>
    public async Task<string?> RenderFeedAsync(string token, string portalBaseUrl, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(token);
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct);
        if (feed is null) return null;
        var owner = await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == feed.UserId && !a.IsDisabled, ct);
        if (owner?.PersonId is not int me) return null;

        var now = clock.Now();
        var mine = db.VisitVisitors.Where(x => x.PersonId == me).Select(x => x.VisitId);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.InstitutionId == owner.InstitutionId && mine.Contains(v.Id) &&
                        v.PlannedStart >= now.AddDays(-90) && v.PlannedStart < now.AddDays(400))
            .OrderBy(v => v.PlannedStart)
            .AsSplitQuery()
            .Select(v => new
            {
                v.Id, v.Version, v.ProgrammeKey, v.Form, v.Status, v.PlannedStart, v.PlannedEnd,
                Targets = v.Targets.Select(t => t.Person != null ? t.Person.Name : t.OrgUnit!.Name).ToList(),
            })
            .Take(MaxFeedEvents)
            .ToListAsync(ct);
        // A calendar client has nowhere to show "the first N"; the owner's feed is cut at the far end and the log says so.
        if (visits.Count == MaxFeedEvents)
            logger.LogWarning("Calendar feed {FeedId} holds more than {Max} visits; the latest are left out of it.", feed.Id, MaxFeedEvents);
        feed.LastFetchedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);

        var baseUrl = portalBaseUrl.TrimEnd('/');
        var events = visits.Select(v =>
        {
            var module = programmes.Find(v.ProgrammeKey);
            var summary = module?.IsConfidential == true ? "工作安排" : $"{module?.Name ?? v.ProgrammeKey}：{string.Join("、", v.Targets)}";
            return new IcsEvent($"visit-{v.Id}-inst-{owner.InstitutionId}@homevisit", (int)Math.Min(v.Version, int.MaxValue), v.PlannedStart, v.PlannedEnd,
                summary, "详情请登录家访工作平台查看。", $"{baseUrl}/visits/{v.Id}", v.Status == VisitStatus.Cancelled);
        });
        return IcsWriter.Write("我的家访日程", events, clock.GetUtcNow().UtcDateTime);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
