using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// Seed 2's annexes from the recorded visits: the unit's ledger (魏县领导干部家访台账) and each visit's record form
/// (魏县领导干部家访记录单), which is archived only after the problem is resolved (填表说明 2).
/// </summary>
public sealed class GanbuFormsService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ProgrammeAccess access, TimeProvider clock)
{
    private const string ArchiveRule = "记录单须在家访问题解决之后再存档（记录单填表说明第 2 条）。";

    /// <summary>
    /// The ledger (附件 1) of a unit for a year, or of the whole institution without a unit: one row per person visited in each
    /// recorded 干部家访 that visited a person of the unit or was made by one of its people (the organisation department's
    /// revisits are in its own ledger as well as in the visited unit's), the units below included. Rows are numbered in order
    /// of the visit's date within that ledger, before visibility is applied, so the numbers match the record forms and do not
    /// depend on who reads; a user sees the rows of visits they may see. Page, print view and workbook all show these rows
    /// through <see cref="GanbuLedger.Columns"/> and <see cref="GanbuLedger.Cells"/>.
    /// </summary>
    public async Task<GanbuLedger> LedgerAsync(PortalUser user, int? unitId, int year, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unitName = "全部单位";
        List<int>? units = null;
        if (unitId is int id)
        {
            unitName = await db.OrgUnits.Where(u => u.Id == id && u.InstitutionId == user.InstitutionId).Select(u => u.Name)
                .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("所选单位不存在。");
            units = await SubtreeAsync(db, user.InstitutionId, id, ct);
        }
        var all = await NumberedAsync(db, user.InstitutionId, units, year, ct);
        var ids = all.Select(r => r.VisitId).Distinct().ToList();
        var visible = (await VisitService.Visible(db, user, programmes.OverseenBy(user))
            .Where(v => ids.Contains(v.Id)).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        var institution = await db.Institutions.Where(i => i.Id == user.InstitutionId).Select(i => i.Name).FirstAsync(ct);
        return new GanbuLedger(institution, unitId, unitName, year, all.Where(r => visible.Contains(r.VisitId)).ToList());
    }

    /// <summary>The unit and every unit below it.</summary>
    private static async Task<List<int>> SubtreeAsync(PortalDbContext db, int institutionId, int unitId, CancellationToken ct)
    {
        var children = (await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institutionId && u.ParentId != null)
                .Select(u => new { u.Id, Parent = u.ParentId!.Value }).ToListAsync(ct))
            .ToLookup(u => u.Parent, u => u.Id);
        var result = new List<int> { unitId };
        for (var i = 0; i < result.Count; i++) result.AddRange(children[result[i]].Where(c => !result.Contains(c)));
        return result;
    }

