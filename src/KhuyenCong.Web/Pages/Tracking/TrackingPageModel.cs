using KhuyenCong.Application.Proposals;

namespace KhuyenCong.Web.Pages.Tracking;

/// <summary>What the tracking page shows.</summary>
/// <param name="Code">The tracking code as asked (shown when nothing is found).</param>
/// <param name="View">The proposal as the applicant sees it; null when not found or refused.</param>
/// <param name="Submitted">Just submitted: show the confirmation.</param>
/// <param name="TooManyRequests">Refused: too many unknown codes from this address.</param>
/// <param name="TrackingUrl">The page's own absolute address, given in the confirmation.</param>
public sealed record TrackingPageModel(string Code, TrackingView? View, bool Submitted, bool TooManyRequests, string? TrackingUrl)
{
    /// <summary>The day by which the Centre answers (the receipt's "hẹn trả lời", from <c>Documents:ReceiptAnswerDays</c>), shown in the confirmation.</summary>
    public DateOnly? AnswerBy { get; init; }
}
