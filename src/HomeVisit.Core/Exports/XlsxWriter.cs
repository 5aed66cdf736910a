using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HomeVisit.Core.Exports;

/// <summary>
/// Writes a workbook sheet by sheet with OpenXmlWriter, so rows go to the package as they are produced and
/// memory stays flat however long the ledger. Cells are text or numbers; a title row spans the columns.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const uint TitleStyle = 1, HeaderStyle = 2, TextStyle = 3;

    private readonly SpreadsheetDocument _doc;
    private readonly WorkbookPart _book;
    private readonly Sheets _sheets;
    private OpenXmlWriter? _writer;
    private uint _rowIndex;
    private uint _sheetId;
    private readonly List<string> _merges = [];

    public XlsxWriter(Stream output)
    {
        _doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _book = _doc.AddWorkbookPart();
        _book.Workbook = new Workbook();
        _sheets = _book.Workbook.AppendChild(new Sheets());
        var styles = _book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(
                new Border(),
                new Border(
                    new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                    new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, WrapText = true }) { FontId = 2, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true }));
    }

    public void StartSheet(string name, IReadOnlyList<double> columnWidths)
    {
        EndSheet();
        var part = _book.AddNewPart<WorksheetPart>();
        _sheets.Append(new Sheet { Id = _book.GetIdOfPart(part), SheetId = ++_sheetId, Name = name.Length > 31 ? name[..31] : name });
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new Columns());
        for (var i = 0; i < columnWidths.Count; i++)
            _writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = columnWidths[i], CustomWidth = true });
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
        _rowIndex = 0;
        _merges.Clear();
    }

    /// <summary>A bold centred title across the given number of columns.</summary>
    public void TitleRow(string title, int span) => MergedRow(title, span, TitleStyle);

    /// <summary>A plain line across the columns (e.g. 单位 / 年度 under the title).</summary>
    public void NoteRow(string text, int span) => MergedRow(text, span, 0);

    public void HeaderRow(IEnumerable<string> headers) => WriteRow(headers.Cast<object?>(), HeaderStyle);

    public void Row(IEnumerable<object?> values) => WriteRow(values, TextStyle);

    private void MergedRow(string text, int span, uint style)
    {
        WriteRow([text], style);
        if (span > 1) _merges.Add($"A{_rowIndex}:{Column(span - 1)}{_rowIndex}");
    }

    private void WriteRow(IEnumerable<object?> values, uint style)
    {
        var writer = _writer ?? throw new InvalidOperationException("Start a sheet first.");
        _rowIndex++;
        writer.WriteStartElement(new Row { RowIndex = _rowIndex });
        var col = 0;
        foreach (var value in values)
        {
            var reference = $"{Column(col++)}{_rowIndex}";
            var cell = value switch
            {
                null => new Cell { CellReference = reference, StyleIndex = style },
                int or long or decimal or double => new Cell
                {
                    CellReference = reference, StyleIndex = style, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                },
                _ => new Cell
                {
                    CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Clean(value.ToString()!)) { Space = SpaceProcessingModeValues.Preserve }),
                },
            };
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private void EndSheet()
    {
        if (_writer is null) return;
        _writer.WriteEndElement(); // SheetData
        if (_merges.Count > 0)
        {
            _writer.WriteStartElement(new MergeCells());
            foreach (var m in _merges) _writer.WriteElement(new MergeCell { Reference = m });
            _writer.WriteEndElement();
        }
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
        _writer = null;
    }

    /// <summary>Excel columns: A..Z, AA.. .</summary>
    public static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    // XML 1.0 cannot carry most control characters; a pasted record sometimes has them.
    private static string Clean(string s) => new(s.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).ToArray());

    public void Dispose()
    {
        EndSheet();
        _book.Workbook.Save();
        _doc.Dispose();
    }
}
