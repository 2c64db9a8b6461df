using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Small real files of each accepted kind, and files that only pretend to be one.</summary>
internal static class SampleFiles
{
    public const string PdfType = "application/pdf";
    public const string JpegType = "image/jpeg";
    public const string PngType = "image/png";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A PDF of exactly <paramref name="size"/> bytes (at least 32).</summary>
    public static byte[] Pdf(int size = 600)
    {
        var head = "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray();
        var tail = "\n%%EOF\n"u8.ToArray();
        var bytes = new byte[Math.Max(size, head.Length + tail.Length)];
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length, bytes.Length - head.Length - tail.Length).Fill((byte)' ');
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        return bytes;
    }

    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, .. RandomNumberGenerator.GetBytes(200), 0xFF, 0xD9];

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', .. RandomNumberGenerator.GetBytes(150)];

    /// <summary>A minimal Word document: the content types part and word/document.xml.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Thuyết minh đề án</w:t></w:r></w:p></w:body></w:document>"""));

    /// <summary>A minimal Excel workbook: the content types part and xl/workbook.xml.</summary>
    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""),
        ("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Dự toán" sheetId="1"/></sheets></workbook>"""));

    /// <summary>A macro-enabled Word document (.docm): its main part is macro-enabled and it holds word/vbaProject.bin.</summary>
    public static byte[] Docm() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>"""),
        ("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"""),
        ("word/vbaProject.bin", "Attribute VB_Name = \"AutoOpen\""));

    /// <summary>An OLE compound file, as an old Word 97-2003 .doc starts.</summary>
    public static byte[] OleDocument() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    /// <summary>A Windows executable: starts with "MZ".</summary>
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. new byte[300]];

    /// <summary>A ZIP archive that is no Office document (a text file inside).</summary>
    public static byte[] PlainZip() => Zip(("readme.txt", "không phải tài liệu Word"));

    /// <summary>A ZIP with the Office content-types part but neither a Word nor an Excel main part.</summary>
    public static byte[] ZipWithContentTypesOnly() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"""),
        ("ppt/presentation.xml", "<p/>"));

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return stream.ToArray();
    }
}
