using KhuyenCong.Application.Documents;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// The applicant's receipt as a PDF, for whoever holds the tracking code (as the tracking page): no sign-in, throttled
/// like the tracking page (<see cref="TrackingThrottle"/>: unknown codes from one address slow it down, then 429).
/// The receipt shows the establishment's name and the dossier's files by kind only (docs/documents.md).
/// </summary>
public sealed class ReceiptPdfFunction(ReceiptPdfs receipts, TrackingThrottle throttle)
{
    /// <summary><c>GET /track/{trackingCode}/receipt.pdf</c>: the receipt (giấy tiếp nhận hồ sơ), made on request.</summary>
    [Function(nameof(ReceiptPdf))]
    public async Task<IActionResult> ReceiptPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "track/{trackingCode}/receipt.pdf")] HttpRequest request,
        string trackingCode,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        if (await throttle.HoldAsync(request, language, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var receipt = await receipts.FindAsync(trackingCode, cancellationToken);
        if (receipt is null)
        {
            return throttle.Unknown(request, language);
        }

        request.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
        return AttachmentDownload.Result(request, receipt.FileName, "application/pdf", new MemoryStream(receipt.Content));
    }
}
