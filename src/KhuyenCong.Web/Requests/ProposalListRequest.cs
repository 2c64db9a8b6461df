using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Requests;

/// <summary>
/// The filters of the staff list, read from the query (<c>year</c>, <c>status</c>, <c>kind</c>, <c>fundingSource</c>,
/// <c>q</c>, <c>sort</c>, <c>page</c>, <c>pageSize</c>), shared by <c>GET /api/proposals</c> and the page <c>GET /staff/proposals</c>.
/// </summary>
public sealed record ProposalListRequest(ProposalListQuery Query, IReadOnlyList<string> Terms, int Page, int PageSize, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public static ProposalListRequest Parse(HttpRequest request, TimeProvider time, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filters = new ProposalFilterReader(request, language);
        var year = filters.Number("year", 2000, 2100, "Năm phải từ 2000 đến 2100.", "year must be between 2000 and 2100.") ?? VietnamTime.Today(time).Year;
        var page = filters.Number("page", 1, 100_000, "Trang phải là số từ 1.", "page must be a number from 1.") ?? 1;
        var pageSize = filters.Number("pageSize", 1, 200, "Số dòng mỗi trang từ 1 đến 200.", "pageSize must be between 1 and 200.") ?? 50;
        var query = new ProposalListQuery(year, filters.Status(), filters.Kind(), filters.FundingSource());
        var sort = filters.Choice("sort", ProposalListSort.Codes, "Chọn một cách sắp xếp trong danh sách.", "Choose an order from the list.") ?? "newest";
        return new ProposalListRequest(query, filters.Terms(), page, pageSize, filters.Errors) { Sort = sort };
    }

    /// <summary>The order asked (<see cref="ProposalListSort.Codes"/>).</summary>
    public string Sort { get; init; } = "newest";

    /// <summary>The proposals matching the filters and the search terms (all pages), in the order asked.</summary>
    public async Task<IReadOnlyList<ProposalSummary>> ListAsync(IProposalRepository proposals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var all = await proposals.ListAsync(Query, cancellationToken);
        return ProposalListSort.Apply(all.Where(p => Terms.All(t => p.SearchText.Contains(t, StringComparison.Ordinal))), Sort);
    }
}
