using System.Security.Cryptography;
using System.Text;
using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Qinglian;

/// <summary>
/// The state of a period's household list (seed 3 三、1): confirmed or not, by whom and when, and whether the user may
/// confirm it. <see cref="Changed"/>: confirmed once, but the list changed since, so it waits to be confirmed again.
/// </summary>
public sealed record HouseholdListStatus(
    Period Period, bool Required, bool Confirmed, bool Changed, int Households, string? ConfirmedBy, DateTime? ConfirmedAt,
    string? ConfirmerRole, bool CanConfirm)
{
    /// <summary>What changed since the latest confirmation (null: not confirmed, or nothing changed).</summary>
    public HouseholdListChange? Change { get; init; }
}

/// <summary>
/// Staff added to the institution since the list was confirmed (the first few by name, earliest first) and staff on the
/// confirmed list no longer in it: what the 综合部 confirms when it confirms again.
/// </summary>
public sealed record HouseholdListChange(int Added, int Removed, IReadOnlyList<string> AddedNames)
{
    /// <summary>How many added names are shown; the rest are counted.</summary>
    public const int NamesShown = 5;

    /// <summary>“新增 3 人：张三、李四、王五；减少 1 人” in the reader's language.</summary>
    public PortalMessage Message()
    {
        object names = new TextList([.. AddedNames]);
        if (Added > AddedNames.Count) names = new PortalMessage("{0}等", names);
        return (Added, Removed) switch
        {
            ( > 0, > 0) => new PortalMessage("新增 {0} 人：{1}；减少 {2} 人", Added, names, Removed),
            ( > 0, _) => new PortalMessage("新增 {0} 人：{1}", Added, names),
            _ => new PortalMessage("减少 {0} 人", Removed),
        };
    }
}

/// <summary>
/// The household list of a half year (家访名单, seed 3 三、1 “综合部负责……确定家访对象名单”), confirmed by the role the
/// programme's rules name (<see cref="ProgrammeRules.ListConfirmerRole"/>, by default 综合部). Until it is, no visit of
/// the period can be planned on any route (<see cref="QinglianVisitRules"/>). The list is every staff member of the
/// institution with their family members in scope; a change to it after confirmation needs confirming again, and the
/// 综合部 is reminded of it (<see cref="QinglianListReminders"/>).
/// </summary>
public sealed class QinglianListService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeRulesService rules, ProgrammeAccess access, TimeProvider clock)
{
    private const string Key = QinglianProgramme.Key;

    /// <summary>The list of the period containing today.</summary>
    public Task<HouseholdListStatus> StatusAsync(PortalUser user, CancellationToken ct = default) => StatusAsync(user, next: false, ct);

    /// <summary>
    /// The list of the coming period (the one after today's). The confirming role may confirm it before it starts, so that
    /// in the last days of this period visits early in the next one can be planned with the written notice's lead time.
    /// </summary>
    public Task<HouseholdListStatus> NextStatusAsync(PortalUser user, CancellationToken ct = default) => StatusAsync(user, next: true, ct);

