using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Ganbu;

/// <summary>
/// 干部家访's part of the record archive: the 领导干部家访记录单 filed away once the problem was resolved (填表说明 2,
/// <see cref="GanbuFormsService.ArchiveAsync"/>). Whoever may use the programme opens it; the core leaves each user the
/// forms of visits they may see (the organisation department every one, a leader their own).
/// </summary>
public sealed class GanbuArchive(GanbuFormsService forms) : IRecordArchive
{
    public string ProgrammeKey => GanbuAccess.ProgrammeKey;
    public string Title => "记录单归档";

    public string? Refusal(PortalUser user) => null;

    public IQueryable<ArchiveEntry> Entries(PortalDbContext db) =>
        db.Set<GanbuRecordArchive>().Select(a => new ArchiveEntry
        {
            VisitId = a.VisitId, InstitutionId = a.InstitutionId, VisitStart = a.Visit!.ActualStart, ArchivedAt = a.ArchivedAt,
            ArchivedBy = a.ArchivedByName,
        });

    public async Task<IReadOnlyDictionary<int, ArchiveSummary>> SummariesAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => visitIds.Contains(v.Id))
            .Include(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(v => v.Targets).ThenInclude(t => t.Person)
            .AsSplitQuery().ToListAsync(ct);
        return visits.ToDictionary(v => v.Id, v => new ArchiveSummary(
            string.Join("、", v.Targets.OrderBy(t => t.Id).Where(t => t.Person is not null).Select(t => t.Person!.Name)),
            GanbuFormsService.Leaders(v).Names));
    }

    public async Task<IReadOnlyList<ArchiveDocument>> RenderAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct) =>
        (await forms.ArchivedFormsAsync(db, visitIds, ct)).Select(f => new ArchiveDocument(f.VisitId, f.TargetName,
        [
            new ArchiveSheet($"{f.InstitutionName}领导干部家访记录单",
            [
                new ArchiveField("单位", f.UnitName),
                new ArchiveField("序号", f.Number == 0 ? null : f.Number.ToString()),
                new ArchiveField("家访时间", f.Date.ToString("yyyy-MM-dd")),
                new ArchiveField("家访对象姓名", f.TargetName),
                new ArchiveField("职务", f.TargetPosition),
                new ArchiveField("家庭住址", f.HomeAddress),
                new ArchiveField("配偶姓名", f.SpouseName),
                new ArchiveField("工作单位及职务", f.SpouseWorkplaceAndPosition),
                new ArchiveField("家访情况记录", f.Record),
                new ArchiveField("家访问题解决情况", f.Resolution),
                new ArchiveField("家访领导姓名", f.LeaderNames),
                new ArchiveField("家访领导职务", f.LeaderPositions),
                new ArchiveField("记录人", f.RecorderName),
            ]),
        ])).ToList();
}
