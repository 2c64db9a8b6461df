using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KhuyenCong.Testing;

/// <summary>
/// Hostile import files, built in memory: workbooks that declare or use far more rows and columns than the template,
/// zip bombs (many entries, huge or lying sizes, extreme compression), a DTD, a truncated archive, and CSV files with
/// huge fields, too many columns or a quote never closed. Shared by the unit tests (the readers) and the integration
/// tests (the routes). Each is small on the wire: the danger is in what a careless reader makes of it.
/// </summary>
public static class HostileFiles
{
    /// <summary>The columns of the proposal template (ProposalColumns.All).</summary>
    public const int TemplateColumns = 32;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A sheet part: an optional dimension element and the given rows (XML of &lt;row&gt; elements).</summary>
    public static string Sheet(string? dimension, IEnumerable<string> rows) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\" xmlns:r=\"{Rel}\">"
        + (dimension is null ? string.Empty : $"<dimension ref=\"{dimension}\"/>")
        + "<sheetData>" + string.Concat(rows) + "</sheetData></worksheet>";

    /// <summary>A row of inline-string cells starting at column A.</summary>
    public static string Row(int number, params string[] cells) =>
        $"<row r=\"{number.ToString(CultureInfo.InvariantCulture)}\">"
        + string.Concat(cells.Select((text, i) => $"<c r=\"{Column(i + 1)}{number.ToString(CultureInfo.InvariantCulture)}\" t=\"inlineStr\"><is><t>{text}</t></is></c>"))
        + "</row>";

