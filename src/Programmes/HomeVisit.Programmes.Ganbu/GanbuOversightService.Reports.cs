using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>A reporting unit's quarter: its written summary (四（二）) and its 汇报分析会 (四（三）), as far as recorded.</summary>
public sealed record GanbuQuarterReportRow(
    int UnitId, string UnitName, long Version, string? Summary, DateTime? SubmittedAt, string? SubmittedBy,
    DateOnly? MeetingDate, string? MeetingConclusions, bool CanReport);

public sealed class GanbuQuarterSummaryInput
{
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public long Version { get; set; }
    public string? Summary { get; set; }
}

public sealed class GanbuAnalysisMeetingInput
{
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public long Version { get; set; }
    public DateTime? Date { get; set; }
    public string? Conclusions { get; set; }
}

public sealed partial class GanbuOversightService
{
    /// <summary>
    /// The units that report to the county organisation department (seed 2 四（二）“各单位……上报县委组织部”): the townships and
    /// county units directly under the county (a root of the tree), party branches aside.
    /// </summary>
    private static IQueryable<OrgUnit> ReportingUnits(PortalDbContext db, int institutionId) =>
        db.OrgUnits.Where(u => u.InstitutionId == institutionId && u.Kind != OrgUnitKind.PartyBranch && u.ParentId != null
                               && db.OrgUnits.Any(p => p.Id == u.ParentId && p.ParentId == null));

    /// <summary>The units the user leads (一把手, 副职, 分管) today, for which they submit the unit's reports.</summary>
    private async Task<List<int>> UnitsLedByAsync(PortalDbContext db, PortalUser user, CancellationToken ct)
    {
        if (user.PersonId is not int me) return [];
        var today = clock.Today();
        return await db.UnitLeaderships.Where(l => l.InstitutionId == user.InstitutionId && l.PersonId == me
                                                  && (l.Role == LeadershipRole.Head || l.Role == LeadershipRole.Deputy || l.Role == LeadershipRole.Oversees)
                                                  && (l.StartsOn == null || l.StartsOn <= today) && (l.EndsOn == null || l.EndsOn >= today))
            .Select(l => l.UnitId).Distinct().ToListAsync(ct);
    }

