using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Documents.Kinds;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCong.UnitTests.Documents.TestDocx;

namespace KhuyenCong.UnitTests.Documents;

public sealed class ShippedTemplatesTests : IDisposable
{
    private readonly ServiceProvider services = DocumentsTestServices.Create();

    public void Dispose() => services.Dispose();

    private static readonly string[] KindCodes =
        ["receipt", "contract", "acceptance-minutes", "liquidation", "council-decision", "council-minutes", "selection-submission", "plan-decision", "periodic-report"];

    public static TheoryData<string> Kinds() => new(KindCodes);

    [Fact]
    public void Catalog_EveryKind_HasAShippedTemplate()
    {
        var shipped = services.GetRequiredService<IShippedTemplates>();
        Assert.All(services.GetRequiredService<DocumentCatalog>().All, k => Assert.NotNull(shipped.Get(k.Info.Code)));
        Assert.Equal(KindCodes.Order(), services.GetRequiredService<DocumentCatalog>().All.Select(k => k.Info.Code).Order());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ShippedTemplate_OfEachKind_PassesTheUploadCheckOfItsKind(string kind) =>
        Assert.Empty(services.GetRequiredService<TemplateValidation>().Check(services.Kind(kind), services.GetRequiredService<IShippedTemplates>().Get(kind)!));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ShippedTemplate_FilledWithItsExamples_IsValidOpenXmlInTheDecree30Layout(string kind)
    {
        var template = services.GetRequiredService<IShippedTemplates>().Get(kind)!;
        var output = services.GetRequiredService<IDocxTemplates>().Render(template, DocumentCatalog.PlaceholdersOf(services.Kind(kind)).Sample());

        Assert.Empty(ValidationErrors(template));
        Assert.Empty(ValidationErrors(output));
        var text = Text(output);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Hưng Yên, ngày 05 tháng 3 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Số: 07/BB-TTKC", text, StringComparison.Ordinal);

        using var stream = new MemoryStream(output);
        using var document = WordprocessingDocument.Open(stream, false);
        var section = document.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((1134, 1134, 1701u, 850u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.All(document.MainDocumentPart.Document.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));
        Assert.Contains(document.MainDocumentPart.HeaderParts, h => h.Header.InnerText.Contains('2', StringComparison.Ordinal) && h.Header.Descendants<FieldCode>().Any(c => c.Text.Contains("PAGE", StringComparison.Ordinal)));
    }

    [Fact]
    public void Receipt_OfAnOnlineProposal_ShowsItsFactsInVietnameseFormats()
    {
        var receipt = services.GetRequiredService<ReceiptDocument>();
        var proposal = SampleProposals.Online();
        var content = receipt.Content(proposal);
        var values = CommonPlaceholders.Values(receipt.Info, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DocumentsOptions>>().Value, content.Number!, content.Date)
            .Merge(content.Values);

        var output = services.GetRequiredService<IDocxTemplates>().Render(services.GetRequiredService<IShippedTemplates>().Get("receipt")!, values);

        Assert.Empty(ValidationErrors(output));
        var text = Text(output);
        Assert.Contains("Hưng Yên, ngày 05 tháng 3 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Số: KC-7H3Q-MX9P-2VBA-WD4R-TK", text, StringComparison.Ordinal);
        Assert.Contains("Cơ sở: Hộ kinh doanh Nguyễn Thị Ánh Tuyết", text, StringComparison.Ordinal);
        Assert.Contains("Kinh phí đề nghị hỗ trợ: 600.000.000 đồng (bằng chữ: Sáu trăm triệu đồng).", text, StringComparison.Ordinal);
        // Received Thursday 05/03/2026 10:15 (Vietnam time); 15 working days later is Thursday 26/03/2026.
        Assert.Contains("Ngày tiếp nhận: 05/03/2026. Hẹn trả lời: chậm nhất ngày 26/03/2026 (15 ngày làm việc kể từ ngày tiếp nhận).", text, StringComparison.Ordinal);
        Assert.Contains("Thời điểm tiếp nhận: 10:15 05/03/2026.", text, StringComparison.Ordinal);
        Assert.Contains("https://khuyencong.example.gov.vn/track/KC-7H3Q-MX9P-2VBA-WD4R-TK", text, StringComparison.Ordinal);
        Assert.Equal(
            [["STT", "Loại tài liệu", "Số tệp", "Dung lượng"], ["1", "Bảng tính Excel (.xlsx)", "1", "40 KB"], ["2", "Tài liệu PDF", "2", "1,2 MB"]],
            Tables(output)[1]);
        // The receipt never names the dossier's files, the representative or the contacts (the public PDF shows the same).
        Assert.DoesNotContain("don-de-nghi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("anh.tuyet@example.vn", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanDecision_ShippedTemplate_HasTheBoxedDraftMarkUnderItsNumberAndOtherKindsDoNot()
    {
        var shipped = services.GetRequiredService<IShippedTemplates>();
        using var stream = new MemoryStream(shipped.Get("plan-decision")!);
        using var document = WordprocessingDocument.Open(stream, false);

        // In the header block's left cell, right after "Số: …", a paragraph boxed by its four borders.
        var left = document.MainDocumentPart!.Document.Body!.Elements<Table>().First().Descendants<TableCell>().First();
        var lines = left.Elements<Paragraph>().ToList();
        var mark = lines.Single(p => p.InnerText == "DỰ THẢO");
        Assert.StartsWith("Số: ", lines[lines.IndexOf(mark) - 1].InnerText, StringComparison.Ordinal);
        var borders = mark.ParagraphProperties!.ParagraphBorders!;
        Assert.All(new BorderType?[] { borders.TopBorder, borders.LeftBorder, borders.BottomBorder, borders.RightBorder },
            b => Assert.Equal(BorderValues.Single, b!.Val!.Value));
        Assert.All(mark.Descendants<RunProperties>(), r => Assert.NotNull(r.Bold));
        Assert.All(KindCodes.Where(k => k != "plan-decision"), k => Assert.DoesNotContain("DỰ THẢO", Text(shipped.Get(k)!), StringComparison.Ordinal));
    }
}