    /// <summary>The letters of a 1-based column number (1 → A, 27 → AA, 16384 → XFD).</summary>
    public static string Column(int number)
    {
        var letters = string.Empty;
        for (var n = number; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>A workbook whose first sheet is <paramref name="sheetXml"/>, with an optional shared-string part and extra entries.</summary>
    public static byte[] Workbook(string sheetXml, string? sharedStringsXml = null, IEnumerable<(string Name, byte[] Content)>? extra = null, CompressionLevel level = CompressionLevel.Optimal)
    {
        var parts = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")),
            ("_rels/.rels", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
            ("xl/workbook.xml", Encoding.UTF8.GetBytes(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Đề án\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStringsXml is null ? string.Empty : $"<Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>")),
            ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(sheetXml)),
        };
        if (sharedStringsXml is not null)
        {
            parts.Add(("xl/sharedStrings.xml", Encoding.UTF8.GetBytes(sharedStringsXml)));
        }

        parts.AddRange(extra ?? []);
        return Zip(parts, level);
    }

    /// <summary>A zip of the given entries.</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A two-column header and one data row, in a sheet that declares <paramref name="dimension"/> (A1:XFD2: 16,384 columns).</summary>
    public static byte[] DeclaredDimension(string dimension, int rows = 2) =>
        Workbook(Sheet(dimension, Enumerable.Range(1, rows).Select(r => Row(r, r == 1 ? ["Tên đề án", "Mã số thuế"] : ["Đề án " + r.ToString(CultureInfo.InvariantCulture), "0101234567"]))));

    /// <summary>A header row whose last cell is at <paramref name="column"/> (a column letter beyond the template's 32).</summary>
    public static byte[] CellBeyondTemplate(string column = "XFD") =>
        Workbook(Sheet(null, [$"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Tên đề án</t></is></c><c r=\"{column}1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"]));

    /// <summary>A header row of <paramref name="count"/> cells without references (each is the column after the previous one).</summary>
    public static byte[] CellsWithoutReferences(int count) =>
        Workbook(Sheet(null, ["<row r=\"1\">" + string.Concat(Enumerable.Repeat("<c t=\"inlineStr\"><is><t>x</t></is></c>", count)) + "</row>"]));

    /// <summary>A header and a data row, then a blank row numbered <paramref name="lastRow"/> (blank rows count toward the row limit).</summary>
    public static byte[] BlankRowsBeyond(int lastRow) =>
        Workbook(Sheet(null, [Row(1, "Tên đề án"), Row(2, "Đề án"), $"<row r=\"{lastRow.ToString(CultureInfo.InvariantCulture)}\"/>"]));

    /// <summary>Issue 11's bomb: one shared string of <paramref name="chars"/> characters ('a', so it compresses about 1000:1: 20 MB → about 20 KB).</summary>
    public static byte[] HugeSharedString(int chars = 20 * 1024 * 1024) =>
        Workbook(Sheet(null, ["<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"]),
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>{new string('a', chars)}</t></si></sst>");

    /// <summary>A shared string of <paramref name="chars"/> characters that does not compress well (so only the length of a cell refuses it).</summary>
    public static byte[] LongSharedString(int chars = 100_000)
    {
        var random = new Random(11);
        var text = new StringBuilder(chars);
        const string Letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ";
        while (text.Length < chars)
        {
            text.Append(Letters[random.Next(Letters.Length)]);
        }

        return Workbook(Sheet(null, ["<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"]),
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\" count=\"1\" uniqueCount=\"1\"><si><t>{text}</t></si></sst>");
    }

    /// <summary>A small valid sheet plus <paramref name="entries"/> tiny extra entries.</summary>
    public static byte[] ThousandsOfEntries(int entries = 5000) =>
        Workbook(Sheet(null, [Row(1, "Tên đề án")]),
            extra: Enumerable.Range(0, entries).Select(i => ($"xl/media/pad{i.ToString(CultureInfo.InvariantCulture)}.bin", new byte[] { 1 })));

    /// <summary>A sheet padded with <paramref name="paddingBytes"/> of whitespace inside sheetData (compresses about 1000:1).</summary>
    public static byte[] PaddedSheet(int paddingBytes) =>
        Workbook(Sheet(null, [Row(1, "Tên đề án"), new string(' ', paddingBytes)]));

    /// <summary>
    /// A small valid workbook whose sheet entry's declared unpacked size (central directory and local header) is
    /// rewritten to <paramref name="declaredSize"/>: larger than the cap, or smaller than what it really unpacks to.
    /// </summary>
    public static byte[] LyingSize(uint declaredSize, int paddingBytes = 0)
    {
        var zip = PaddedSheet(paddingBytes);
        return RewriteUncompressedSize(zip, "xl/worksheets/sheet1.xml", declaredSize);
    }

    /// <summary>A DTD with an external entity (XXE) and a billion-laughs expansion in the sheet.</summary>
    public static byte[] Dtd() =>
        Workbook("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;&c;</t></is></c></row></sheetData></worksheet>");

    /// <summary>A valid workbook cut to <paramref name="fraction"/> of its length (its central directory is gone).</summary>
    public static byte[] Truncated(double fraction = 0.6)
    {
        var whole = DeclaredDimension("A1:B2");
        return whole[..(int)(whole.Length * fraction)];
    }

    /// <summary>A CSV: a header of the template and one row whose third field is <paramref name="chars"/> characters long.</summary>
    public static byte[] CsvHugeField(int chars = 4 * 1024 * 1024) =>
        Encoding.UTF8.GetBytes("Tên đề án,Mã số thuế,Địa chỉ\r\nĐề án,0101234567," + new string('x', chars) + "\r\n");

    /// <summary>A CSV whose header line has <paramref name="columns"/> columns (mostly empty).</summary>
    public static byte[] CsvManyColumns(int columns = 1_000_000) =>
        Encoding.UTF8.GetBytes("Tên đề án" + new string(',', columns - 1) + "\r\nĐề án\r\n");

    /// <summary>A CSV whose second row opens a quote that is never closed, followed by <paramref name="padding"/> more characters.</summary>
    public static byte[] CsvUnclosedQuote(int padding = 0) =>
        Encoding.UTF8.GetBytes("Tên đề án,Mã số thuế\r\n\"Đề án chưa đóng ngoặc,0101234567\r\nĐề án 2,0101234568\r\n" + new string('x', padding));

    /// <summary>A CSV: the header, one data row, then <paramref name="blankLines"/> blank lines.</summary>
    public static byte[] CsvBlankLines(int blankLines) =>
        Encoding.UTF8.GetBytes("Tên đề án,Mã số thuế\r\nĐề án,0101234567\r\n" + string.Concat(Enumerable.Repeat("\r\n", blankLines)));

    /// <summary>Rewrites the unpacked size of one entry in its local header and in the central directory.</summary>
    public static byte[] RewriteUncompressedSize(byte[] zip, string entryName, uint size)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        var found = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)) == name.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
                found++;
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)) == name.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
                found++;
            }
        }

        return found == 2 ? bytes : throw new InvalidOperationException($"Entry {entryName} not found in both headers ({found}).");
    }
}