    private void CheckQuarter(int year, int quarter)
    {
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100) throw new PortalValidationException("Quarter", "请选择正确的年度和季度。");
        if (QuarterDates(year, quarter).From > clock.Today()) throw new PortalValidationException("Quarter", "该季度尚未开始。");
    }

    /// <summary>
    /// Every reporting unit's quarter for the organisation department (and the programme's other overseers), units that have
    /// not submitted their summary first; a unit's leaders see their own units.
    /// </summary>
    public async Task<IReadOnlyList<GanbuQuarterReportRow>> QuarterReportsAsync(PortalUser user, int year, int quarter, CancellationToken ct = default)
    {
        if (quarter is < 1 or > 4 || year is < 2000 or > 2100) throw new PortalValidationException("Quarter", "请选择正确的年度和季度。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var led = await UnitsLedByAsync(db, user, ct);
        var oversees = GanbuAccess.Oversees(programmes, user);
        var directs = GanbuAccess.Directs(user);
        var units = ReportingUnits(db, user.InstitutionId);
        if (!oversees) units = units.Where(u => led.Contains(u.Id));
        var rows = await units.AsNoTracking()
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new
            {
                u.Id, u.Name,
                Report = db.Set<GanbuQuarterReport>().Where(r => r.UnitId == u.Id && r.Year == year && r.Quarter == quarter)
                    .Select(r => new
                    {
                        r.Version, r.Summary, r.SubmittedAt, r.MeetingDate, r.MeetingConclusions,
                        By = db.UserAccounts.Where(a => a.Id == r.SubmittedByUserId).Select(a => a.DisplayName).FirstOrDefault(),
                    }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .Select(u => new GanbuQuarterReportRow(u.Id, u.Name, u.Report?.Version ?? 0, u.Report?.Summary, u.Report?.SubmittedAt?.ToInstitutionTime(), u.Report?.By,
                u.Report?.MeetingDate, u.Report?.MeetingConclusions, directs || led.Contains(u.Id)))
            .OrderBy(r => r.SubmittedAt is not null)
            .ToList();
    }

    /// <summary>A unit submits (or corrects) its written summary of the quarter (四（二）): its leaders, or the department for it.</summary>
    public async Task SubmitQuarterSummaryAsync(PortalUser user, GanbuQuarterSummaryInput input, CancellationToken ct = default)
    {
        CheckQuarter(input.Year, input.Quarter);
        new Validator()
            .Check(input.UnitId is not null, nameof(input.UnitId), "请选择单位。")
            .Require(nameof(input.Summary), input.Summary, "季度总结")
            .MaxLength(nameof(input.Summary), input.Summary?.Trim(), 4000, "季度总结")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var report = await ReportForChangeAsync(db, user, input.UnitId!.Value, input.Year, input.Quarter, input.Version, ct);
        report.Summary = input.Summary!.Trim();
        report.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        report.SubmittedByUserId = user.UserId;
        await SaveReportAsync(db, report, ct);
    }

    /// <summary>Records the unit's 汇报分析会 of the quarter (四（三）): its date and what it concluded.</summary>
    public async Task RecordAnalysisMeetingAsync(PortalUser user, GanbuAnalysisMeetingInput input, CancellationToken ct = default)
    {
        CheckQuarter(input.Year, input.Quarter);
        var (from, _) = QuarterDates(input.Year, input.Quarter);
        var day = input.Date is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        new Validator()
            .Check(input.UnitId is not null, nameof(input.UnitId), "请选择单位。")
            .Check(day is not null, nameof(input.Date), "请填写会议日期。")
            .Check(day is null || day >= from, nameof(input.Date), $"会议日期不能早于本季度开始（{from:yyyy-MM-dd}）。")
            .Check(day is null || day <= clock.Today(), nameof(input.Date), "会议日期不能晚于今天。")
            .Require(nameof(input.Conclusions), input.Conclusions, "分析研判结论")
            .MaxLength(nameof(input.Conclusions), input.Conclusions?.Trim(), 4000, "分析研判结论")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var report = await ReportForChangeAsync(db, user, input.UnitId!.Value, input.Year, input.Quarter, input.Version, ct);
        report.MeetingDate = day;
        report.MeetingConclusions = input.Conclusions!.Trim();
        report.MeetingRecordedAt = clock.GetUtcNow().UtcDateTime;
        report.MeetingRecordedByUserId = user.UserId;
        await SaveReportAsync(db, report, ct);
    }

    private async Task<GanbuQuarterReport> ReportForChangeAsync(PortalDbContext db, PortalUser user, int unitId, int year, int quarter, long version, CancellationToken ct)
    {
        var reporting = await ReportingUnits(db, user.InstitutionId).AnyAsync(u => u.Id == unitId, ct);
        if (!reporting) throw new PortalValidationException(nameof(GanbuQuarterSummaryInput.UnitId), "所选单位不是向县委组织部报送的单位。");
        if (!GanbuAccess.Directs(user) && !(await UnitsLedByAsync(db, user, ct)).Contains(unitId))
            throw new AccessDeniedException("只有本单位领导或县委组织部可以报送本单位的季度总结。");
        var report = await db.Set<GanbuQuarterReport>().FirstOrDefaultAsync(r => r.InstitutionId == user.InstitutionId && r.UnitId == unitId
                                                                          && r.Year == year && r.Quarter == quarter, ct);
        if (report is null)
        {
            if (version != 0) throw new ConcurrencyConflictException();
            // Version 0 means "no report yet" to the page, so a first report starts at 1: whoever still holds 0 when it
            // exists is told someone saved first instead of overwriting it.
            report = new GanbuQuarterReport { InstitutionId = user.InstitutionId, UnitId = unitId, Year = year, Quarter = quarter, Version = 1 };
            db.Set<GanbuQuarterReport>().Add(report);
        }
        else db.Entry(report).Property(x => x.Version).OriginalValue = version;
        return report;
    }

    /// <summary>
    /// Saves; two first reports of a unit's quarter sent at once both insert, and the unique index keeps one: the other
    /// sender gets the same "someone saved first" answer as for an edit.
    /// </summary>
    private static async Task SaveReportAsync(PortalDbContext db, GanbuQuarterReport report, CancellationToken ct)
    {
        var isNew = db.Entry(report).State == EntityState.Added;
        try
        {
            await db.SaveOrConflictAsync(ct);
        }
        catch (DbUpdateException) when (isNew)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
