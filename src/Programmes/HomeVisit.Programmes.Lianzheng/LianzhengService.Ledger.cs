using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianzheng;

public sealed partial class LianzhengService
{
    /// <summary>
    /// The 廉洁家访台账 (annex 2) of a unit and year: the done visits of the programme whose visiting leaders belong to
    /// the unit or a unit below it (the whole institution when no unit is given), in the year by the actual visit date,
    /// oldest first; one row per visit. Only visits the user may see: overseers get the whole unit, a leader or liaison
    /// the visits they took part in. <paramref name="includeSubUnits"/> false keeps the unit's own leaders only (本级:
    /// the school's leaders, say). The whole year, for the printed ledger; the screen pages it (<see cref="LedgerPageAsync"/>)
    /// and the .xlsx export streams it (<see cref="LedgerRowsAsync"/>), both over the same rows in the same order.
    /// </summary>
    public async Task<Ledger> LedgerAsync(PortalUser user, int year, int? unitId, bool includeSubUnits = true, CancellationToken ct = default)
    {
        var (head, _) = await LedgerHeadAsync(user, year, unitId, includeSubUnits, count: false, ct);
        var rows = new List<LedgerRow>();
        await foreach (var row in LedgerRowsAsync(user, year, unitId, includeSubUnits, ct)) rows.Add(row);
        return head with { Rows = rows };
    }

