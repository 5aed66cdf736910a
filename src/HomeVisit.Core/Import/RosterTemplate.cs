using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HomeVisit.Core.Import;

/// <summary>The downloadable import template: the three sheets with their header rows and one example row each.</summary>
public static class RosterTemplate
{
    public const string FileName = "名单导入模板.xlsx";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly (string Sheet, string[] Header, string[] Example)[] Sheets =
    [
        (ImportVocabulary.UnitsSheet, ImportVocabulary.UnitColumns, ["XY01", "示例学院", "", "学院", "1"]),
        (ImportVocabulary.PeopleSheet, ImportVocabulary.PersonColumns,
            ["T0001", "张示例", "男", "1985-06-01", "XY01", "示例学院", "教师", "副高级", "在编在岗", "中共党员", "", "13800138000", "南宁市青秀区示例路1号"]),
        (ImportVocabulary.FamilySheet, ImportVocabulary.FamilyColumns, ["T0001", "配偶", "李示例", "南宁市第一中学", "教师", "13900139000", "是"]),
    ];

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var sheets = book.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, header, example) in Sheets)
            {
                var part = book.AddNewPart<WorksheetPart>();
                var columns = new Columns(new Column { Min = 1, Max = (uint)header.Length, Width = 16, CustomWidth = true });
                part.Worksheet = new Worksheet(columns, new SheetData(Row(1, header), Row(2, example)));
                sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = name });
            }
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint number, string[] values)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length == 0) continue;
            // Text cells throughout, so a staff number keeps its leading zeros and a date stays as written.
            row.Append(new Cell
            {
                CellReference = $"{(char)('A' + i)}{number}",
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[i])),
            });
        }
        return row;
    }
}