    private async Task<HouseholdListStatus> StatusAsync(PortalUser user, bool next, CancellationToken ct)
    {
        await access.EnsureAsync(user, Key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (period, r) = await PeriodAsync(rules, user.InstitutionId, clock.Today(), next, ct);
        var latest = (await CompareAsync(db, user.InstitutionId, [period.Start], ct)).SingleOrDefault();
        var households = latest?.Staff ?? await db.People.CountAsync(p => p.InstitutionId == user.InstitutionId, ct);
        var confirmed = latest is { Matches: true };
        var required = r.ListConfirmerRole is not null;
        return new HouseholdListStatus(period, required, confirmed, latest is not null && !confirmed, households,
            latest?.ConfirmedByName, latest?.ConfirmedAt, r.ListConfirmerRole,
            CanConfirm: required && user.IsInRole(r.ListConfirmerRole!) && !confirmed)
        {
            Change = latest is { Matches: false } ? latest.Change : null,
        };
    }

    /// <summary>
    /// Confirms the list as it stands now, for the period containing today or, with <paramref name="next"/>, the coming
    /// one; only the role the rules name. Audited (IAudited).
    /// </summary>
    public async Task ConfirmAsync(PortalUser user, bool next = false, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, Key);
        // Opened for the user, so the audit entry names who confirmed.
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var (period, r) = await PeriodAsync(rules, user.InstitutionId, clock.Today(), next, ct);
        if (r.ListConfirmerRole is not { } role || !user.IsInRole(role))
            throw new AccessDeniedException("只有规则指定的角色（默认综合部）可以确认家访名单。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The one place the whole list is read: its fingerprint is kept with the confirmation as the record of what was
        // confirmed; the status and the reminder compare the kept members in the database instead.
        var (hash, count) = await FingerprintAsync(db, user.InstitutionId, ct);
        var confirmation = new QinglianListConfirmation
        {
            InstitutionId = user.InstitutionId,
            PeriodStart = period.Start,
            ListHash = hash,
            Households = count,
            ConfirmedByUserId = user.UserId,
            ConfirmedByName = user.DisplayName,
            ConfirmedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<QinglianListConfirmation>().Add(confirmation);
        await db.SaveChangesAsync(ct);
        // The members in the database, in one statement: a county's list is 20,000 households.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "QinglianListMembers" ("ConfirmationId", "PersonId")
            SELECT {confirmation.Id}, "Id" FROM "People" WHERE "InstitutionId" = {user.InstitutionId}
            """, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Today's period under the rules in force today, or the coming one under the rules in force on its first day (as a
    /// visit planned then is checked): those rules say whether it has a list and who confirms it.
    /// </summary>
    internal static async Task<(Period Period, ProgrammeRules Rules)> PeriodAsync(
        ProgrammeRulesService rules, int institutionId, DateOnly today, bool next, CancellationToken ct)
    {
        var r = await rules.RulesOnAsync(institutionId, Key, today, ct);
        var period = Periods.Containing(r.Period, today, r.Semester);
        if (!next) return (period, r);
        var start = period.End.AddDays(1);
        var coming = await rules.RulesOnAsync(institutionId, Key, start, ct);
        return (Periods.Containing(coming.Period, start, coming.Semester), coming);
    }

    /// <summary>A period's latest confirmation compared with the staff as they stand.</summary>
    internal sealed record ListComparison(
        int ConfirmationId, DateOnly PeriodStart, string? ConfirmedByName, DateTime ConfirmedAt, int Staff, HouseholdListChange Change)
    {
        public bool Matches => Change.Added == 0 && Change.Removed == 0;
    }

    /// <summary>
    /// The latest confirmation of each of the periods starting on <paramref name="periodStarts"/> that has one, compared with
    /// the staff of the institution now, in one statement: the kept members against the people, counted, so nothing grows
    /// with the size of the list but the database's own work (and the first few added by name when there are any). A member whose
    /// person row is gone was cascaded away with it, so the removed are counted against the households confirmed.
    /// </summary>
    internal static async Task<IReadOnlyList<ListComparison>> CompareAsync(
        PortalDbContext db, int institutionId, IReadOnlyCollection<DateOnly> periodStarts, CancellationToken ct)
    {
        var starts = periodStarts.ToList();
        var confirmations = db.Set<QinglianListConfirmation>();
        var members = db.Set<QinglianListMember>();
        var staff = db.People.Where(p => p.InstitutionId == institutionId);
        var rows = await confirmations.AsNoTracking()
            .Where(c => c.InstitutionId == institutionId && starts.Contains(c.PeriodStart) &&
                        !confirmations.Any(d => d.InstitutionId == institutionId && d.PeriodStart == c.PeriodStart && d.Id > c.Id))
            .Select(c => new
            {
                c.Id, c.PeriodStart, c.ConfirmedByName, c.ConfirmedAt, c.Households,
                Listed = members.Count(m => m.ConfirmationId == c.Id),
                Kept = members.Count(m => m.ConfirmationId == c.Id && staff.Any(p => p.Id == m.PersonId)),
                Added = staff.Count(p => !members.Any(m => m.ConfirmationId == c.Id && m.PersonId == p.Id)),
            })
            .ToListAsync(ct);
        var compared = new List<ListComparison>(rows.Count);
        foreach (var c in rows)
        {
            // The names only when someone came: a second statement then (SQLite cannot take the first few per row in one).
            List<string> names = c.Added == 0 ? [] : await staff.Where(p => !members.Any(m => m.ConfirmationId == c.Id && m.PersonId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Name).Take(HouseholdListChange.NamesShown).ToListAsync(ct);
            compared.Add(new ListComparison(c.Id, c.PeriodStart, c.ConfirmedByName, c.ConfirmedAt, c.Kept + c.Added,
                new HouseholdListChange(c.Added, Math.Max(0, Math.Max(c.Households, c.Listed) - c.Kept), names)));
        }
        return compared;
    }

    private static async Task<(string Hash, int Households)> FingerprintAsync(PortalDbContext db, int institutionId, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.InstitutionId == institutionId).Select(p => p.Id).ToListAsync(ct);
        return (Fingerprint(people), people.Count);
    }

    /// <summary>
    /// The list's fingerprint: which households are on it (the staff members, by id, in a fixed order). A household's
    /// family members are its particulars, not the list: registering a spouse must not stop every leader of the
    /// institution from planning until the list is confirmed again, so only a staff member added or removed changes it.
    /// </summary>
    public static string Fingerprint(IEnumerable<int> people)
    {
        var text = new StringBuilder();
        foreach (var p in people.Distinct().Order())
            text.Append(p).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>
/// 三、1 on every route a visit is planned by (the household page, the general 安排家访 form, the calendar), run by
/// <see cref="VisitService"/>: no visit of a period whose household list is not confirmed, nor to someone the confirmed
/// list does not hold (a staff member added since).
/// </summary>
public sealed class QinglianListCheck : IVisitPlanCheck
{
    public string ProgrammeKey => QinglianProgramme.Key;

    public async Task CheckAsync(PortalDbContext db, PortalUser user, VisitPlan plan, ProgrammeRules rules, Validator v, CancellationToken ct)
    {
        if (plan.ProgrammeKey != QinglianProgramme.Key || rules.ListConfirmerRole is null || plan.PlannedStart is not { } when) return;
        var period = Periods.Containing(rules.Period, DateOnly.FromDateTime(when), rules.Semester);
        var latest = await db.Set<QinglianListConfirmation>().AsNoTracking()
            .Where(c => c.InstitutionId == user.InstitutionId && c.PeriodStart == period.Start)
            .OrderByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            // Moving a visit inside its period (a calendar drag) does not ask for the list again: that was settled when it was planned.
            if (plan.Id != 0)
            {
                var before = await db.Visits.AsNoTracking().Where(x => x.Id == plan.Id).Select(x => (DateTime?)x.PlannedStart).FirstOrDefaultAsync(ct);
                if (before is { } b && b >= period.StartTime && b < period.EndExclusive) return;
            }
            v.Add(nameof(plan.PlannedStart), new PortalMessage("{0}的家访名单尚未确认：请综合部（名单确认角色）在“家访对象家庭”中确认名单后再安排家访（三、1）。", period));
            return;
        }
        // Only the people the list holds: a newcomer since the confirmation waits for the 综合部, everyone else can be visited.
        // An edit is held to it for the people it adds (the side door of adding a newcomer to a visit already planned);
        // those it had were settled when it was planned, so moving it on the calendar is not refused for them.
        var had = plan.Id == 0 ? new List<int>() : await db.VisitTargets.AsNoTracking()
            .Where(t => t.VisitId == plan.Id && t.PersonId != null).Select(t => t.PersonId!.Value).ToListAsync(ct);
        var targets = plan.TargetPersonIds.Except(had).ToList();
        if (targets.Count == 0) return;
        var missing = await db.People.AsNoTracking()
            .Where(p => targets.Contains(p.Id) && !db.Set<QinglianListMember>().Any(m => m.ConfirmationId == latest && m.PersonId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(ct);
        if (missing.Count > 0)
            v.Add(nameof(plan.PlannedStart), new PortalMessage("{0}不在{1}已确认的家访名单中：请综合部（名单确认角色）在“家访对象家庭”中重新确认名单后再安排家访（三、1）。",
                string.Join("、", missing), period));
    }
}
