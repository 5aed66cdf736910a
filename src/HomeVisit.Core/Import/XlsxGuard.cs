using System.IO.Compression;
using System.Xml;

namespace HomeVisit.Core.Import;

/// <summary>
/// Checks an .xlsx before any spreadsheet library reads it (issue 13 item 12). An .xlsx is a zip of XML: 99 KB can
/// expand to 300,000 rows, and a cell reference such as <c>ZZZZZ1</c> or <c>AAAAAAAA1</c> makes a reader build rows of
/// millions of cells. This walks the zip and the sheets' XML as a stream, counting what it actually decompresses, and
/// refuses with a Chinese message as soon as a limit is passed, so an attack costs a second, not a minute and 800 MB.
/// Kept apart from <see cref="XlsxTableReader"/> so the reader can change library without touching the limits.
/// </summary>
public static class XlsxGuard
{
    /// <summary>Rows in one sheet: a county's roster is about 20,000 people and their families a few times that.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Columns: the template has 13; unknown columns are allowed but ignored.</summary>
    public const int MaxColumns = 200;

    /// <summary>All parts of the workbook, decompressed.</summary>
    public const long MaxExpandedBytes = 200L * 1024 * 1024;

    /// <summary>Parts in the zip (a workbook of three sheets has about a dozen).</summary>
    public const int MaxEntries = 1_000;

    public static void Check(byte[] xlsx)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("无法打开该 .xlsx 文件，请确认它是 Excel 2007 及以上版本保存的工作簿（不是 .xls 或加密文件）。");
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries) throw TooLarge();
            var budget = new Budget();
            foreach (var entry in zip.Entries)
            {
                // The declared size can lie; it is a first, cheap refusal. What is read below is counted for real.
                if (entry.Length > MaxExpandedBytes) throw TooLarge();
                var name = entry.FullName.Replace('\\', '/');
                var isSheet = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
                try
                {
                    using var stream = new CountingStream(entry.Open(), budget);
                    if (isSheet) CheckSheet(stream);
                    else stream.CopyTo(Stream.Null);
                }
                catch (InvalidDataException)
                {
                    throw new ImportFileException("该 .xlsx 文件已损坏，无法读取，请在 Excel 中重新保存后再导入。");
                }
                catch (XmlException)
                {
                    throw new ImportFileException("该 .xlsx 文件中的工作表内容无法读取，请在 Excel 中重新保存后再导入。");
                }
            }
        }
    }

    private static void CheckSheet(Stream xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(xml, settings);
        var rows = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "row")
            {
                rows++;
                var number = reader.GetAttribute("r");
                if (rows > MaxRows || (number is not null && (!int.TryParse(number, out var n) || n < 1 || n > MaxRows)))
                    throw new ImportFileException($"工作表超过 {MaxRows:N0} 行，请拆分后分批导入。");
            }
            else if (reader.LocalName == "c" && reader.GetAttribute("r") is { } reference && Column(reference) is not (>= 1 and <= MaxColumns))
            {
                throw new ImportFileException($"单元格“{Shorten(reference)}”超出范围：每个工作表最多 {MaxColumns} 列，请删除多余的列后再导入。");
            }
        }
    }

    /// <summary>The 1-based column of a reference such as "AB12"; null when it has no letters or too many to be real.</summary>
    private static int? Column(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                // Excel's last column is XFD (3 letters); more would overflow long before mattering.
                if (++letters > 3) return null;
                column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            }
            else break;
        }
        return letters == 0 ? null : column;
    }

    private static string Shorten(string reference) => reference.Length <= 20 ? reference : reference[..20] + "…";

    private static ImportFileException TooLarge() =>
        new($"该 .xlsx 文件解压后超过 {MaxExpandedBytes / 1024 / 1024} MB，请删除多余内容或拆分后分批导入。");

    private sealed class Budget
    {
        public long Used;
    }

    /// <summary>Counts the bytes a zip entry really decompresses to, against the whole workbook's budget.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Used += read;
            if (budget.Used > MaxExpandedBytes) throw TooLarge();
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
