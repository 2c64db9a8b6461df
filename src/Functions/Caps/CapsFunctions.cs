using System.Globalization;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Caps;

/// <summary>The support caps table: anyone may read it (the form shows it); officers edit it.</summary>
public sealed class CapsFunctions(ICapStore caps, StaffEndpoint staff)
{
    /// <summary><c>GET /api/caps</c>: every cap, with its effective dates and legal basis.</summary>
    [Function(nameof(ListCaps))]
    public async Task<IActionResult> ListCaps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/caps")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        _ = request;
        return new OkObjectResult((await caps.ListAsync(cancellationToken)).Select(ToJson));
    }

    /// <summary><c>PUT /api/caps</c>: adds or replaces the cap for a funding source, province, kind and effective date.</summary>
    [Function(nameof(SaveCap))]
    public Task<IActionResult> SaveCap(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/caps")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<CapInput>(request, StaffRoles.Officer, new BodyShape("một mức trần dạng JSON", "a JSON cap"),
            (c, input) => SaveAsync(c, input, cancellationToken), cancellationToken);

    private async Task<IActionResult> SaveAsync(StaffRequest c, CapInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        void Fail(string field, string vi, string english) => errors[field] = [c.T(vi, english)];
        if (!ProposalCatalog.TryParseFundingSource(input.FundingSource, out var source))
        {
            Fail("fundingSource", "Nguồn kinh phí không hợp lệ (national hoặc local).", "Unknown funding source (national or local).");
        }

        if (!ProposalCatalog.TryParseKind(input.Kind, out var kind))
        {
            Fail("kind", "Nội dung hỗ trợ không hợp lệ.", "Unknown kind.");
        }

        Province? province = null;
        if (!string.IsNullOrWhiteSpace(input.Province) && !ProvinceCatalog.TryParse(input.Province, out province))
        {
            Fail("province", "Tỉnh, thành phố không hợp lệ.", "Unknown province.");
        }

        if (!DateOnly.TryParseExact(input.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            Fail("effectiveFrom", "Ngày hiệu lực phải có dạng yyyy-MM-dd.", "effectiveFrom must be yyyy-MM-dd.");
        }

        DateOnly? to = null;
        if (!string.IsNullOrEmpty(input.EffectiveTo))
        {
            if (DateOnly.TryParseExact(input.EffectiveTo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && end > from)
            {
                to = end;
            }
            else
            {
                Fail("effectiveTo", "Ngày hết hiệu lực phải có dạng yyyy-MM-dd và sau ngày hiệu lực.", "effectiveTo must be yyyy-MM-dd and after effectiveFrom.");
            }
        }

        if (input.MaxPercent is not (> 0 and <= 100))
        {
            Fail("maxPercent", "Tỷ lệ hỗ trợ tối đa phải lớn hơn 0 và không quá 100.", "maxPercent must be above 0 and at most 100.");
        }

        if (input.MaxAmount is not > 0)
        {
            Fail("maxAmount", "Mức hỗ trợ tối đa phải là số tiền dương.", "maxAmount must be a positive amount.");
        }

        var basis = VietnameseText.Normalize(input.Basis);
        if (basis.Length is 0 or > 500)
        {
            Fail("basis", "Vui lòng nêu căn cứ pháp lý (tối đa 500 ký tự).", "Give the legal basis (at most 500 characters).");
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors, c.Language);
        }

        var cap = new SupportCap(source, province?.Code, kind, from, to, input.MaxPercent!.Value, input.MaxAmount!.Value, basis);
        await caps.SaveAsync(cap, c.Staff.Actor, cancellationToken);
        return new OkObjectResult(ToJson(cap));
    }

    private static object ToJson(SupportCap c) => new
    {
        fundingSource = c.FundingSource.ToCode(),
        province = c.Province,
        kind = c.Kind.ToCode(),
        effectiveFrom = c.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        effectiveTo = c.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        maxPercent = c.MaxPercent,
        maxAmount = c.MaxAmount,
        basis = c.Basis,
    };

    private sealed record CapInput(string? FundingSource, string? Province, string? Kind, string? EffectiveFrom, string? EffectiveTo, decimal? MaxPercent, long? MaxAmount, string? Basis);
}
