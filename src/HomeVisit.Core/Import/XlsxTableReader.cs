using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HomeVisit.Core.Import;

/// <summary>
/// Reads every sheet of an .xlsx as text with DocumentFormat.OpenXml, streaming the rows (a county roster has
/// tens of thousands). Shared and inline strings become text; numbers in a date format become yyyy-MM-dd in the
/// workbook's date system (1900, or 1904 when workbookPr date1904 is set); other numbers keep their digits (a staff
/// number or phone typed as a number stays "13800138000").
/// </summary>
public static class XlsxTableReader
{
    public static List<RawTable> Read(Stream stream)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw new ImportFileException("无法打开该 .xlsx 文件，请确认它是 Excel 2007 及以上版本保存的工作簿（不是 .xls 或加密文件）。");
        }
        using (doc)
        {
            var book = doc.WorkbookPart ?? throw new ImportFileException("该 .xlsx 文件中没有工作表。");
            var strings = SharedStrings(book);
            var dateStyles = DateStyles(book);
            var date1904 = book.Workbook.WorkbookProperties?.Date1904?.Value == true;
            var result = new List<RawTable>();
            foreach (var sheet in book.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || book.GetPartById(id) is not WorksheetPart part) continue;
                result.Add(new RawTable(sheet.Name?.Value ?? "", ReadRows(part, strings, dateStyles, date1904), date1904));
            }
            return result;
        }
    }

    private static List<string> SharedStrings(WorkbookPart book)
    {
        var list = new List<string>();
        var part = book.SharedStringTablePart;
        if (part is null) return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            list.Add(ItemText(item));
        }
        return list;
    }

    /// <summary>The text of a string item: its plain text or its rich-text runs, without phonetic guides.</summary>
    private static string ItemText(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain) return plain.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    private static HashSet<uint> DateStyles(WorkbookPart book)
    {
        var result = new HashSet<uint>();
        var stylesheet = book.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateCode(code))) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsBuiltInDate(uint id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// <summary>A custom format is a date one when it has y, m or d outside quotes and brackets (so not "0.00" or "[Red]0").</summary>
    private static bool IsDateCode(string code)
    {
        var inQuote = false;
        var inBracket = false;
        foreach (var c in code)
        {
            if (c == '"') inQuote = !inQuote;
            else if (!inQuote && c == '[') inBracket = true;
            else if (!inQuote && c == ']') inBracket = false;
            else if (!inQuote && !inBracket && c is 'y' or 'Y' or 'd' or 'D' or 'm' or 'M') return true;
        }
        return false;
    }

    private static List<RawRow> ReadRows(WorksheetPart part, List<string> strings, HashSet<uint> dateStyles, bool date1904)
    {
        var rows = new List<RawRow>();
        using var reader = OpenXmlReader.Create(part);
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is uint r ? (int)r : nextRow;
            nextRow = number + 1;
            var cells = new List<string?>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? nextColumn;
                nextColumn = column + 1;
                while (cells.Count <= column) cells.Add(null);
                cells[column] = CellText(cell, strings, dateStyles, date1904);
            }
            rows.Add(new RawRow(number, [.. cells]));
        }
        return rows;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') index = index * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') index = index * 26 + (c - 'a' + 1);
            else break;
            letters++;
        }
        return letters == 0 ? null : index - 1;
    }

    private static string? CellText(Cell cell, List<string> strings, HashSet<uint> dateStyles, bool date1904)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? ItemText(inline) : null;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : null;
        if (type == CellValues.Boolean) return raw == "1" ? "是" : "否";
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw;

        // A number.
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (cell.StyleIndex?.Value is uint style && dateStyles.Contains(style) && ExcelDates.FromSerial(number, date1904) is { } day)
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (number == Math.Floor(number) && Math.Abs(number) < 1e15)
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        return number.ToString("R", CultureInfo.InvariantCulture);
    }
}
