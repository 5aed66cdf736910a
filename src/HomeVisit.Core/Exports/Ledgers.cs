using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Exports;

/// <summary>A ledger (台账) as its annex lays it out: a title, a line for unit and year, columns and rows.</summary>
public sealed record LedgerTable(string Title, string Subtitle, IReadOnlyList<string> Columns, IReadOnlyList<double> Widths, IAsyncEnumerable<IReadOnlyList<object?>> Rows, int RowCount);

/// <summary>
/// A programme's own ledger. A module registers one (keyed by its programme) when its annex differs from the
/// common one; otherwise <see cref="CommonLedger"/> serves. Providers check access and filter in the database.
/// </summary>
public interface ILedgerProvider
{
    string ProgrammeKey { get; }

    Task<LedgerTable> BuildAsync(PortalUser user, int year, int? unitId, CancellationToken ct);
}

/// <summary>
/// The ledger of seed 1 annex 2 and seed 2 annex 1 (序号, 时间, 家访领导姓名, 职务, 家访对象姓名, 职务, 备注):
/// done visits of a programme in a period, by the visitors' unit (the visited person's where the programme counts so,
/// <see cref="VisitUnits"/>; sub-units included), in date order. The period is the programme's own (the rules' year,
/// half year, semester or quarter containing a day, <see cref="PeriodOnAsync"/>), so a ledger holds the visits its period
/// summary counts as done; a programme whose annex keeps a yearly ledger asks for the year. The visiting team is listed
/// with the recorder last.
/// </summary>
public sealed class CommonLedger(IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, OrgService org, ProgrammeRulesService rules)
{
    public static readonly IReadOnlyList<string> Columns = ["序号", "时间", "家访领导姓名", "职务", "家访对象姓名", "职务", "备注"];
    private static readonly IReadOnlyList<double> Widths = [6, 10, 16, 18, 16, 18, 30];

    /// <summary>The programme's reporting period that contains the day, of the kind the rules in force that day name (as QuotaService and the period summary take it).</summary>
    public async Task<Period> PeriodOnAsync(int institutionId, string key, DateOnly day, CancellationToken ct = default)
    {
        var onDay = await rules.RulesOnAsync(institutionId, key, day, ct);
        return Periods.Containing(onDay.Period, day, onDay.Semester);
    }

    /// <summary>The ledger of one calendar year, for a programme whose annex keeps a yearly ledger.</summary>
    public Task<LedgerTable> BuildAsync(PortalUser user, string key, int year, int? unitId, CancellationToken ct) =>
        BuildAsync(user, key, Periods.Containing(PeriodKind.Year, new DateOnly(year, 1, 1)), unitId, ct);

    public async Task<LedgerTable> BuildAsync(PortalUser user, string key, Period period, int? unitId, CancellationToken ct)
    {
        var module = programmes.Find(key) ?? throw new NotFoundException();
        var overseen = programmes.OverseenBy(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitName = "全部单位";
        List<int>? units = null;
        if (unitId is int id)
        {
            units = await org.SubtreeIdsAsync(db, user.InstitutionId, id, ct);
            if (units.Count == 0) throw new NotFoundException();
            unitName = await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Name).FirstAsync(ct);
        }
        var query = Query(db, user, overseen, key, period, units);
        var count = await query.CountAsync(ct);
        return new LedgerTable($"{module.Name}台账", $"单位（部门）：{unitName}　　{PeriodTitle(period)}", Columns, Widths, RowsAsync(user, overseen, key, period, units), count);
    }

    // A year reads "2026 年度" as the annexes print it; other periods by their name with their days.
    private static string PeriodTitle(Period p) =>
        p.Kind == PeriodKind.Year ? $"{p.Start.Year} 年度" : $"{p.Label}（{p.Start:yyyy年M月d日}至{p.End:yyyy年M月d日}）";

    private IQueryable<Visit> Query(PortalDbContext db, PortalUser user, IReadOnlyList<string> overseen, string key, Period period, List<int>? units)
    {
        var from = period.StartTime;
        var to = period.EndExclusive;
        var visits = VisitService.Visible(db, user, overseen, programmes.HiddenFrom(user))
            .Where(v => v.ProgrammeKey == key && v.Status == VisitStatus.Done &&
                        v.EffectiveStart >= from && v.EffectiveStart < to);
        if (units is not null)
            visits = visits.Where(VisitUnits.In(units, programmes.CountedUnderVisitedUnit));
        return visits;
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(PortalUser user, IReadOnlyList<string> overseen, string key, Period period, List<int>? units)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = Query(db, user, overseen, key, period, units).AsNoTracking()
            .OrderBy(v => v.EffectiveStart).ThenBy(v => v.Id)
            // Streamed row by row into the workbook: one statement keeps the stream (a visit has a leader or two and one
            // target, so the product stays small), where split queries would run beside it.
            .AsSingleQuery()
            .Select(v => new
            {
                When = v.EffectiveStart,
                Leaders = v.Visitors.OrderBy(x => x.IsRecorder).ThenBy(x => x.Id).Select(x => new { x.Person!.Name, x.Person.Position }).ToList(),
                Targets = v.Targets.Select(t => t.Person != null ? new { t.Person.Name, t.Person.Position } : new { t.OrgUnit!.Name, Position = (string?)null }).ToList(),
                v.Form,
                v.ProgrammeKey,
            })
            .AsAsyncEnumerable();
        var n = 0;
        await foreach (var r in rows)
        {
            yield return
            [
                ++n, $"{r.When.Month}月{r.When.Day}日",
                string.Join("、", r.Leaders.Select(l => l.Name)), string.Join("、", r.Leaders.Select(l => l.Position).Distinct()),
                string.Join("、", r.Targets.Select(t => t.Name)), string.Join("、", r.Targets.Select(t => t.Position).Distinct()),
                VisitForms.NameOf(r.Form, programmes.Find(r.ProgrammeKey)),
            ];
        }
    }
}
