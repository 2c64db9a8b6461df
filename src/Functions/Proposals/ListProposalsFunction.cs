using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// <c>GET /api/proposals</c> (officer): filters <c>year</c> (default: this year), <c>status</c>, <c>kind</c>,
/// <c>fundingSource</c>, <c>q</c> (title, organisation, tax code or tracking code; with or without diacritics),
/// paged with <c>page</c> (from 1) and <c>pageSize</c> (1-200, default 50).
/// </summary>
public sealed class ListProposalsFunction(IProposalRepository proposals, StaffEndpoint staff, TimeProvider time)
{
    [Function(nameof(ListProposals))]
    public Task<IActionResult> ListProposals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, c => ListProposalsAsync(c, cancellationToken));

    private async Task<IActionResult> ListProposalsAsync(StaffRequest c, CancellationToken cancellationToken)
    {
        var (request, language) = (c.Http, c.Language);
        var list = ProposalListRequest.Parse(request, time, language);
        if (list.Errors.Count > 0)
        {
            return Problems.Fields(list.Errors, language);
        }

        var (year, page, pageSize) = (list.Query.Year, list.Page, list.PageSize);
        var matching = await list.ListAsync(proposals, cancellationToken);
        c.NoStore();
        return new OkObjectResult(ProposalJson.Page(matching, year, page, pageSize, language));
    }
}
