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
        var regular13 = PdfLayout.Font(13);
        var bold13 = PdfLayout.Font(13, XFontStyleEx.Bold);
        var regular = PdfLayout.Font(13.5);
        var bold = PdfLayout.Font(13.5, XFontStyleEx.Bold);
        var italic = PdfLayout.Font(13.5, XFontStyleEx.Italic);

        // Header: the issuer and number on the left, the national title, motto, place and date on the right.
        var top = layout.Y;
        layout.Centred(V("issuer.superior"), regular13, PdfLayout.Left, HeaderLeft);
        layout.Centred(V("issuer.name"), bold13, PdfLayout.Left, HeaderLeft);
        layout.Rule(HeaderLeft / 3, PdfLayout.Left, HeaderLeft);
        layout.CentredOnOneLine("Số: " + V("document.number"), regular13, PdfLayout.Left, HeaderLeft);
        var leftBottom = layout.Y;
        layout.Y = top;
        var rightX = PdfLayout.Left + HeaderLeft;
        var rightWidth = PdfLayout.Width - HeaderLeft;
        layout.Centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold13, rightX, rightWidth);
        var motto = PdfLayout.Font(14, XFontStyleEx.Bold);
        layout.Centred("Độc lập - Tự do - Hạnh phúc", motto, rightX, rightWidth);
        layout.Rule(layout.Measure("Độc lập - Tự do - Hạnh phúc", motto), rightX, rightWidth);
        layout.Y += 4;
        layout.Centred(V("document.dateLine"), PdfLayout.Font(13.5, XFontStyleEx.Italic), rightX, rightWidth);
        layout.Y = Math.Max(leftBottom, layout.Y) + 16;

        var title = PdfLayout.Font(14, XFontStyleEx.Bold);
        layout.Centred("GIẤY TIẾP NHẬN HỒ SƠ", title);
        layout.Centred("Đề án khuyến công", title);
        layout.Rule(80);
        layout.Y += 8;

        layout.Paragraph([new(V("issuer.name") + " đã tiếp nhận hồ sơ đề án khuyến công của:", regular)], indent: 36);
        Field(layout, "Cơ sở: ", V("establishment.name"), bold, regular);
        Field(layout, "Tên đề án: ", V("proposal.title"), bold, regular);
        Field(layout, "Nội dung khuyến công: ", V("proposal.kind") + ". ", bold, regular, ("Nguồn kinh phí: ", V("proposal.fundingSource") + "."));
        layout.Paragraph([new("Kinh phí đề nghị hỗ trợ: ", bold), new(V("proposal.requestedSupport") + " ", regular),
            new("(bằng chữ: " + V("proposal.requestedSupportInWords") + ").", italic)], indent: 36);
        Field(layout, "Mã hồ sơ (mã theo dõi): ", V("proposal.trackingCode"), bold, regular);
        Field(layout, "Hình thức nộp: ", V("receipt.channel") + ". ", bold, regular, ("Thời điểm tiếp nhận: ", V("receipt.receivedAt") + "."));
        Field(layout, "Tài liệu đã nhận ", "(" + V("receipt.documentCount") + " tệp):", bold, regular);
        var rows = values.Rows.TryGetValue("documents", out var items)
            ? items.Select(i => (IReadOnlyList<string>)[Item(i, "index"), Item(i, "kind"), Item(i, "count"), Item(i, "size")]).ToList()
            : [];
        layout.Table([36, 250, 70, PdfLayout.Width - 356], ["STT", "Loại tài liệu", "Số tệp", "Dung lượng"], rows, PdfLayout.Font(12, XFontStyleEx.Bold), PdfLayout.Font(12));
        Field(layout, "Ngày tiếp nhận: ", V("receipt.receivedOn") + ". ", bold, regular,
            ("Hẹn trả lời: ", "chậm nhất ngày " + V("receipt.answerBy") + " (" + V("receipt.answerPeriod") + " kể từ ngày tiếp nhận)."));
        layout.Paragraph([new("Cơ sở tra cứu tình trạng hồ sơ bằng mã theo dõi tại: " + V("receipt.trackingUrl"), regular)], indent: 36);

        // The closing block: recipients on the left, the signer on the right.
        layout.Y += 10;
        top = layout.Y;
        layout.Paragraph([new("Nơi nhận:", PdfLayout.Font(12, XFontStyleEx.BoldItalic))], after: 0);
        layout.Paragraph([new("- " + V("establishment.name") + ";", PdfLayout.Font(11))], after: 0);
        layout.Paragraph([new("- Lưu: VT, hồ sơ đề án.", PdfLayout.Font(11))], after: 0);
        layout.Y = top;
        var half = PdfLayout.Width / 2;
        foreach (var heading in new[] { V("signer.authority"), V("signer.title") }.Where(h => h.Length > 0))
        {
            layout.Centred(heading, PdfLayout.Font(13.5, XFontStyleEx.Bold), PdfLayout.Left + half, half);
        }

        layout.Centred("(Ký, ghi rõ họ tên)", PdfLayout.Font(12, XFontStyleEx.Italic), PdfLayout.Left + half, half);
        layout.Y += 60;
        layout.Centred(V("signer.name"), PdfLayout.Font(13.5, XFontStyleEx.Bold), PdfLayout.Left + half, half);
        return layout.Save();
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
