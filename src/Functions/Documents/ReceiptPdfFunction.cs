using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// The applicant's receipt as a PDF, for whoever holds the tracking code (as the tracking page): no sign-in, throttled
/// like the tracking page (<see cref="TrackingThrottle"/>: unknown codes from one address slow it down, then 429).
/// The receipt shows the establishment's name and the dossier's files by kind only (docs/documents.md).
/// </summary>
public sealed class ReceiptPdfFunction(ReceiptPdfs receipts, TrackingThrottle throttle, TimeProvider time)
{
    /// <summary><c>GET /track/{trackingCode}/receipt.pdf</c>: the receipt (giấy tiếp nhận hồ sơ), made on request.</summary>
    [Function(nameof(ReceiptPdf))]
    public async Task<IActionResult> ReceiptPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "track/{trackingCode}/receipt.pdf")] HttpRequest request,
        string trackingCode,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var delay = throttle.DelayFor(request);
        if (delay is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)throttle.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status429TooManyRequests, language == Language.English
                ? "Too many unknown tracking codes from your address: try again later." : "Bạn đã tra cứu sai mã quá nhiều lần, vui lòng thử lại sau.", language);
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay.Value, time, cancellationToken);
        }

        var receipt = await receipts.FindAsync(trackingCode, cancellationToken);
        if (receipt is null)
        {
            throttle.RecordMiss(request);
            return Problems.Status(StatusCodes.Status404NotFound, language == Language.English
                ? "No proposal has this tracking code. Check the code in your acknowledgement email." : "Không có đề án nào với mã theo dõi này. Vui lòng kiểm tra mã trong email xác nhận.", language);
        }

        request.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
        return DocumentHttp.File(request, new MemoryStream(receipt.Content), "application/pdf", receipt.FileName);
    }
}