    private async Task<List<GanbuLedgerRow>> NumberedAsync(PortalDbContext db, int institutionId, List<int>? units, int year, CancellationToken ct)
    {
        var start = new DateTime(year, 1, 1);
        var end = start.AddYears(1);
        var query = db.Visits.AsNoTracking()
            .Where(v => v.InstitutionId == institutionId && v.ProgrammeKey == GanbuAccess.ProgrammeKey && v.Status == VisitStatus.Done &&
                        v.ActualStart >= start && v.ActualStart < end);
        if (units is not null)
            query = query.Where(v => v.Targets.Any(t => t.Person != null && t.Person.UnitId != null && units.Contains(t.Person.UnitId.Value)) ||
                                     v.Visitors.Any(x => x.Person!.UnitId != null && units.Contains(x.Person.UnitId.Value)));
        var visits = await query
            .Include(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(v => v.Targets).ThenInclude(t => t.Person)
            .AsSplitQuery()
            .OrderBy(v => v.ActualStart).ThenBy(v => v.Id)
            .ToListAsync(ct);
        var ids = visits.Select(v => v.Id).ToList();
        var links = await db.Set<GanbuRequestVisit>().AsNoTracking().Where(l => ids.Contains(l.VisitId))
            .Select(l => new { l.VisitId, l.Purpose, l.Request!.Category }).ToListAsync(ct);
        var raised = await db.Set<GanbuRequest>().AsNoTracking().Where(r => r.SourceVisitId != null && ids.Contains(r.SourceVisitId.Value))
            .Select(r => new { VisitId = r.SourceVisitId!.Value, r.Category }).ToListAsync(ct);
        var archived = (await db.Set<GanbuRecordArchive>().AsNoTracking().Where(a => ids.Contains(a.VisitId)).Select(a => a.VisitId).ToListAsync(ct)).ToHashSet();

        bool InUnits(int? unit) => units is null || (unit is int u && units.Contains(u));
        var rows = new List<GanbuLedgerRow>();
        foreach (var v in visits)
        {
            var (names, positions) = Leaders(v);
            var notes = links.Where(l => l.VisitId == v.Id)
                .Select(l => l.Purpose == GanbuVisitPurpose.Revisit ? "组织部回访" : $"办理诉求（{GanbuLabels.Short(l.Category)}）")
                .Concat(raised.Where(r => r.VisitId == v.Id).Select(r => $"家访中提出诉求（{GanbuLabels.Short(r.Category)}）"))
                .Append(archived.Contains(v.Id) ? "记录单已归档" : null)
                .OfType<string>().Distinct().ToList();
            // A visit made by the unit's people lists everyone it visited; one that is here for the people visited lists those.
            var byUnit = v.Visitors.Any(x => InUnits(x.Person!.UnitId));
            foreach (var t in v.Targets.OrderBy(t => t.Id).Where(t => t.Person is { } p && (byUnit || InUnits(p.UnitId))))
            {
                rows.Add(new GanbuLedgerRow(rows.Count + 1, v.Id, names, positions, t.Person!.Name, t.Person.Position,
                    notes.Count == 0 ? null : string.Join("；", notes), DateOnly.FromDateTime(v.ActualStart!.Value)));
            }
        }
        return rows;
    }

    /// <summary>The visiting leaders: the visitors other than the recorder, or everyone when one person went alone.</summary>
    internal static (string Names, string Positions) Leaders(Visit v)
    {
        var leaders = v.Visitors.Where(x => !x.IsRecorder).ToList();
        if (leaders.Count == 0) leaders = v.Visitors.ToList();
        return (string.Join("、", leaders.Select(x => x.Person!.Name)), string.Join("、", leaders.Select(x => x.Person!.Position ?? "—")));
    }

    /// <summary>The record form of a recorded 干部家访; reading it is audited (address and family).</summary>
    public async Task<GanbuRecordForm> RecordFormAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadVisitAsync(db, user, visitId, ct);
        if (!visit.Targets.Any(t => t.Person is not null))
            throw new PortalValidationException("Visit", "该家访没有家访对象个人，无法生成记录单。");
        var requests = await LinkedRequestsAsync(db, visit.Id, ct);
        var archive = await db.Set<GanbuRecordArchive>().AsNoTracking().FirstOrDefaultAsync(a => a.VisitId == visit.Id, ct);
        var blocked = archive is null ? Blocker(visit, requests) : null;
        var form = await BuildFormAsync(db, user.InstitutionId, visit, requests, [], ct);
        db.AuditRead(nameof(Visit), visit.Id, "家访记录单");
        await db.SaveChangesAsync(ct);
        return form with
        {
            Archived = archive is not null,
            ArchivedAt = archive?.ArchivedAt,
            ArchivedBy = archive?.ArchivedByName,
            ArchiveBlockedReason = blocked,
            CanArchive = archive is null && blocked is null && CanArchive(user, visit),
        };
    }

    /// <summary>
    /// The record forms of archived visits, for the core's record archive (<see cref="GanbuArchive"/>); who may see them
    /// was decided by the caller. Ledger numbers are computed once per unit and year of the batch.
    /// </summary>
    internal async Task<IReadOnlyList<GanbuRecordForm>> ArchivedFormsAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking()
            .Where(v => visitIds.Contains(v.Id) && v.ProgrammeKey == GanbuAccess.ProgrammeKey && v.Status == VisitStatus.Done)
            .Include(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(v => v.Targets).ThenInclude(t => t.Person).ThenInclude(p => p!.Unit)
            .AsSplitQuery()
            .ToListAsync(ct);
        var numbered = new Dictionary<(int, int), List<GanbuLedgerRow>>();
        var forms = new List<GanbuRecordForm>(visits.Count);
        foreach (var visit in visits.Where(v => v.Targets.Any(t => t.Person is not null)))
            forms.Add(await BuildFormAsync(db, visit.InstitutionId, visit, await LinkedRequestsAsync(db, visit.Id, ct), numbered, ct));
        return forms;
    }

