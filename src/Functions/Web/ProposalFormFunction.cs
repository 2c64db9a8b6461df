using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Web;

/// <summary><c>GET /</c>: the proposal form, in the request's language (<see cref="RequestLanguage"/>).</summary>
public sealed class ProposalFormFunction(ProposalFormPages form)
{
    /// <summary>
    /// The blank form with the caps in force today. The route matches only the site root: Azure Functions cannot give
    /// a function an empty route, so it takes an optional segment that must be empty.
    /// </summary>
    [Function(nameof(ProposalFormPage))]
    public async Task<IActionResult> ProposalFormPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{ignored:maxlength(0)?}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await form.RenderAsync(request, RequestLanguage.From(request), posted: null, PageOptions.Standard, cancellationToken);
    }
}
