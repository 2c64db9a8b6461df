using KhuyenCong.Web.Answers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// "Tra cứu hồ sơ" (<c>/track</c>, linked from every page's header): the applicant finds a proposal by its tracking
/// code, or by the establishment's tax code and the proposal's phone number (<see cref="TrackLookupPages"/>).
/// </summary>
public sealed class TrackLookupFunctions(TrackLookupPages pages)
{
    /// <summary><c>GET /track</c> (and <c>/track/</c>): the lookup page; with <c>?code=…</c>, a 303 to that code's page.</summary>
    [Function(nameof(TrackLookup))]
    public Task<IActionResult> TrackLookup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "track")] HttpRequest request) =>
        pages.LookupAsync(request);

    /// <summary><c>POST /track</c> (form: <c>taxCode</c>, <c>phone</c>): the proposals of that tax code with that phone number.</summary>
    [Function(nameof(TrackByApplicant))]
    public Task<IActionResult> TrackByApplicant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "track")] HttpRequest request,
        CancellationToken cancellationToken) =>
        pages.ByApplicantAsync(request, cancellationToken);
}
