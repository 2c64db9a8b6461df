using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Tracking;
using KhuyenCong.Web.Rendering;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TrackingPageComponent = KhuyenCong.Web.Pages.Tracking.TrackingPage;

namespace KhuyenCong.Functions.Proposals;

/// <summary>The applicant's view of their proposal, by tracking code: JSON and a page.</summary>
public sealed class TrackingFunctions(ProposalTracking tracking, TrackingThrottle throttle, PageRenderer pages,
    Microsoft.Extensions.Options.IOptions<KhuyenCong.Application.Documents.DocumentsOptions> documents)
{
    /// <summary><c>GET /api/track/{trackingCode}</c>: status, dated timeline, and what is awaited from the applicant.</summary>
    [Function(nameof(TrackProposal))]
    public async Task<IActionResult> TrackProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/track/{trackingCode}")] HttpRequest request,
        string trackingCode,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var (view, refusal) = await LookUpAsync(request, trackingCode, language, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(view);
    }

    /// <summary><c>GET /track/{trackingCode}</c>: the same, as a page (with a confirmation after submitting).</summary>
    [Function(nameof(TrackingPage))]
    public async Task<IActionResult> TrackingPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "track/{trackingCode}")] HttpRequest request,
        string trackingCode,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var (view, refusal) = await LookUpAsync(request, trackingCode, language, cancellationToken);
        var status = refusal is ObjectResult o ? o.StatusCode ?? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        var model = new TrackingPageModel(trackingCode, view, Submitted: request.Query["submitted"] == "1",
            TooManyRequests: status == StatusCodes.Status429TooManyRequests,
            TrackingUrl: view is null ? null : $"{request.Scheme}://{request.Host}/track/{view.TrackingCode}")
        {
            AnswerBy = view is null ? null : AnswerBy(view.SubmittedAt),
        };
        return await pages.PageAsync<TrackingPageComponent, TrackingPageModel>(request, language, model,
            PageOptions.Standard with { StatusCode = status, CacheControl = "no-store" });
    }

    /// <summary>The receipt's answer day for a dossier received at <paramref name="submittedAt"/> (ReceiptDocument's rule).</summary>
    private DateOnly AnswerBy(DateTimeOffset submittedAt)
    {
        var settings = documents.Value;
        var received = DateOnly.FromDateTime(submittedAt.ToOffset(Domain.Proposals.VietnamTime.Offset).DateTime);
        return Domain.Documents.AnswerDeadline.From(received, settings.ReceiptAnswerDays, settings.ReceiptDayCount, settings.HolidayDates());
    }

    private static readonly Bilingual UnknownCode = new("Không có đề án nào với mã theo dõi này. Vui lòng kiểm tra mã trong email xác nhận.",
        "No proposal has this tracking code. Check the code in your acknowledgement email.");

    private async Task<(TrackingView? View, IActionResult? Refusal)> LookUpAsync(HttpRequest request, string trackingCode, Language language, CancellationToken cancellationToken)
    {
        if (await throttle.GateAsync(request, language, cancellationToken) is { } refused)
        {
            return (null, refused);
        }

        var view = await tracking.FindAsync(trackingCode, language, cancellationToken);
        if (view is null)
        {
            throttle.RecordMiss(request);
            return (null, Problems.Status(StatusCodes.Status404NotFound, UnknownCode.In(language), language));
        }

        return (view, null);
    }
}
