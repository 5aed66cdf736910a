using HomeVisit.Core.Institutions;
using HomeVisit.Core.People;

namespace HomeVisit.Core.Import;

/// <summary>What a sheet (or a CSV file) holds.</summary>
public enum RosterSheetKind
{
    OrgUnits,
    People,
    Family,
}

public enum ImportAction
{
    New,
    Updated,
    Unchanged,
}

/// <summary>
/// A problem in one cell or row, in Chinese, with the row number as the user sees it in Excel (header = row 1).
/// <see cref="Text"/> reads e.g. 第 12 行，“出生日期”：无法识别的日期“1990.13.01”。
/// </summary>
public sealed record ImportError(string Sheet, int Row, string? Column, string Message)
{
    public string Text => Column is null ? $"第 {Row} 行：{Message}" : $"第 {Row} 行，“{Column}”：{Message}";

    public override string ToString() => $"{Sheet} {Text}";
}

/// <summary>A row that adds or changes something, for the preview table.</summary>
public sealed record ImportChange(RosterSheetKind Kind, string Sheet, int Row, ImportAction Action, string Key, string Name, string Details);

public sealed record ImportCounts(int New, int Updated, int Unchanged)
{
    public static readonly ImportCounts Zero = new(0, 0, 0);
    public int Total => New + Updated + Unchanged;
}

/// <summary>A parsed file: the sheets recognised, with their header rows; nothing checked against the database yet.</summary>
public sealed class RosterFile
{
    public required string FileName { get; init; }
    public required IReadOnlyList<RosterSheet> Sheets { get; init; }
    /// <summary>Things the user should know that are not errors: ignored sheets and columns.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>Problems of the file's structure (a missing required column, a duplicated column).</summary>
    public required IReadOnlyList<ImportError> Errors { get; init; }
}

/// <summary>One recognised sheet: its kind, where its header is and which column holds what.</summary>
public sealed class RosterSheet
{
    public required RosterSheetKind Kind { get; init; }
    public required string Name { get; init; }
    public required int HeaderRow { get; init; }
    public required IReadOnlyDictionary<string, int> Columns { get; init; }
    public required IReadOnlyList<RawRow> Rows { get; init; }
    /// <summary>The workbook counts date serials from 1904 (see <see cref="RawTable.Date1904"/>).</summary>
    public bool Date1904 { get; init; }

    public bool Has(string column) => Columns.ContainsKey(column);

    public string? Get(RawRow row, string column) => Columns.TryGetValue(column, out var i) ? ImportText.Clean(row[i]) : null;
}

/// <summary>
/// What an import would do, shown before anything is written. Holds the checked plan (with the versions of the
/// records it read), so <see cref="RosterImportService.ApplyAsync"/> writes exactly this or refuses.
/// </summary>
public sealed class RosterImportPreview
{
    public required string FileName { get; init; }
    public required IReadOnlyDictionary<RosterSheetKind, ImportCounts> Counts { get; init; }
    /// <summary>New and updated rows, in file order.</summary>
    public required IReadOnlyList<ImportChange> Changes { get; init; }
    public required IReadOnlyList<ImportError> Errors { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<RosterSheetKind> SheetsFound { get; init; }

    public bool HasErrors => Errors.Count > 0;
    public bool HasChanges => Changes.Count > 0;
    /// <summary>Only a file without any invalid row can be imported, and only if it changes something.</summary>
    public bool CanApply => !HasErrors && HasChanges;

    internal ImportPlan Plan { get; init; } = null!;
}

public sealed record RosterImportResult(
    IReadOnlyDictionary<RosterSheetKind, ImportCounts> Counts, int Written);

/// <summary>Progress of parsing or applying, for the page's bar.</summary>
public sealed record RosterImportProgress(string Stage, int Done, int Total)
{
    public double Percent => Total <= 0 ? 0 : Math.Round(100.0 * Done / Total, 0);
}

/// <summary>
/// The import was refused or failed and nothing was written: someone changed the roster since the preview,
/// or the database rejected a row.
/// </summary>
public sealed class ImportRefusedException(string message, Exception? inner = null) : Exception(message, inner);

// ---- the checked plan (internal) ----

/// <summary>A unit either already in the database (Id) or created by this import (Code).</summary>
internal readonly record struct UnitKey(int? Id, string? NewCode);

/// <summary>A unit row, with the values the unit will have after the import (blank cells keep what was there).</summary>
internal sealed class UnitPlan
{
    public required int Row { get; init; }
    public required string Code { get; init; }
    public ImportAction Action { get; set; }
    public int? ExistingId { get; init; }
    public long ExistingVersion { get; init; }
    public required string Name { get; init; }
    public OrgUnitKind Kind { get; init; }
    public int SortOrder { get; init; }
    public UnitKey? Parent { get; set; }
    public string Details { get; set; } = "";
}

/// <summary>A person row, with the values the person will have after the import (blank cells keep what was there).</summary>
internal sealed class PersonPlan
{
    public required int Row { get; init; }
    public required string StaffNumber { get; init; }
    public ImportAction Action { get; set; }
    public int? ExistingId { get; init; }
    public long ExistingVersion { get; init; }
    public required string Name { get; init; }
    public Gender Gender { get; init; }
    public DateOnly? BirthDate { get; init; }
    public UnitKey? Unit { get; init; }
    public string? Position { get; init; }
    public string? Rank { get; init; }
    public EstablishmentStatus Establishment { get; init; }
    public PartyMembership Party { get; init; }
    public UnitKey? PartyBranch { get; init; }
    public string? Phone { get; init; }
    public string? HomeAddress { get; init; }
    public string Details { get; set; } = "";
}

/// <summary>A family row, matched by (工号, 关系, 姓名), with its values after the import.</summary>
internal sealed class FamilyPlan
{
    public required int Row { get; init; }
    public required string StaffNumber { get; init; }
    public ImportAction Action { get; set; }
    public int? ExistingId { get; init; }
    public long ExistingVersion { get; init; }
    public required FamilyRelation Relation { get; init; }
    public required string Name { get; init; }
    public string? Workplace { get; init; }
    public string? Position { get; init; }
    public string? Phone { get; init; }
    public bool LivesLocally { get; init; }
    public string Details { get; set; } = "";
}

internal sealed class ImportPlan
{
    public required int InstitutionId { get; init; }
    public required List<UnitPlan> Units { get; init; }
    public required List<PersonPlan> People { get; init; }
    public required List<FamilyPlan> Family { get; init; }
    /// <summary>Every existing record the preview matched or referred to, with the version it saw.</summary>
    public required Dictionary<int, long> UnitVersions { get; init; }
    public required Dictionary<int, long> PersonVersions { get; init; }
    public required Dictionary<int, long> FamilyVersions { get; init; }
    public required string FileName { get; init; }
}
