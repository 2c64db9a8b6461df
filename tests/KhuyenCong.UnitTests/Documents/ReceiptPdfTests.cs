using System.Text;
using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Documents.Kinds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace KhuyenCong.UnitTests.Documents;

public sealed class ReceiptPdfTests : IDisposable
{
    private readonly ServiceProvider services = DocumentsTestServices.Create();

    public void Dispose() => services.Dispose();

    private string RenderText(string organization, out byte[] pdf)
    {
        var receipt = services.GetRequiredService<ReceiptDocument>();
        var content = receipt.Content(SampleProposals.Online(organization));
        var values = CommonPlaceholders.Values(receipt.Info, services.GetRequiredService<IOptions<DocumentsOptions>>().Value, content.Number!, content.Date).Merge(content.Values);
        pdf = services.GetRequiredService<IReceiptPdf>().Render(values);
        using var document = PdfDocument.Open(pdf);

        // Words in reading order, one space apart (a page's raw text glues the end of a line to the next one).
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public void Render_Receipt_ReadsBackWithTheCodeTheNameAndTheDatesInNfc()
    {
        var text = RenderText("Hộ kinh doanh Nguyễn Thị Ánh Tuyết", out var pdf);

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("KC-7H3Q-MX9P-2VBA-WD4R-TK", text, StringComparison.Ordinal);
        Assert.Contains("Hộ kinh doanh Nguyễn Thị Ánh Tuyết", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Hưng Yên, ngày 05 tháng 3 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("600.000.000 đồng", text, StringComparison.Ordinal);
        Assert.Contains("Sáu trăm triệu đồng", text, StringComparison.Ordinal);
        Assert.Contains("26/03/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryVietnameseLetter_ReadsBackAsWritten()
    {
        // Every lower and upper case Vietnamese letter with a diacritic, in one establishment name.
        const string Letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        var name = "Cơ sở " + Letters + " " + Letters.ToUpperInvariant();

        var text = RenderText(name, out _);

        Assert.Contains(name, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Receipt_EmbedsTheFontSubset()
    {
        RenderText("Công ty TNHH Cơ khí Phố Nối", out var pdf);
        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        // A subset is named with a six-letter tag and "+" before the font's name (ISO 32000-1, 9.6.4).
        Assert.All(letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), l => Assert.Matches("^[A-Z]{6}\\+Liberation Serif", l.FontName));
    }
}
