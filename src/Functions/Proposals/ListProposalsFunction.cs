using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// <c>GET /api/proposals</c> (officer): filters <c>year</c> (default: this year), <c>status</c>, <c>kind</c>,
/// <c>fundingSource</c>, <c>q</c> (title, organisation, tax code or tracking code; with or without diacritics),
/// paged with <c>page</c> (from 1) and <c>pageSize</c> (1-200, default 50).
/// </summary>
public sealed class ListProposalsFunction(IProposalRepository proposals, TimeProvider time)
{
    [Function(nameof(ListProposals))]
    public async Task<IActionResult> ListProposals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/proposals")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        if (StaffAccess.Require(request, StaffRoles.Officer, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var filters = new ProposalFilterReader(request, language);
        var year = filters.Number("year", 2000, 2100, "Năm phải từ 2000 đến 2100.", "year must be between 2000 and 2100.") ?? VietnamTime.Today(time).Year;
        var page = filters.Number("page", 1, 100_000, "Trang phải là số từ 1.", "page must be a number from 1.") ?? 1;
        var pageSize = filters.Number("pageSize", 1, 200, "Số dòng mỗi trang từ 1 đến 200.", "pageSize must be between 1 and 200.") ?? 50;
        var status = filters.Status();
        var kind = filters.Kind();
        var source = filters.FundingSource();
        var terms = filters.Terms();
        if (filters.Errors.Count > 0)
        {
            return Problems.Fields(filters.Errors, language);
        }

        var all = await proposals.ListAsync(new ProposalListQuery(year, status, kind, source), cancellationToken);
        var matching = all.Where(p => terms.All(t => p.SearchText.Contains(t, StringComparison.Ordinal))).ToList();
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(new
        {
            year,
            page,
            pageSize,
            total = matching.Count,
            items = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(p => new
            {
                p.Id,
                p.TrackingCode,
                p.Title,
                p.OrganizationName,
                status = p.Status.ToCode(),
                statusLabel = ProposalStatusLabels.Label(p.Status, language),
                kind = p.Kind.ToCode(),
                fundingSource = p.FundingSource.ToCode(),
                p.Province,
                p.SubmittedAt,
                p.RequestedSupport,
                url = $"/api/proposals/{p.Id}",
            }),
        });
    }
}
