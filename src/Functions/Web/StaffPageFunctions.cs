using KhuyenCong.Application.Proposals;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ListPage = KhuyenCong.Web.Pages.Staff.StaffProposalListPage;

namespace KhuyenCong.Functions.Web;

/// <summary>The staff pages (any signed-in staff member; the forms shown depend on the roles): the list and one proposal.</summary>
public sealed class StaffPageFunctions(
    IProposalRepository proposals,
    StaffProposalPages proposalPages,
    KhuyenCong.Application.Programmes.IProgrammeStore programmes,
    StaffEndpoint staff,
    PageRenderer pages,
    TimeProvider time)
{
    /// <summary><c>GET /staff/proposals</c>: the list with the filters of <c>GET /api/proposals</c>.</summary>
    [Function(nameof(StaffProposalList))]
    public Task<IActionResult> StaffProposalList(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/proposals")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => StaffProposalListAsync(c, cancellationToken));

    private async Task<IActionResult> StaffProposalListAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var list = ProposalListRequest.Parse(c.Http, time, c.Language);
        var matches = list.Errors.Count > 0 ? null : await list.ListAsync(proposals, cancellationToken);
        var status = matches is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        var model = StaffPageModels.List(c, list, matches, staff.FormToken(c.Staff), await programmes.ListAsync(cancellationToken));
        return await pages.PageAsync<ListPage, StaffProposalListPageModel>(c.Http, c.Language, model,
            PageOptions.Standard with { StatusCode = status });
    }

    /// <summary><c>GET /staff/proposals/{id}</c>: one proposal with its case, money, history and the action forms of its status.</summary>
    [Function(nameof(StaffProposalPage))]
    public Task<IActionResult> StaffProposalPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/proposals/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => proposalPages.PageAsync(c, id, null, StatusCodes.Status200OK, cancellationToken));

    /// <summary>
    /// <c>GET /staff/proposals/{id}/cancel</c>: the confirm step before an officer cancels (the reason, a destructive
    /// button posting to <c>POST /api/proposals/{id}/cancel</c>); a page, so it works without JavaScript.
    /// </summary>
    [Function(nameof(StaffCancelPage))]
    public Task<IActionResult> StaffCancelPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/proposals/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => proposalPages.CancelPageAsync(c, id, null, StatusCodes.Status200OK, cancellationToken));
}
