namespace HomeVisit.Core.Import;

/// <summary>One row as read from the file: its number as the user sees it (Excel's row number, or the CSV record number; header = 1).</summary>
public sealed record RawRow(int Number, string?[] Cells)
{
    public string? this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A sheet (or a whole CSV file) as text cells, before any meaning is given to them. <paramref name="Date1904"/>
/// says the workbook counts date serials from 1904-01-01 (Excel for Mac's old default, workbookPr date1904), so a
/// date typed into a cell without a date format, which stays a bare serial, is still read as the right day.
/// </summary>
public sealed record RawTable(string Name, IReadOnlyList<RawRow> Rows, bool Date1904 = false);

/// <summary>Excel's two date systems. A serial is a count of days; its fraction is the time of day.</summary>
internal static class ExcelDates
{
    private static readonly DateTime Epoch1900 = new(1899, 12, 31);
    private static readonly DateTime Epoch1900AfterLeapBug = new(1899, 12, 30);
    private static readonly DateTime Epoch1904 = new(1904, 1, 1);

    /// <summary>The day a serial stands for, or null when it is no real day (negative, too large, or 1900-02-29).</summary>
    public static DateOnly? FromSerial(double serial, bool date1904)
    {
        if (double.IsNaN(serial) || serial < 0 || serial >= 2958466) return null;
        var days = (int)Math.Floor(serial);
        if (date1904) return DateOnly.FromDateTime(Epoch1904.AddDays(days));
        // Excel keeps Lotus 1-2-3's leap day 1900-02-29 (serial 60); serials after it are one day ahead of a count from 1899-12-31.
        if (days == 0 || days == 60) return null;
        return DateOnly.FromDateTime(days < 60 ? Epoch1900.AddDays(days) : Epoch1900AfterLeapBug.AddDays(days));
    }
}

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