    /// <summary>The annex's fields of a recorded visit with a person visited; <paramref name="numbered"/> caches ledgers by unit and year.</summary>
    private async Task<GanbuRecordForm> BuildFormAsync(PortalDbContext db, int institutionId, Visit visit, List<LinkedRequest> requests,
        Dictionary<(int Unit, int Year), List<GanbuLedgerRow>> numbered, CancellationToken ct)
    {
        var target = visit.Targets.Select(t => t.Person).First(p => p is not null)!;
        var spouse = await db.FamilyMembers.AsNoTracking()
            .Where(f => f.PersonId == target.Id && f.Relation == FamilyRelation.Spouse).OrderBy(f => f.Id).FirstOrDefaultAsync(ct);
        // The 序号 is the row's number in the ledger of the unit the person visited belongs to.
        var number = 0;
        if (target.UnitId is int unitId)
        {
            var year = visit.ActualStart!.Value.Year;
            if (!numbered.TryGetValue((unitId, year), out var rows))
                numbered[(unitId, year)] = rows = await NumberedAsync(db, institutionId, await SubtreeAsync(db, institutionId, unitId, ct), year, ct);
            number = rows.FirstOrDefault(r => r.VisitId == visit.Id)?.Number ?? 0;
        }

        var form = VisitFormData.Parse(visit.FormDataJson);
        var record = string.Join("\n", new[]
        {
            visit.Record,
            $"家访方式：{form.GetValueOrDefault("Methods") ?? "—"}",
            $"送上一声问候，对家属的支持表示感谢：{(VisitFormData.IsYes(form.GetValueOrDefault("Greeting")) ? "是" : "否")}",
            $"征求的意见建议：{form.GetValueOrDefault("OpinionsSought") ?? "—"}",
            $"听取的需求：{form.GetValueOrDefault("NeedsHeard") ?? "—"}",
            visit.ProblemsFound is { } problems ? $"发现的问题：{problems}" : null,
        }.OfType<string>());
        var resolution = string.Join("\n", new[] { visit.Resolution }
            .Concat(requests.Select(r => r.Status == GanbuRequestStatus.Resolved
                ? $"诉求“{r.Summary}”已办结：{r.Resolution}；已向本人反馈：{r.Feedback}"
                : $"诉求“{r.Summary}”：{GanbuLabels.Of(r.Status)}"))
            .OfType<string>());
        var (names, positions) = Leaders(visit);

        var institution = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).FirstAsync(ct);
        return new GanbuRecordForm(institution, visit.Id, target.Unit?.Name ?? "", DateOnly.FromDateTime(visit.ActualStart!.Value), number, target.Name,
            target.Position, target.HomeAddress, spouse?.Name,
            spouse is null ? null : string.Join(" ", new[] { spouse.Workplace, spouse.Position }.OfType<string>()),
            record, resolution.Length == 0 ? "—" : resolution, names, positions,
            visit.Visitors.FirstOrDefault(x => x.IsRecorder)?.Person?.Name);
    }

    /// <summary>Files the record form away; refused while a linked request is open or a problem found has no resolution.</summary>
    public async Task ArchiveAsync(PortalUser user, int visitId, CancellationToken ct = default)
    {
        await access.EnsureAsync(user, GanbuAccess.ProgrammeKey);
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var visit = await LoadVisitAsync(db, user, visitId, ct);
        if (!CanArchive(user, visit)) throw new AccessDeniedException("只有家访人员和组织部可以归档记录单。");
        if (await db.Set<GanbuRecordArchive>().AnyAsync(a => a.VisitId == visitId, ct))
            throw new PortalValidationException("Archive", "该记录单已归档。");
        if (Blocker(visit, await LinkedRequestsAsync(db, visit.Id, ct)) is { } reason)
            throw new PortalValidationException("Archive", reason);
        db.Set<GanbuRecordArchive>().Add(new GanbuRecordArchive
        {
            InstitutionId = user.InstitutionId, VisitId = visitId, ArchivedAt = clock.GetUtcNow().UtcDateTime,
            ArchivedByUserId = user.UserId, ArchivedByName = user.DisplayName,
        });
        await db.SaveChangesAsync(ct);
    }

    private bool CanArchive(PortalUser user, Visit visit) =>
        GanbuAccess.Oversees(programmes, user) || (user.PersonId is int me && visit.Visitors.Any(x => x.PersonId == me));

    private async Task<Visit> LoadVisitAsync(PortalDbContext db, PortalUser user, int visitId, CancellationToken ct)
    {
        var visit = await VisitService.Visible(db, user, programmes.OverseenBy(user)).AsNoTracking()
            .Include(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(v => v.Targets).ThenInclude(t => t.Person).ThenInclude(p => p!.Unit)
            .AsSplitQuery()
            .FirstOrDefaultAsync(v => v.Id == visitId && v.ProgrammeKey == GanbuAccess.ProgrammeKey, ct)
            ?? throw new NotFoundException("该干部家访不存在或无权查看。");
        if (visit.Status != VisitStatus.Done)
            throw new PortalValidationException("Visit", "该家访尚未登记结果；记录单在家访后填写。");
        return visit;
    }

    private sealed record LinkedRequest(string Summary, GanbuRequestStatus Status, string? Resolution, string? Feedback);

    /// <summary>Requests this visit handled, revisited or raised.</summary>
    private static async Task<List<LinkedRequest>> LinkedRequestsAsync(PortalDbContext db, int visitId, CancellationToken ct) =>
        await db.Set<GanbuRequest>().AsNoTracking()
            .Where(r => r.SourceVisitId == visitId || r.Visits.Any(l => l.VisitId == visitId))
            .OrderBy(r => r.Id)
            .Select(r => new LinkedRequest(r.Summary, r.Status, r.Resolution, r.Feedback))
            .ToListAsync(ct);

    private static string? Blocker(Visit visit, List<LinkedRequest> requests)
    {
        if (requests.FirstOrDefault(r => r.Status is GanbuRequestStatus.Open or GanbuRequestStatus.InHandling) is { } open)
            return $"诉求“{open.Summary}”尚未办结。{ArchiveRule}";
        if (requests.Count == 0 && !string.IsNullOrWhiteSpace(visit.ProblemsFound) && string.IsNullOrWhiteSpace(visit.Resolution))
            return $"家访发现的问题尚未解决（未填写问题解决情况）。{ArchiveRule}";
        return null;
    }
}
