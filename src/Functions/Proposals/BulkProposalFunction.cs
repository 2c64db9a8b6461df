using KhuyenCong.Application.Identity;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// <c>POST /staff/proposals/bulk</c> (officer): one action on the proposals ticked in the staff list (<c>ids</c>, 1-200):
/// assign them to a programme, or download them as the list's report (<see cref="BulkProposalActions"/>). Answers one
/// result per proposal: JSON for the API, a page for the form.
/// </summary>
public sealed class BulkProposalFunction(BulkProposalActions actions, StaffEndpoint staff)
{
    [Function(nameof(BulkProposalAction))]
    public Task<IActionResult> BulkProposalAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/proposals/bulk")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.BulkAsync(request, StaffRoles.Officer, StaffLinks.From(request, RequestLanguage.From(request)).To("/staff/proposals"),
            (c, fields) => actions.HandleAsync(c, fields, cancellationToken), cancellationToken);
}
