using System.Globalization;
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

        if (errors.Count > 0)
        {
            return Problems.Fields(errors, language);
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
