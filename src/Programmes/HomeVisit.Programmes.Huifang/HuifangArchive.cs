using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Data;
using HomeVisit.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Huifang;

/// <summary>
/// 受处分人员回访关爱's part of the record archive: revisits whose materials were filed in the case archive (第十条,
/// <see cref="RevisitService.ArchiveAsync"/>), each as its 登记表 with the feedback (第九条) and the filing. Secret like the
/// records: the programme's policy already answers "not found" to everyone outside its access roles.
/// </summary>
public sealed class HuifangArchive : IRecordArchive
{
    public string ProgrammeKey => SanctionAccess.ProgrammeKey;
    public string Title => "回访存档";

    public string? Refusal(PortalUser user) => SanctionAccess.CanRead(user) ? null : "无权查看回访存档。";

    public IQueryable<ArchiveEntry> Entries(PortalDbContext db) =>
        db.Set<Revisit>().Where(r => r.ArchivedOn != null && r.ArchivedAt != null).Select(r => new ArchiveEntry
        {
            VisitId = r.VisitId, InstitutionId = r.InstitutionId, VisitStart = r.Visit!.ActualStart, ArchivedAt = r.ArchivedAt!.Value,
            ArchivedBy = db.UserAccounts.Where(u => u.Id == r.ArchivedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
        });

    public async Task<IReadOnlyDictionary<int, ArchiveSummary>> SummariesAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct) =>
        (await db.Set<Revisit>().AsNoTracking().Where(r => visitIds.Contains(r.VisitId))
            .Select(r => new
            {
                r.VisitId, r.SanctionRecord!.Person!.Name,
                Team = r.Visit!.Visitors.OrderByDescending(x => x.IsRecorder).ThenBy(x => x.Id).Select(x => x.Person!.Name).ToList(),
            })
            .ToListAsync(ct))
        .ToDictionary(r => r.VisitId, r => new ArchiveSummary(r.Name, string.Join("、", r.Team)));

    public async Task<IReadOnlyList<ArchiveDocument>> RenderAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct)
    {
        var revisits = await db.Set<Revisit>().AsNoTracking().Where(r => visitIds.Contains(r.VisitId))
            .Include(x => x.Visit!).ThenInclude(v => v.Visitors).ThenInclude(x => x.Person)
            .Include(x => x.SanctionRecord!).ThenInclude(s => s.Person!).ThenInclude(p => p.Unit)
            .AsSplitQuery().ToListAsync(ct);
        return revisits.Select(r =>
        {
            var f = RevisitService.Registration(r);
            return new ArchiveDocument(r.VisitId, f.Name,
            [
                new ArchiveSheet("受处分人员回访关爱工作情况登记表",
                [
                    new ArchiveField("填报单位", f.ReportingUnit),
                    new ArchiveField("填报时间", Date(f.ReportedOn)),
                    new ArchiveField("回访对象姓名", f.Name),
                    new ArchiveField("性别", f.Gender switch { Gender.Male => "男", Gender.Female => "女", _ => null }),
                    new ArchiveField("出生年月", f.BirthDate?.ToString("yyyy-MM")),
                    new ArchiveField("文化程度", f.Education),
                    new ArchiveField("参加工作时间", f.WorkStartedOn?.ToString("yyyy-MM")),
                    new ArchiveField("入党时间", f.PartyJoinedOn?.ToString("yyyy-MM")),
                    new ArchiveField("工作单位及职务", f.UnitAndPosition),
                    new ArchiveField("家庭住址", f.HomeAddress),
                    new ArchiveField("联系电话", f.Phone),
                    new ArchiveField("受处分原因（主要违纪违法事实）", f.Reason),
                    new ArchiveField("党纪处分时间", Date(f.PartyDecidedOn)),
                    new ArchiveField("党纪处分种类", f.PartyKind),
                    new ArchiveField("政务处分时间", Date(f.GovernmentDecidedOn)),
                    new ArchiveField("政务处分种类", f.GovernmentKind),
                    new ArchiveField("回访时间", f.RevisitTime?.ToString("yyyy-MM-dd HH:mm")),
                    new ArchiveField("回访对象态度以及现实表现简述", f.Attitude),
                    new ArchiveField("回访意见建议", f.Suggestions),
                    new ArchiveField("回访工作组", string.Join("、", f.Team)),
                    new ArchiveField("备注", f.Remarks),
                ]),
                new ArchiveSheet("反馈和存档",
                [
                    new ArchiveField("向回访对象反馈日期", Date(r.FedBackToPersonOn)),
                    new ArchiveField("向所在单位党组织反馈日期", Date(r.FedBackToUnitOn)),
                    new ArchiveField("所在单位党组织", r.FeedbackUnitName),
                    new ArchiveField("反馈方式及情况", r.FeedbackNote),
                    new ArchiveField("存档日期", Date(r.ArchivedOn)),
                    new ArchiveField("档案编号或说明", r.ArchiveNote),
                ]),
            ]);
        }).ToList();
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd");
}
