using System.IO.Compression;
using HomeVisit.Core.Access;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Exports;
using HomeVisit.Core.Programmes;
using HomeVisit.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Core.Archives;

/// <summary>
/// The record archive of any programme that contributes one (<see cref="IRecordArchive"/>): the list of filed records and
/// its export as a zip of workbooks (an index, then one workbook per record), with progress for a long export. Who may
/// open it: the programme's <c>Programme:{key}</c> policy, then the module's rule (<see cref="IRecordArchive.Refusal"/>),
/// then per record the visits the user may see (overseers every visit of the programme, others their own). An export
/// is audited once as an export and once per record as a read of its visit.
/// </summary>
public sealed class RecordArchiveService(
    IDbContextFactory<PortalDbContext> dbFactory, ProgrammeCatalog programmes, ProgrammeAccess access,
    IEnumerable<IRecordArchive> archives, TimeProvider clock)
{
    /// <summary>Records rendered per round trip while exporting.</summary>
    private const int Batch = 50;

    public const string ZipContentType = "application/zip";
    public const string IndexFileName = "目录.xlsx";
    public static readonly IReadOnlyList<string> IndexColumns = ["序号", "家访日期", "家访对象", "家访领导", "存档人", "存档时间", "文件"];

    /// <summary>The programme's archive contribution, or null when it has none.</summary>
    public IRecordArchive? Find(string programmeKey) => archives.FirstOrDefault(a => a.ProgrammeKey == programmeKey);

    /// <summary>Whether the user may open the programme's archive (for links and menus; the service checks again).</summary>
    public async Task<bool> MayReadAsync(PortalUser user, string programmeKey) =>
        Find(programmeKey) is { } archive && await access.AllowsAsync(user, programmeKey) && archive.Refusal(user) is null;

    /// <summary>The filed records the user may see, newest filed first; of visits in one year when given.</summary>
    public async Task<PagedResult<ArchivedRecordRow>> ListAsync(PortalUser user, string programmeKey, int? year, int page = 1, int pageSize = 50,
        CancellationToken ct = default)
    {
        var archive = await EnsureAsync(user, programmeKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = Entries(db, user, archive, year);
        var total = await entries.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        var rows = await entries.OrderByDescending(e => e.ArchivedAt).ThenByDescending(e => e.VisitId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var summaries = await archive.SummariesAsync(db, rows.Select(r => r.VisitId).ToList(), ct);
        return new PagedResult<ArchivedRecordRow>(rows.Select(r =>
        {
            var s = summaries.GetValueOrDefault(r.VisitId);
            return new ArchivedRecordRow(r.VisitId, r.VisitStart is DateTime at ? DateOnly.FromDateTime(at) : null,
                s?.Subject ?? "", s?.Leaders ?? "", r.ArchivedAt, r.ArchivedBy);
        }).ToList(), total, page, pageSize);
    }

    /// <summary>How many records an export of the year (or all years) would hold, for the page before it starts.</summary>
    public async Task<int> CountAsync(PortalUser user, string programmeKey, int? year, CancellationToken ct = default)
    {
        var archive = await EnsureAsync(user, programmeKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Entries(db, user, archive, year).CountAsync(ct);
    }

    /// <summary>
    /// Writes the archive (the records of visits in the year, or all) as a zip: <see cref="IndexFileName"/> lists every
    /// record in the order the visits took place, then each record's workbook
    /// (<c>{序号:000}-{visit date:yyyyMMdd}-{who was visited}.xlsx</c>, one sheet per form). Progress goes 0..1 as
    /// records are written. The stream need not be seekable.
    /// </summary>
    public async Task<ArchiveExportResult> WriteZipAsync(PortalUser user, string programmeKey, int? year, Stream output,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var archive = await EnsureAsync(user, programmeKey);
        var module = programmes.Find(programmeKey) ?? throw new NotFoundException();
        await using var db = await dbFactory.CreateForAsync(user, clock, ct);
        var entries = await Entries(db, user, archive, year)
            .OrderBy(e => e.VisitStart).ThenBy(e => e.VisitId).ToListAsync(ct);
        var title = $"{module.Name}{archive.Title}";

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var files = new List<string>(entries.Count);
            var summaries = new Dictionary<int, ArchiveSummary>();
            for (var start = 0; start < entries.Count; start += Batch)
            {
                var batch = entries.Skip(start).Take(Batch).ToList();
                var ids = batch.Select(e => e.VisitId).ToList();
                var documents = (await archive.RenderAsync(db, ids, ct)).ToDictionary(d => d.VisitId);
                foreach (var (id, summary) in await archive.SummariesAsync(db, ids, ct)) summaries[id] = summary;
                for (var i = 0; i < batch.Count; i++)
                {
                    var entry = batch[i];
                    var number = start + i + 1;
                    var document = documents.GetValueOrDefault(entry.VisitId)
                                   ?? new ArchiveDocument(entry.VisitId, summaries.GetValueOrDefault(entry.VisitId)?.Subject ?? "", []);
                    var name = FileName(number, entry.VisitStart, document.Subject);
                    files.Add(name);
                    await WriteEntryAsync(zip, name, s => WriteDocument(s, title, document), ct);
                    db.AuditRead(nameof(Visit), entry.VisitId, $"{title}导出");
                }
                await db.SaveChangesAsync(ct);
                progress?.Report((double)Math.Min(start + Batch, entries.Count) / Math.Max(1, entries.Count + 1));
            }
            var exportedAt = clock.Now();
            await WriteEntryAsync(zip, IndexFileName, s => WriteIndex(s, title, year, exportedAt, entries, summaries, files), ct);
        }

        db.AuditEvent("export", "archive", programmeKey, $"{programmeKey} year={year?.ToString() ?? "all"} records={entries.Count}");
        await db.SaveChangesAsync(ct);
        progress?.Report(1);
        return new ArchiveExportResult($"{title}-{year?.ToString() ?? "全部"}.zip", entries.Count);
    }

    private async Task<IRecordArchive> EnsureAsync(PortalUser user, string programmeKey)
    {
        await access.EnsureAsync(user, programmeKey);
        var archive = Find(programmeKey) ?? throw new NotFoundException();
        if (archive.Refusal(user) is { } refusal) throw new AccessDeniedException(refusal);
        return archive;
    }

    /// <summary>The programme's filed records in the user's institution, of visits the user may see.</summary>
    private IQueryable<ArchiveEntry> Entries(PortalDbContext db, PortalUser user, IRecordArchive archive, int? year)
    {
        var visible = VisitService.Visible(db, user, programmes.OverseenBy(user), programmes.HiddenFrom(user)).Select(v => v.Id);
        var entries = archive.Entries(db).Where(e => e.InstitutionId == user.InstitutionId && visible.Contains(e.VisitId));
        if (year is int y)
        {
            if (y is < 2000 or > 2100) throw new PortalValidationException("year", "年度不正确。");
            var from = new DateTime(y, 1, 1);
            var to = from.AddYears(1);
            entries = entries.Where(e => e.VisitStart >= from && e.VisitStart < to);
        }
        return entries;
    }

    // An OpenXML package needs a seekable stream; each workbook is small, so it is built in memory and copied in.
    private static async Task WriteEntryAsync(ZipArchive zip, string name, Action<Stream> write, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await buffer.CopyToAsync(entry, ct);
    }

    private static void WriteDocument(Stream output, string title, ArchiveDocument document)
    {
        using var xlsx = new XlsxWriter(output);
        var sheets = document.Sheets.Count == 0 ? [new ArchiveSheet(title, [])] : document.Sheets;
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            // Sheet names must be unique within a workbook (and at most 31 characters).
            xlsx.StartSheet(sheets.Count == 1 ? "记录" : $"记录{i + 1}", [24, 80]);
            xlsx.TitleRow(sheet.Title, 2);
            xlsx.HeaderRow(["项目", "内容"]);
            foreach (var field in sheet.Fields) xlsx.Row([field.Label, field.Value]);
        }
    }

    private static void WriteIndex(Stream output, string title, int? year, DateTime exportedAt, IReadOnlyList<ArchiveEntry> entries,
        IReadOnlyDictionary<int, ArchiveSummary> summaries, IReadOnlyList<string> files)
    {
        using var xlsx = new XlsxWriter(output);
        xlsx.StartSheet("目录", [8, 14, 24, 20, 14, 18, 40]);
        xlsx.TitleRow(title, IndexColumns.Count);
        xlsx.NoteRow($"家访年度：{year?.ToString() ?? "全部"}　共 {entries.Count} 份　导出时间：{exportedAt:yyyy-MM-dd HH:mm}", IndexColumns.Count);
        xlsx.HeaderRow(IndexColumns);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var s = summaries.GetValueOrDefault(e.VisitId);
            xlsx.Row([i + 1, e.VisitStart?.ToString("yyyy-MM-dd"), s?.Subject, s?.Leaders, e.ArchivedBy,
                e.ArchivedAt.ToInstitutionTime().ToString("yyyy-MM-dd HH:mm"), files[i]]);
        }
    }

    /// <summary>A record's file name in the zip: number, visit date and who was visited, without characters file systems refuse.</summary>
    public static string FileName(int number, DateTime? visitStart, string subject)
    {
        var clean = new string(subject.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c is not ('\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray()).Trim();
        if (clean.Length > 40) clean = clean[..40];
        var date = visitStart?.ToString("yyyyMMdd") ?? "未登记日期";
        return clean.Length == 0 ? $"{number:000}-{date}.xlsx" : $"{number:000}-{date}-{clean}.xlsx";
    }
}
