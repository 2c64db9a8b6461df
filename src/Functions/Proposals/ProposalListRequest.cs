using System.Globalization;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// The filters of the staff list, read from the query (<c>year</c>, <c>status</c>, <c>kind</c>, <c>fundingSource</c>,
/// <c>q</c>, <c>page</c>, <c>pageSize</c>), shared by <c>GET /api/proposals</c> and the page <c>GET /staff/proposals</c>.
/// </summary>
public sealed record ProposalListRequest(ProposalListQuery Query, IReadOnlyList<string> Terms, int Page, int PageSize, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public static ProposalListRequest Parse(HttpRequest request, TimeProvider time, Language language)
    {
        ArgumentNullException.ThrowIfNull(request);
        var en = language == Language.English;
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        int Number(string name, int fallback, int min, int max, string vi, string english)
        {
            string? text = request.Query[name];
            if (string.IsNullOrEmpty(text))
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            errors[name] = [en ? english : vi];
            return fallback;
        }

        var year = Number("year", VietnamTime.Today(time).Year, 2000, 2100, "Năm phải từ 2000 đến 2100.", "year must be between 2000 and 2100.");
        var page = Number("page", 1, 1, 100_000, "Trang phải là số từ 1.", "page must be a number from 1.");
        var pageSize = Number("pageSize", 50, 1, 200, "Số dòng mỗi trang từ 1 đến 200.", "pageSize must be between 1 and 200.");
        ProposalStatus? status = null;
        if (request.Query["status"].ToString() is { Length: > 0 } statusCode)
        {
            if (ProposalStatusCodes.TryParse(statusCode, out var s))
            {
                status = s;
            }
            else
            {
                errors["status"] = [en ? "Unknown status." : "Tình trạng không hợp lệ."];
            }
        }

        ProposalKind? kind = null;
        if (request.Query["kind"].ToString() is { Length: > 0 } kindCode)
        {
            if (ProposalCatalog.TryParseKind(kindCode, out var k))
            {
                kind = k;
            }
            else
            {
                errors["kind"] = [en ? "Unknown kind." : "Nội dung hỗ trợ không hợp lệ."];
            }
        }

        FundingSource? source = null;
        if (request.Query["fundingSource"].ToString() is { Length: > 0 } sourceCode)
        {
            if (ProposalCatalog.TryParseFundingSource(sourceCode, out var f))
            {
                source = f;
            }
            else
            {
                errors["fundingSource"] = [en ? "Unknown funding source." : "Nguồn kinh phí không hợp lệ."];
            }
        }

        var terms = VietnameseText.Fold(request.Query["q"].ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (terms.Sum(t => t.Length) > 200)
        {
            errors["q"] = [en ? "The search is too long." : "Nội dung tìm kiếm quá dài."];
        }

        return new ProposalListRequest(new ProposalListQuery(year, status, kind, source), terms, page, pageSize, errors);
    }

    /// <summary>The proposals matching the filters and the search terms (all pages).</summary>
    public async Task<IReadOnlyList<ProposalSummary>> ListAsync(IProposalRepository proposals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var all = await proposals.ListAsync(Query, cancellationToken);
        return all.Where(p => Terms.All(t => p.SearchText.Contains(t, StringComparison.Ordinal))).ToList();
    }
}
