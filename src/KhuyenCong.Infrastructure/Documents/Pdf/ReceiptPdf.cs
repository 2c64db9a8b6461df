using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Documents;
using PdfSharp.Drawing;

namespace KhuyenCong.Infrastructure.Documents.Pdf;

/// <summary>
/// The receipt as a PDF (PDFsharp 6.2.4, MIT; ADR 0016), laid out like the shipped DOCX receipt (Decree 30/2020
/// header, title, the facts, the documents table, the signature block) from the same values, so both say the same.
/// </summary>
public sealed class ReceiptPdf : IReceiptPdf
{
    private const double HeaderLeft = PdfLayout.Width * 0.4;

    public byte[] Render(DocumentValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string V(string name) => values.Values.TryGetValue(name, out var value) ? value : string.Empty;
        using var layout = new PdfLayout("Giấy tiếp nhận hồ sơ " + V("proposal.trackingCode"));
        Header(layout, V);
        Title(layout);
        Facts(layout, values, V);
        Closing(layout, V);
        return layout.Save();
    }

    /// <summary>Header: the issuer and number on the left, the national title, motto, place and date on the right.</summary>
    private static void Header(PdfLayout layout, Func<string, string> v)
    {
        var regular13 = PdfLayout.Font(13);
        var bold13 = PdfLayout.Font(13, XFontStyleEx.Bold);
        var top = layout.Y;
        layout.Centred(v("issuer.superior"), regular13, PdfLayout.Left, HeaderLeft);
        layout.Centred(v("issuer.name"), bold13, PdfLayout.Left, HeaderLeft);
        layout.Rule(HeaderLeft / 3, PdfLayout.Left, HeaderLeft);
        layout.CentredOnOneLine("Số: " + v("document.number"), regular13, PdfLayout.Left, HeaderLeft);
        var leftBottom = layout.Y;
        layout.Y = top;
        var rightX = PdfLayout.Left + HeaderLeft;
        var rightWidth = PdfLayout.Width - HeaderLeft;
        layout.Centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold13, rightX, rightWidth);
        var motto = PdfLayout.Font(14, XFontStyleEx.Bold);
        layout.Centred("Độc lập - Tự do - Hạnh phúc", motto, rightX, rightWidth);
        layout.Rule(layout.Measure("Độc lập - Tự do - Hạnh phúc", motto), rightX, rightWidth);
        layout.Y += 4;
        layout.Centred(v("document.dateLine"), PdfLayout.Font(13.5, XFontStyleEx.Italic), rightX, rightWidth);
        layout.Y = Math.Max(leftBottom, layout.Y) + 16;
    }

    private static void Title(PdfLayout layout)
    {
        var title = PdfLayout.Font(14, XFontStyleEx.Bold);
        layout.Centred("GIẤY TIẾP NHẬN HỒ SƠ", title);
        layout.Centred("Đề án khuyến công", title);
        layout.Rule(80);
        layout.Y += 8;
    }

    /// <summary>The facts of the receipt: the establishment, the đề án, the documents received (a table) and the answer date.</summary>
    private static void Facts(PdfLayout layout, DocumentValues values, Func<string, string> v)
    {
        var regular = PdfLayout.Font(13.5);
        var bold = PdfLayout.Font(13.5, XFontStyleEx.Bold);
        var italic = PdfLayout.Font(13.5, XFontStyleEx.Italic);
        layout.Paragraph([new(v("issuer.name") + " đã tiếp nhận hồ sơ đề án khuyến công của:", regular)], indent: 36);
        Field(layout, "Cơ sở: ", v("establishment.name"), bold, regular);
        Field(layout, "Tên đề án: ", v("proposal.title"), bold, regular);
        Field(layout, "Nội dung khuyến công: ", v("proposal.kind") + ". ", bold, regular, ("Nguồn kinh phí: ", v("proposal.fundingSource") + "."));
        layout.Paragraph([new("Kinh phí đề nghị hỗ trợ: ", bold), new(v("proposal.requestedSupport") + " ", regular),
            new("(bằng chữ: " + v("proposal.requestedSupportInWords") + ").", italic)], indent: 36);
        Field(layout, "Mã hồ sơ (mã theo dõi): ", v("proposal.trackingCode"), bold, regular);
        Field(layout, "Hình thức nộp: ", v("receipt.channel") + ". ", bold, regular, ("Thời điểm tiếp nhận: ", v("receipt.receivedAt") + "."));
        Field(layout, "Tài liệu đã nhận ", "(" + v("receipt.documentCount") + " tệp):", bold, regular);
        var rows = values.Rows.TryGetValue("documents", out var items)
            ? items.Select(i => (IReadOnlyList<string>)[Item(i, "index"), Item(i, "kind"), Item(i, "count"), Item(i, "size")]).ToList()
            : [];
        layout.Table([36, 250, 70, PdfLayout.Width - 356], ["STT", "Loại tài liệu", "Số tệp", "Dung lượng"], rows, PdfLayout.Font(12, XFontStyleEx.Bold), PdfLayout.Font(12));
        Field(layout, "Ngày tiếp nhận: ", v("receipt.receivedOn") + ". ", bold, regular,
            ("Hẹn trả lời: ", "chậm nhất ngày " + v("receipt.answerBy") + " (" + v("receipt.answerPeriod") + " kể từ ngày tiếp nhận)."));
        layout.Paragraph([new("Cơ sở tra cứu tình trạng hồ sơ bằng mã theo dõi tại: " + v("receipt.trackingUrl"), regular)], indent: 36);
    }

    /// <summary>The closing block: recipients on the left, the signer on the right.</summary>
    private static void Closing(PdfLayout layout, Func<string, string> v)
    {
        layout.Y += 10;
        var top = layout.Y;
        layout.Paragraph([new("Nơi nhận:", PdfLayout.Font(12, XFontStyleEx.BoldItalic))], after: 0);
        layout.Paragraph([new("- " + v("establishment.name") + ";", PdfLayout.Font(11))], after: 0);
        layout.Paragraph([new("- Lưu: VT, hồ sơ đề án.", PdfLayout.Font(11))], after: 0);
        layout.Y = top;
        var half = PdfLayout.Width / 2;
        foreach (var heading in new[] { v("signer.authority"), v("signer.title") }.Where(h => h.Length > 0))
        {
            layout.Centred(heading, PdfLayout.Font(13.5, XFontStyleEx.Bold), PdfLayout.Left + half, half);
        }

        layout.Centred("(Ký, ghi rõ họ tên)", PdfLayout.Font(12, XFontStyleEx.Italic), PdfLayout.Left + half, half);
        layout.Y += 60;
        layout.Centred(v("signer.name"), PdfLayout.Font(13.5, XFontStyleEx.Bold), PdfLayout.Left + half, half);
    }

    private static void Field(PdfLayout layout, string label, string value, XFont bold, XFont regular, (string Label, string Value)? more = null)
    {
        List<Segment> segments = [new(label, bold), new(value, regular)];
        if (more is { } m)
        {
            segments.Add(new(m.Label, bold));
            segments.Add(new(m.Value, regular));
        }

        layout.Paragraph(segments, indent: 36);
    }

    private static string Item(IReadOnlyDictionary<string, string> item, string field) => item.TryGetValue(field, out var value) ? value : string.Empty;
}
