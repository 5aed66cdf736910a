using System.Text.Json;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Archives;
using HomeVisit.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Programmes.Lianzheng;

/// <summary>
/// 廉政家访's part of the record archive: the 领导干部家访记录单 sent to the discipline office (报送纪检监察室备存, 第八条（三）),
/// as they stood when sent (<see cref="LianzhengRecordArchive.SnapshotJson"/>). Only the discipline office and the system
/// admin open the archive (<see cref="LianzhengService.CanReadArchive"/>).
/// </summary>
public sealed class LianzhengArchive : IRecordArchive
{
    public string ProgrammeKey => LianzhengAccess.ProgrammeKey;
    public string Title => "记录单存档";
    public string? OwnPage => "/programmes/lianzheng/records";

    public string? Refusal(PortalUser user) => LianzhengService.CanReadArchive(user) ? null : "只有纪检监察室可以查看记录单存档。";

    public IQueryable<ArchiveEntry> Entries(PortalDbContext db) =>
        db.Set<LianzhengRecordArchive>().Select(a => new ArchiveEntry
        {
            VisitId = a.VisitId, InstitutionId = a.InstitutionId, VisitStart = a.Visit!.ActualStart, ArchivedAt = a.ArchivedAt,
            ArchivedBy = db.UserAccounts.Where(u => u.Id == a.ArchivedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
        });

    public async Task<IReadOnlyDictionary<int, ArchiveSummary>> SummariesAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct) =>
        (await FormsAsync(db, visitIds, ct)).ToDictionary(kv => kv.Key, kv => new ArchiveSummary(
            string.Join("、", kv.Value.Select(f => f.TargetName)), kv.Value.FirstOrDefault()?.LeaderNames ?? ""));

    public async Task<IReadOnlyList<ArchiveDocument>> RenderAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct) =>
        (await FormsAsync(db, visitIds, ct)).Select(kv => new ArchiveDocument(kv.Key, string.Join("、", kv.Value.Select(f => f.TargetName)),
            kv.Value.Select(Sheet).ToList())).ToList();

    private static async Task<Dictionary<int, List<LianzhengRecordForm>>> FormsAsync(PortalDbContext db, IReadOnlyCollection<int> visitIds, CancellationToken ct) =>
        (await db.Set<LianzhengRecordArchive>().AsNoTracking().Where(a => visitIds.Contains(a.VisitId))
            .Select(a => new { a.VisitId, a.SnapshotJson }).ToListAsync(ct))
        .ToDictionary(a => a.VisitId, a => LianzhengService.ReadSnapshot(a.SnapshotJson));

    /// <summary>Annex 1's fields in the order of the paper form.</summary>
    private static ArchiveSheet Sheet(LianzhengRecordForm f) => new ArchiveSheet("领导干部廉政家访记录单",
    [
        new ArchiveField("家访时间", f.Date?.ToString("yyyy-MM-dd")),
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
        new ArchiveField("家访领导签名", f.LeaderSigned ? "已签名" : "未签名"),
        new ArchiveField("家访记录人签名", f.RecorderSigned ? "已签名" : "未签名"),
    ]);
}
