using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Tracking;

/// <summary>What the lookup page ("Tra cứu hồ sơ", <c>/track</c>) shows.</summary>
/// <param name="TaxCode">The tax code as typed (kept when the page comes back).</param>
/// <param name="Phone">The phone number as typed.</param>
/// <param name="Errors">The errors by field of the lookup sent (<c>code</c>, <c>taxCode</c>, <c>phone</c>).</param>
/// <param name="Notice">Why nothing is listed: nothing matched, or too many lookups found nothing (429).</param>
/// <param name="Found">The proposals found by tax code and phone, newest first; null before a lookup.</param>
public sealed record TrackLookupPageModel(
    string? TaxCode = null,
    string? Phone = null,
    BilingualErrors? Errors = null,
    Bilingual? Notice = null,
    IReadOnlyList<TrackingView>? Found = null)
{
    /// <summary>The lookup by tracking code's field (<c>GET /track?code=…</c>).</summary>
    public const string CodeField = "code";

    public static TrackLookupPageModel Empty { get; } = new();
}
