using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Proposals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Web;

/// <summary>The staff pages (any signed-in staff member; the forms shown depend on the roles): the list and one proposal.</summary>
public sealed class StaffPageFunctions(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IProposalPayments payments,
    IBudgetLedger ledger,
    IEmailLog emailLog,
    StaffEndpoint staff,
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
        var (request, language) = (c.Http, c.Language);
        var list = ProposalListRequest.Parse(request, time, language);
        var items = list.Errors.Count > 0 ? null : await list.ListAsync(proposals, cancellationToken);
        return StaffPages.List(request, language, list, items);
    }

    /// <summary><c>GET /staff/proposals/{id}</c>: one proposal with its case, money, history and the action forms of its status.</summary>
    [Function(nameof(StaffProposalPage))]
    public Task<IActionResult> StaffProposalPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/proposals/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, async c =>
        {
            var dossier = await ProposalDossier.LoadAsync(id, proposals, cases, payments, ledger, emailLog, cancellationToken);
            return dossier is null
                ? StaffPages.NotFound(request, c.Language)
                : StaffPages.Detail(request, c.Language, c.Staff, staff.FormToken(c.Staff), dossier, request.Query["done"].ToString());
        });
}
