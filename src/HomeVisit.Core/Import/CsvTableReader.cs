using System.Text;

namespace HomeVisit.Core.Import;

/// <summary>
/// Reads a CSV file as HR systems export it: comma separated, fields in double quotes may hold commas, quotes ("")
/// and line breaks; UTF-8 with or without BOM, UTF-16 with BOM, or GBK/GB18030 (Chinese Excel's default), detected
/// by whether the bytes are valid UTF-8.
/// </summary>
public static class CsvTableReader
{
    public static RawTable Read(byte[] bytes, string name) => new(name, Parse(Decode(bytes)));

    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: GB18030 is a superset of GBK and GB2312.
            var gb = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)
                ?? throw new ImportFileException("无法识别文件编码，请另存为 UTF-8 编码的 CSV。");
            return gb.GetString(bytes);
        }
    }

    public static List<RawRow> Parse(string text)
    {
        var rows = new List<RawRow>();
        var cells = new List<string?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        var record = 1;
        var i = 0;

        void EndField()
        {
            cells.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }
        void EndRecord()
        {
            EndField();
            rows.Add(new RawRow(record, [.. cells]));
            cells.Clear();
            record++;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    inQuotes = false;
                    i++;
                    continue;
                }
                field.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted || field.ToString().Trim().Length == 0:
                    field.Clear();
                    inQuotes = true;
                    fieldStarted = true;
                    i++;
                    break;
                case ',':
                    EndField();
                    i++;
                    break;
                case '\r':
                    EndRecord();
                    i += i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    break;
                case '\n':
                    EndRecord();
                    i++;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    i++;
                    break;
            }
        }
        if (fieldStarted || field.Length > 0 || cells.Count > 0) EndRecord();
        return rows;
    }
}
