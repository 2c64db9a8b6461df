using System.Text;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Functions.Proposals;

/// <summary>The tracking page: status, timeline and what is awaited; after submitting, the confirmation.</summary>
internal static class TrackingPageView
{
    public static string RenderMain(HttpRequest request, TrackingView? view, string code, bool submitted, int status, Language language)
    {
        var en = language == Language.English;
        var body = new StringBuilder();
        if (view is null)
        {
            body.Append("<h1>").Append(en ? "Proposal not found" : "Không tìm thấy đề án").Append("</h1><p role=\"alert\">")
                .Append(status == 429
                    ? (en ? "Too many unknown codes from your address: please try again later." : "Bạn đã tra cứu sai mã quá nhiều lần, vui lòng thử lại sau.")
                    : (en ? "No proposal has the tracking code " : "Không có đề án nào có mã theo dõi ") + "<strong>" + E(code) + "</strong>.")
                .Append("</p>");
        }
        else
        {
            var url = $"{request.Scheme}://{request.Host}/track/{view.TrackingCode}";
            if (submitted)
            {
                body.Append("<section class=\"confirmation\" aria-labelledby=\"confirmation-title\"><h1 id=\"confirmation-title\">")
                    .Append(en ? "Your proposal has been received" : "Đề án của bạn đã được gửi thành công").Append("</h1><p>")
                    .Append(en ? "Keep this tracking code to follow your proposal:" : "Vui lòng ghi lại mã theo dõi để tra cứu đề án:")
                    .Append("</p><p class=\"tracking-code\" id=\"tracking-code\">").Append(E(view.TrackingCode)).Append("</p><p>")
                    .Append(en ? "Tracking link: " : "Đường liên kết theo dõi: ")
                    .Append("<a id=\"tracking-link\" href=\"").Append(E(url)).Append("\">").Append(E(url)).Append("</a></p><p>")
                    .Append(en ? "We have also sent them to your email." : "Mã và đường liên kết cũng đã được gửi vào email của bạn.")
                    .Append("</p></section>");
            }
            else
            {
                body.Append("<h1>").Append(en ? "Proposal " : "Đề án ").Append("<span id=\"tracking-code\">").Append(E(view.TrackingCode)).Append("</span></h1>");
            }

            body.Append("<h2>").Append(E(view.Title)).Append("</h2><p>").Append(en ? "Status: " : "Tình trạng: ")
                .Append("<strong id=\"status\" data-status=\"").Append(E(view.Status)).Append("\">").Append(E(view.StatusLabel)).Append("</strong></p>");

            // The receipt (giấy tiếp nhận hồ sơ) as a PDF, for the code holder (Functions/Documents/ReceiptPdfFunction.cs).
            body.Append("<p><a id=\"receipt-link\" href=\"").Append(E($"/track/{view.TrackingCode}/receipt.pdf")).Append("\">")
                .Append(en ? "Download the dossier receipt (PDF, in Vietnamese)" : "Tải giấy tiếp nhận hồ sơ (PDF)").Append("</a></p>");
            if (view.Awaiting is not null)
            {
                body.Append("<p class=\"awaiting\" role=\"status\">").Append(E(view.Awaiting)).Append("</p>");
            }

            body.Append("<h2>").Append(en ? "History" : "Quá trình xử lý").Append("</h2><ol class=\"timeline\">");
            foreach (var entry in view.Timeline)
            {
                var local = entry.At.ToOffset(VietnamTime.Offset);
                body.Append("<li><time datetime=\"").Append(E(entry.At.ToString("o", System.Globalization.CultureInfo.InvariantCulture))).Append("\">")
                    .Append(E(local.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture))).Append("</time> ")
                    .Append(E(entry.Label)).Append("</li>");
            }

            body.Append("</ol>");
        }

        return body.ToString();
    }

    private static string E(string value) => Web.PageLayout.Encode(value);
}
