namespace HomeVisit.Core.Import;

/// <summary>One row as read from the file: its number as the user sees it (Excel's row number, or the CSV record number; header = 1).</summary>
public sealed record RawRow(int Number, string?[] Cells)
{
    public string? this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A sheet (or a whole CSV file) as text cells, before any meaning is given to them.</summary>
public sealed record RawTable(string Name, IReadOnlyList<RawRow> Rows);

/// <summary>The file could not be read at all (not an xlsx, not text, too large): one message for the page.</summary>
public sealed class ImportFileException(string message) : Exception(message);

internal static class ImportText
{
    /// <summary>Trims ordinary, full-width (U+3000) and no-break spaces; blank becomes null.</summary>
    public static string? Clean(string? s)
    {
        if (s is null) return null;
        var t = s.Trim().Trim('\u3000', '\u00A0', '\uFEFF').Trim();
        return t.Length == 0 ? null : t;
    }

    /// <summary>Header text compared without any spaces (HR exports pad them) and without a required-column star.</summary>
    public static string Header(string? s) =>
        new((s ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '\u3000' and not '\uFEFF' and not '*' and not '＊').ToArray());
}
