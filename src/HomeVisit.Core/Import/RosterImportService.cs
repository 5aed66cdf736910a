using System.Globalization;
using System.Text.RegularExpressions;
using HomeVisit.Core.Accounts;
using HomeVisit.Core.Data;
using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;
using Microsoft.EntityFrameworkCore;
using static HomeVisit.Core.Import.ImportVocabulary;

namespace HomeVisit.Core.Import;

/// <summary>
/// Imports the organisation tree, the staff roster and their families from an .xlsx (sheets 组织机构 / 人员 /
/// 家庭成员) or a .csv of one kind, as HR systems export them. Three steps: <see cref="Parse"/> reads the file,
/// <see cref="PreviewAsync"/> checks every row against the institution's data (loaded once) and says what would
/// change, <see cref="ApplyAsync"/> writes exactly that in one transaction, or nothing. Blank cells keep what is
/// already stored; people match on 工号 within the user's institution, units on 单位编码.
/// </summary>
public sealed partial class RosterImportService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    private const int BatchSize = 500;

    // ---------------------------------------------------------------- parse

    /// <summary>
    /// Reads an .xlsx or .csv into recognised sheets. <paramref name="csvKind"/> says what a CSV holds; null detects
    /// it from the header. Throws <see cref="ImportFileException"/> when the file cannot be read at all.
    /// </summary>
    public RosterFile Parse(Stream content, string fileName, RosterSheetKind? csvKind = null)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
            throw new ImportFileException("只能导入 .xlsx 或 .csv 文件。");
        var bytes = ReadAll(content);
        if (bytes.Length == 0) throw new ImportFileException("文件是空的。");

        var errors = new List<ImportError>();
        var notes = new List<string>();
        var sheets = new List<RosterSheet>();
        if (extension == ".csv")
        {
            var table = CsvTableReader.Read(bytes, fileName);
            var kind = csvKind ?? DetectKind(table)
                ?? throw new ImportFileException("无法从表头识别 CSV 文件的内容，请选择导入内容（组织机构、人员或家庭成员）。");
            if (BuildSheet(kind, table with { Name = SheetName(kind) }, errors, notes) is { } sheet) sheets.Add(sheet);
        }
        else
        {
            XlsxGuard.Check(bytes);
            var tables = XlsxTableReader.Read(new MemoryStream(bytes, writable: false));
            var named = new Dictionary<RosterSheetKind, RawTable>();
            var others = new List<RawTable>();
            foreach (var table in tables)
            {
                var kind = Enum.GetValues<RosterSheetKind>().Cast<RosterSheetKind?>()
                    .FirstOrDefault(k => SheetName(k!.Value) == ImportText.Header(table.Name));
                if (kind is { } k && !named.ContainsKey(k)) named[k] = table;
                else others.Add(table);
            }
            // A sheet with another name (Sheet1) is used when its header says what it is and no sheet has that name.
            foreach (var table in others)
            {
                if (table.Rows.All(r => r.IsBlank)) continue;
                if (DetectKind(table) is { } k && !named.ContainsKey(k))
                {
                    named[k] = table;
                    notes.Add($"工作表“{table.Name}”按表头识别为{SheetName(k)}。");
                }
                else notes.Add($"已忽略工作表“{table.Name}”（只导入 组织机构、人员、家庭成员 三个工作表）。");
            }
            foreach (var kind in Enum.GetValues<RosterSheetKind>())
            {
                if (named.TryGetValue(kind, out var table) && BuildSheet(kind, table, errors, notes) is { } sheet) sheets.Add(sheet);
            }
            if (named.Count == 0)
                throw new ImportFileException("文件中没有名为“组织机构”“人员”或“家庭成员”的工作表，请使用导入模板。");
        }
        return new RosterFile { FileName = fileName, Sheets = sheets, Notes = notes, Errors = errors };
    }

    private static byte[] ReadAll(Stream content)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes) throw new ImportFileException("文件超过 10 MB，请拆分后分批导入。");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static RosterSheetKind? DetectKind(RawTable table)
    {
        foreach (var row in table.Rows.Take(20))
        {
            if (row.IsBlank) continue;
            if (Detect(row.Cells.Select(ImportText.Header).ToHashSet()) is { } kind) return kind;
        }
        return null;
    }

    /// <summary>Finds the header (the first row with the required columns, normally row 1) and maps the columns.</summary>
    private static RosterSheet? BuildSheet(RosterSheetKind kind, RawTable table, List<ImportError> errors, List<string> notes)
    {
        var required = Required(kind);
        var known = Columns(kind);
        var header = table.Rows.Take(20).FirstOrDefault(r => required.All(c => r.Cells.Select(ImportText.Header).Contains(c)))
            ?? table.Rows.FirstOrDefault(r => !r.IsBlank);
        if (header is null)
        {
            notes.Add($"工作表“{table.Name}”没有数据。");
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = ImportText.Header(header.Cells[i]);
            if (name.Length == 0) continue;
            if (!known.Contains(name))
            {
                notes.Add($"{table.Name}：已忽略无法识别的列“{name}”。");
                continue;
            }
            if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(table.Name, header.Number, name, "该列出现了两次。"));
                valid = false;
            }
        }
        foreach (var missing in required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(table.Name, header.Number, missing, "缺少必填列。"));
            valid = false;
        }
        if (!valid) return null;
        return new RosterSheet
        {
            Kind = kind, Name = table.Name, HeaderRow = header.Number, Columns = columns,
            Rows = table.Rows.Where(r => r.Number > header.Number && !r.IsBlank).ToList(),
            Date1904 = table.Date1904,
        };
    }

    // ---------------------------------------------------------------- preview

    /// <summary>
    /// Checks every row against the institution's units, people and families (each loaded once) and says what the
    /// import would add and change. Writes nothing.
    /// </summary>
    public async Task<RosterImportPreview> PreviewAsync(PortalUser user, RosterFile file, CancellationToken ct = default)
    {
        if (!user.ManagesRoster) throw new AccessDeniedException("只有管理员和组织部可以导入名单。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await DatabaseState.LoadAsync(db, user.InstitutionId, ct);
        return new PreviewBuilder(file, state, clock.Today(), user.InstitutionId).Build();
    }

    /// <summary>The institution's roster as the import sees it, loaded in a few queries, not per row.</summary>
    internal sealed class DatabaseState
    {
        public required List<UnitSnapshot> Units { get; init; }
        public required Dictionary<string, Person> PeopleByNumber { get; init; }
        public required Dictionary<(int PersonId, FamilyRelation Relation, string Name), FamilyMember> Family { get; init; }

        public static async Task<DatabaseState> LoadAsync(PortalDbContext db, int institutionId, CancellationToken ct)
        {
            var units = await db.OrgUnits.AsNoTracking().Where(u => u.InstitutionId == institutionId)
                .Select(u => new UnitSnapshot(u.Id, u.Code, u.Name, u.ParentId, u.Kind, u.SortOrder, u.Version)).ToListAsync(ct);
            var people = await db.People.AsNoTracking().Where(p => p.InstitutionId == institutionId).ToListAsync(ct);
            var family = await db.FamilyMembers.AsNoTracking().Where(f => f.InstitutionId == institutionId).ToListAsync(ct);
            var byKey = new Dictionary<(int, FamilyRelation, string), FamilyMember>();
            foreach (var f in family) byKey.TryAdd((f.PersonId, f.Relation, f.Name), f);
            return new DatabaseState
            {
                Units = units,
                PeopleByNumber = people.GroupBy(p => p.StaffNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
                Family = byKey,
            };
        }
    }

    internal sealed record UnitSnapshot(int Id, string? Code, string Name, int? ParentId, OrgUnitKind Kind, int SortOrder, long Version);

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{5,18}[0-9]$")]
    internal static partial Regex PhonePattern();

    internal static string Show(string? value) => string.IsNullOrEmpty(value) ? "（空）" : value;

    internal static string Show(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "（空）";
}