    /// <summary>
    /// One page (1-based) of the ledger's rows, numbered as in the whole year, with the number of rows the year holds:
    /// counted and paged in the database, for the screen.
    /// </summary>
    public async Task<LedgerPageResult> LedgerPageAsync(PortalUser user, int year, int? unitId, bool includeSubUnits, int page, int pageSize,
        CancellationToken ct = default)
    {
        var (head, total) = await LedgerHeadAsync(user, year, unitId, includeSubUnits, count: true, ct);
        if (pageSize <= 0 || total == 0) return new LedgerPageResult(head, new PagedResult<LedgerRow>([], total, page, pageSize));
        pageSize = Math.Min(pageSize, 500);
        page = Math.Max(page, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subtree = await LedgerSubtreeAsync(db, user, unitId, includeSubUnits, ct);
        var rows = await LedgerRowsOfAsync(LedgerVisits(db, user, year, subtree), (page - 1) * pageSize, pageSize, ct);
        return new LedgerPageResult(head, new PagedResult<LedgerRow>(rows, total, page, pageSize));
    }

    /// <summary>
    /// The ledger's rows of the whole year in order, read from the database a batch at a time (keyset on the visit date
    /// and id), so a county's year goes to the .xlsx export without being held in memory.
    /// </summary>
    public async IAsyncEnumerable<LedgerRow> LedgerRowsAsync(PortalUser user, int year, int? unitId, bool includeSubUnits = true,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        const int batch = 500;
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        CheckYear(year);
        List<int>? subtree;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) subtree = await LedgerSubtreeAsync(db, user, unitId, includeSubUnits, ct);
        var no = 0;
        (DateTime Start, int Id)? after = null;
        while (true)
        {
            List<LedgerRow> rows;
            // A context per batch: nothing tracked or cached grows with the year.
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var visits = LedgerVisits(db, user, year, subtree);
                if (after is var (start, id)) visits = visits.Where(v => v.EffectiveStart > start || (v.EffectiveStart == start && v.Id > id));
                rows = await LedgerRowsOfAsync(visits, no, batch, ct, skipInDatabase: false);
            }
            foreach (var row in rows) yield return row;
            if (rows.Count < batch) yield break;
            no += rows.Count;
            after = (rows[^1].Date, rows[^1].VisitId);
        }
    }

    /// <summary>The ledger's title lines (institution, unit) and, when asked, the number of its rows.</summary>
    private async Task<(Ledger Head, int Total)> LedgerHeadAsync(PortalUser user, int year, int? unitId, bool includeSubUnits, bool count, CancellationToken ct)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        CheckYear(year);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.Name).FirstAsync(ct);
        var unitName = institution;
        List<int>? subtree = null;
        if (unitId is int id)
        {
            var units = await UnitsAsync(db, user.InstitutionId, ct);
            if (!units.TryGetValue(id, out var unit)) throw new NotFoundException("单位不存在。");
            subtree = includeSubUnits ? Subtree(units, id) : [id];
            unitName = includeSubUnits ? unit.Name : $"{unit.Name}（本级）";
        }
        var total = count ? await LedgerVisits(db, user, year, subtree).CountAsync(ct) : 0;
        return (new Ledger(year, unitId, unitName, institution, []), total);
    }

    private async Task<List<int>?> LedgerSubtreeAsync(PortalDbContext db, PortalUser user, int? unitId, bool includeSubUnits, CancellationToken ct)
    {
        if (unitId is not int id) return null;
        if (!includeSubUnits) return [id];
        var units = await UnitsAsync(db, user.InstitutionId, ct);
        return units.ContainsKey(id) ? Subtree(units, id) : throw new NotFoundException("单位不存在。");
    }

    /// <summary>The done visits of the year the ledger lists, for the units of <paramref name="subtree"/> (null: all).</summary>
    private IQueryable<Visit> LedgerVisits(PortalDbContext db, PortalUser user, int year, List<int>? subtree)
    {
        var start = new DateTime(year, 1, 1);
        var end = start.AddYears(1);
        var visits = VisibleVisits(db, user).AsNoTracking()
            // A done visit's effective start is its actual start: the year as a range on the indexed column
            // (InstitutionId, ProgrammeKey, EffectiveStart), not a test of every done visit's ActualStart.
            .Where(v => v.Status == VisitStatus.Done && v.ActualStart != null && v.EffectiveStart >= start && v.EffectiveStart < end);
        if (subtree is not null)
        {
            // The leaders' unit decides (not the liaison's who kept the record): see LeadersOf.
            visits = visits.Where(v => v.Visitors.Any(x => x.Person!.UnitId != null && subtree.Contains(x.Person.UnitId.Value)
                                                          && (!x.IsRecorder || !v.Visitors.Any(o => !o.IsRecorder))));
        }
        return visits;
    }

    /// <summary>
    /// The ledger rows of <paramref name="take"/> visits in the ledger's order, numbered from <paramref name="skip"/> + 1;
    /// <paramref name="skipInDatabase"/> false when the query itself already starts after the rows before (keyset).
    /// </summary>
    private static async Task<List<LedgerRow>> LedgerRowsOfAsync(IQueryable<Visit> visits, int skip, int take, CancellationToken ct, bool skipInDatabase = true)
    {
        var ordered = visits.OrderBy(v => v.EffectiveStart).ThenBy(v => v.Id).AsQueryable();
        if (skipInDatabase && skip > 0) ordered = ordered.Skip(skip);
        // Split: the page's visits, then their visitors and targets by visit id, rather than one join that SQLite
        // pairs with every visitor and target row of the database.
        var found = await ordered.Take(take)
            .AsSplitQuery()
            .Select(v => new
            {
                v.Id, Date = v.ActualStart!.Value, v.Form,
                Visitors = v.Visitors.OrderBy(x => x.Id).Select(x => new { x.Person!.Name, x.Person.Position, x.IsRecorder }).ToList(),
                Targets = v.Targets.Where(t => t.PersonId != null).OrderBy(t => t.Id).Select(t => new { t.Person!.Name, t.Person.Position }).ToList(),
            })
            .ToListAsync(ct);

        var rows = new List<LedgerRow>(found.Count);
        foreach (var v in found)
        {
            var leaders = LeadersOf(v.Visitors, x => x.IsRecorder);
            rows.Add(new LedgerRow(skip + rows.Count + 1, v.Id, v.Date,
                string.Join("、", leaders.Select(l => l.Name)), JoinPositions(leaders.Select(l => l.Position)),
                string.Join("、", v.Targets.Select(t => t.Name)), JoinPositions(v.Targets.Select(t => t.Position)), Remark(v.Form)));
        }
        return rows;
    }

    /// <summary>The 备注 cell: the form when it is not an ordinary 上门家访.</summary>
    private static string? Remark(VisitForm form) =>
        form == VisitForm.KeyAppointment ? "重点约访" : form == VisitForm.RegularRevisit ? "定期回访" : null;

    /// <summary>
    /// The year-end view for the 党风廉政建设 assessment (§8(四) “将各单位各部门开展家访情况纳入年度……考核指标”): per
    /// top-level unit the quota roll-up of the year (visitors with a quota, met, behind, required, done, rate) and the
    /// done visits its leaders made. For the programme's overseers and rule admins.
    /// </summary>
    public async Task<Assessment> AssessmentAsync(PortalUser user, int year, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, LianzhengAccess.ProgrammeKey);
        CheckYear(year);
        if (!quotas.CanOversee(user, Key)) throw new AccessDeniedException("只有项目管理员和监督部门可以查看年度考核情况。");
        var rollup = await quotas.UnitRollupAsync(user, Key, DayIn(year), ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await UnitsAsync(db, user.InstitutionId, ct);
        var start = new DateTime(year, 1, 1);
        var end = start.AddYears(1);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.InstitutionId == user.InstitutionId && v.ProgrammeKey == Key && v.Status == VisitStatus.Done
                        && v.ActualStart >= start && v.ActualStart < end)
            .Select(v => new { v.Id, Visitors = v.Visitors.Select(x => new { x.Person!.UnitId, x.IsRecorder }).ToList() })
            .ToListAsync(ct);
        const int noUnit = -1;
        var byTop = new Dictionary<int, HashSet<int>>();
        foreach (var v in visits)
        {
            foreach (var leader in LeadersOf(v.Visitors, x => x.IsRecorder))
            {
                var top = leader.UnitId is int u && units.ContainsKey(u) ? TopLevel(units, u) : noUnit;
                if (!byTop.TryGetValue(top, out var set)) byTop[top] = set = [];
                set.Add(v.Id);
            }
        }

        int VisitsOf(int? unit) => byTop.GetValueOrDefault(unit ?? noUnit)?.Count ?? 0;
        var rows = rollup.Units
            .Select(r => new AssessmentRow(r.UnitId, r.UnitName, r.Visitors, r.OnTrack, r.Behind, r.Required, r.Done, VisitsOf(r.UnitId))
            {
                IsRoot = r.UnitId is int u && units.TryGetValue(u, out var n) && n.ParentId is null,
            })
            .ToList();
        // Units whose leaders visited without carrying a quota still show their visits.
        foreach (var top in byTop.Keys.Where(k => !rows.Any(r => (r.UnitId ?? noUnit) == k)))
            rows.Add(new AssessmentRow(top == noUnit ? null : top, top == noUnit ? "未分配单位" : units[top].Name, 0, 0, 0, 0, 0, VisitsOf(top))
            {
                IsRoot = top != noUnit && units[top].ParentId is null,
            });
        rows = rows
            .OrderBy(r => r.UnitId is null ? 2 : units[r.UnitId.Value].ParentId is null ? 0 : 1)
            .ThenBy(r => r.UnitId is int u ? units[u].SortOrder : 0).ThenBy(r => r.UnitId)
            .ToList();
        var t = rollup.Total;
        return new Assessment(year, rollup.Period.Label, rows,
            new AssessmentRow(null, t.UnitName, t.Visitors, t.OnTrack, t.Behind, t.Required, t.Done, visits.Count))
        {
            Period = rollup.Period,
        };
    }
}
