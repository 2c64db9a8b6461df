using System.IO.Compression;
using System.Text;
using KhuyenCong.Domain.Attachments;

namespace KhuyenCong.UnitTests.Domain.Attachments;

/// <summary>Issue 11, finding 4: Word and Excel documents with macros or OLE objects are refused; ordinary ones pass.</summary>
public class OfficeDocumentInspectionTests
{
    private const string DocxTypes = """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
    private const string DocmTypes = """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>""";
    private const string XlsxTypes = """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>""";

    /// <summary>A ZIP with these entries (and their content).</summary>
    public static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Inspect_PlainDocx_IsAcceptedAsWord()
    {
        using var docx = Zip(("[Content_Types].xml", DocxTypes), ("word/document.xml", "<w:document/>"));

        Assert.Equal(new OfficeInspection(AttachmentKind.Docx, OfficeRefusal.None), OfficeDocumentInspection.Inspect(docx));
    }

    [Fact]
    public void Inspect_DocxWithAChartsWorkbook_IsAccepted()
    {
        using var docx = Zip(("[Content_Types].xml", DocxTypes), ("word/document.xml", "<w:document/>"), ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", "PK"));

        Assert.True(OfficeDocumentInspection.Inspect(docx).IsAccepted);
    }

    [Fact]
    public void Inspect_DocmWithVbaProject_IsRefusedForMacros()
    {
        using var docm = Zip(("[Content_Types].xml", DocmTypes), ("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "\u00d0\u00cf"));

        Assert.Equal(OfficeRefusal.Macros, OfficeDocumentInspection.Inspect(docm).Refusal);
    }

    [Fact]
    public void Inspect_VbaProjectUnderAPlainContentType_IsStillRefused()
    {
        using var sneaky = Zip(("[Content_Types].xml", DocxTypes), ("word/document.xml", "<w:document/>"), ("word/VBAPROJECT.BIN", "x"));

        Assert.Equal(OfficeRefusal.Macros, OfficeDocumentInspection.Inspect(sneaky).Refusal);
    }

    [Fact]
    public void Inspect_XlsxWithExcel4MacroSheet_IsRefusedForMacros()
    {
        using var xlsx = Zip(("[Content_Types].xml", XlsxTypes), ("xl/workbook.xml", "<workbook/>"), ("xl/macrosheets/sheet1.xml", "<xm:macrosheet/>"));

        Assert.Equal(OfficeRefusal.Macros, OfficeDocumentInspection.Inspect(xlsx).Refusal);
    }

    [Theory]
    [InlineData("word/embeddings/oleObject1.bin")]
    [InlineData("word/activeX/activeX1.bin")]
    [InlineData("word/embeddings/Microsoft_Excel_Macro-Enabled_Worksheet.xlsm")]
    public void Inspect_DocxWithObjectsOrEmbeddedMacros_IsRefused(string part)
    {
        using var docx = Zip(("[Content_Types].xml", DocxTypes), ("word/document.xml", "<w:document/>"), (part, "x"));

        Assert.False(OfficeDocumentInspection.Inspect(docx).IsAccepted);
    }

    [Fact]
    public void Inspect_AZipThatIsNoOfficeDocument_IsRefusedAsNotOffice()
    {
        using var zip = Zip(("readme.txt", "hello"));

        Assert.Equal(OfficeRefusal.NotOffice, OfficeDocumentInspection.Inspect(zip).Refusal);
    }

    [Fact]
    public void Inspect_DamagedZip_IsRefusedAsNotOffice()
    {
        using var damaged = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);

        Assert.Equal(OfficeRefusal.NotOffice, OfficeDocumentInspection.Inspect(damaged).Refusal);
    }

    [Theory]
    [InlineData(OfficeRefusal.Macros, "có chứa macro", "contains macros")]
    [InlineData(OfficeRefusal.EmbeddedObjects, "định dạng cũ", "old-format")]
    public void Message_NamesTheFileInTheUsersLanguage(OfficeRefusal refusal, string vi, string en)
    {
        Assert.Contains("'Hồ sơ.docm'", AttachmentRefusals.Message(refusal, "Hồ sơ.docm", KhuyenCong.Domain.Text.Language.Vietnamese), StringComparison.Ordinal);
        Assert.Contains(vi, AttachmentRefusals.Message(refusal, "x", KhuyenCong.Domain.Text.Language.Vietnamese), StringComparison.Ordinal);
        Assert.Contains(en, AttachmentRefusals.Message(refusal, "x", KhuyenCong.Domain.Text.Language.English), StringComparison.Ordinal);
    }
}
