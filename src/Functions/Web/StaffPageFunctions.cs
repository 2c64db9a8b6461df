using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
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
using CancelPage = KhuyenCong.Web.Pages.Staff.StaffCancelPage;
using ListPage = KhuyenCong.Web.Pages.Staff.StaffProposalListPage;
using ProposalPage = KhuyenCong.Web.Pages.Staff.StaffProposalPage;

namespace KhuyenCong.Functions.Web;

/// <summary>The staff pages (any signed-in staff member; the forms shown depend on the roles): the list and one proposal.</summary>
public sealed class StaffPageFunctions(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IProposalPayments payments,
    IBudgetLedger ledger,
    IEmailLog emailLog,
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
        staff.PageAsync(request, c => StaffProposalPageAsync(c, id, cancellationToken));

    private async Task<IActionResult> StaffProposalPageAsync(StaffRequest c, string id, CancellationToken cancellationToken)
    {
        var dossier = await ProposalDossier.LoadAsync(id, proposals, cases, payments, ledger, emailLog, cancellationToken);
        if (dossier is null)
        {
            return await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(c.Http, c.Language, StaffPageModels.ProposalNotFound(c),
                PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound });
        }

        return await pages.PageAsync<ProposalPage, StaffProposalPageModel>(c.Http, c.Language,
            StaffPageModels.Proposal(c, dossier, staff.FormToken(c.Staff)));
    }

    /// <summary>
    /// <c>GET /staff/proposals/{id}/cancel</c>: the confirm step before an officer cancels (the reason, a destructive
    /// button posting to <c>POST /api/proposals/{id}/cancel</c>); a page, so it works without JavaScript.
    /// </summary>
    [Function(nameof(StaffCancelPage))]
    public Task<IActionResult> StaffCancelPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/proposals/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var proposal = await proposals.GetAsync(id, cancellationToken);
            return proposal is null
                ? await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(c.Http, c.Language, StaffPageModels.ProposalNotFound(c),
                    PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound })
                : await pages.PageAsync<CancelPage, StaffCancelPageModel>(c.Http, c.Language,
                    new StaffCancelPageModel(proposal, staff.FormToken(c.Staff), StaffLinks.From(c.Http, c.Language)));
        });
}
