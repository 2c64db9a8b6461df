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
    public void Inspect_MacroEnabledMainPartUnderAnotherName_IsRefusedForMacrosNotAsAnUnknownZip()
    {
        // The OpenXML SDK's ChangeDocumentType writes the new main part as word/document2.xml.
        using var docm = Zip(("[Content_Types].xml", DocmTypes.Replace("/word/document.xml", "/word/document2.xml", StringComparison.Ordinal)), ("word/document2.xml", "<w:document/>"));

        Assert.Equal(new OfficeInspection(null, OfficeRefusal.Macros), OfficeDocumentInspection.Inspect(docm));
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
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, AttachmentKind.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, AttachmentKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, AttachmentKind.Png)]
    public void InspectFile_PdfOrImage_IsAcceptedByItsFirstBytes(byte[] content, AttachmentKind kind) =>
        Assert.Equal(new OfficeInspection(kind, OfficeRefusal.None), OfficeDocumentInspection.InspectFile(content));

    [Fact]
    public void InspectFile_DocmInMemory_IsRefusedForMacrosAsTheStreamIs()
    {
        using var docm = Zip(("[Content_Types].xml", DocmTypes), ("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "x"));

        Assert.Equal(new OfficeInspection(AttachmentKind.Docx, OfficeRefusal.Macros), OfficeDocumentInspection.InspectFile(docm.ToArray()));
    }

    [Fact]
    public void InspectFile_AFileSliceOfALargerArray_IsReadFromItsOwnBytes()
    {
        using var docx = Zip(("[Content_Types].xml", DocxTypes), ("word/document.xml", "<w:document/>"));
        var padded = new byte[] { 1, 2, 3 }.Concat(docx.ToArray()).ToArray();

        Assert.Equal(new OfficeInspection(AttachmentKind.Docx, OfficeRefusal.None), OfficeDocumentInspection.InspectFile(padded.AsMemory(3)));
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, OfficeRefusal.EmbeddedObjects)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, OfficeRefusal.UnknownType)]
    [InlineData(new byte[0], OfficeRefusal.UnknownType)]
    public void InspectFile_OldOfficeOrUnknownContent_IsRefusedWithoutAKind(byte[] content, OfficeRefusal refusal) =>
        Assert.Equal(new OfficeInspection(null, refusal), OfficeDocumentInspection.InspectFile(content));

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
