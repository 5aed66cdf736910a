using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HomeVisit.Tests.Import;

/// <summary>
/// Builds real .xlsx files for the import tests with DocumentFormat.OpenXml, the way Excel stores them: text in the
/// shared string table, numbers as numbers, dates as serial numbers with a date format. Independent of the portal's
/// own template writer, so the reader is not only tested against itself.
/// </summary>
public static class XlsxFile
{
    /// <summary>A cell value: string → shared string; int/long/double → number; DateOnly → serial with a date format; null → no cell.</summary>
    public static byte[] Build(params (string Sheet, object?[][] Rows)[] sheets) => Build(date1904: false, sheets);

    /// <summary>
    /// Excel's serial of a day, counted as Excel does: in the 1900 system day 1 is 1900-01-01 and Lotus's
    /// nonexistent 1900-02-29 is day 60; in the 1904 system (workbookPr date1904) day 0 is 1904-01-01.
    /// </summary>
    public static int Serial(DateOnly d, bool date1904)
    {
        if (date1904) return d.DayNumber - new DateOnly(1904, 1, 1).DayNumber;
        var fromNewYear1900 = d.DayNumber - new DateOnly(1900, 1, 1).DayNumber + 1;
        return d < new DateOnly(1900, 3, 1) ? fromNewYear1900 : fromNewYear1900 + 1;
    }

    public static byte[] Build(bool date1904, params (string Sheet, object?[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            if (date1904) book.Workbook.AppendChild(new WorkbookProperties { Date1904 = true });
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var shared = new List<string>();
            var sharedIndex = new Dictionary<string, int>();
            var sheetList = book.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var value = rows[r][c];
                        if (value is null) continue;
                        var cell = new Cell { CellReference = Column(c) + (r + 1) };
                        switch (value)
                        {
                            case string s:
                                if (!sharedIndex.TryGetValue(s, out var index))
                                {
                                    index = shared.Count;
                                    shared.Add(s);
                                    sharedIndex[s] = index;
                                }
                                cell.DataType = CellValues.SharedString;
                                cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                                break;
                            case DateOnly d:
                                cell.StyleIndex = 1;
                                cell.CellValue = new CellValue(Serial(d, date1904).ToString(CultureInfo.InvariantCulture));
                                break;
                            default:
                                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                                break;
                        }
                        row.Append(cell);
                    }
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                sheetList.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
            var sst = book.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)shared.Count, UniqueCount = (uint)shared.Count,
            };
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    public static object?[] R(params object?[] cells) => cells;
}
