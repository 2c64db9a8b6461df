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

/// <summary>
/// The support caps table: anyone may read it (the form shows it); officers edit it: a local cap from the province's
/// People's Council resolution (its number and date in the basis), possibly for a former province's territory, or a
/// national figure found in a text (replacing "not found" or an example cap, naming the article).
/// </summary>
public sealed class CapsFunctions(ICapStore caps)
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

    /// <summary><c>PUT /api/caps</c>: adds or replaces the cap for a funding source, province, territory, activity (or a kind's default activity) and effective date.</summary>
    [Function(nameof(SaveCap))]
    public async Task<IActionResult> SaveCap(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/caps")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = Web.RequestLanguage.From(request);
        var en = language == Language.English;
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var input = await JsonBody.ReadAsync<CapInput>(request, cancellationToken);

        var errors = new Dictionary<string, IReadOnlyList<string>>();
        void Fail(string field, string vi, string english) => errors[field] = [en ? english : vi];
        if (input is null)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "body", en ? "The body must be a JSON cap." : "Nội dung phải là một mức trần dạng JSON.", language);
        }

        if (!ProposalCatalog.TryParseFundingSource(input.FundingSource, out var source))
        {
            Fail("fundingSource", "Nguồn kinh phí không hợp lệ (national hoặc local).", "Unknown funding source (national or local).");
        }

        Domain.Activities.Activity? activity = null;
        if (!string.IsNullOrWhiteSpace(input.Activity))
        {
            if (!Domain.Activities.ActivityCatalog.TryParse(input.Activity, out activity))
            {
                Fail("activity", "Nội dung hoạt động không có trong danh mục.", "Unknown activity.");
            }
        }
        else if (ProposalCatalog.TryParseKind(input.Kind, out var kind))
        {
            activity = Domain.Activities.ActivityCatalog.DefaultFor(kind);
        }
        else
        {
            Fail("kind", "Nội dung hỗ trợ không hợp lệ.", "Unknown kind.");
        }

        Province? province = null;
        if (!string.IsNullOrWhiteSpace(input.Province) && !ProvinceCatalog.TryParse(input.Province, out province))
        {
            Fail("province", "Tỉnh, thành phố không hợp lệ.", "Unknown province.");
        }

        string? territory = null;
        if (!string.IsNullOrWhiteSpace(input.Territory))
        {
            // A former province's resolution keeps applying on its former territory until replaced (Law 64/2025/QH15 art. 54 cl. 2 as amended).
            if (province is null || !ProvinceCatalog.TryParse(input.Territory, out var former)
                || !ProvinceCatalog.FormerPartsOf(ProvinceCatalog.FindCurrent(province.CurrentCode)!).Any(f => f.Code == former.Code))
            {
                Fail("territory", "Địa bàn phải là một tỉnh cũ đã hợp nhất vào tỉnh đã chọn (ví dụ thai-binh trong hung-yen).",
                    "The territory must be a former province merged into the chosen province (for example thai-binh in hung-yen).");
            }
            else
            {
                territory = former.Code;
            }
        }

        var unit = CapUnit.PerProposal;
        if (!string.IsNullOrWhiteSpace(input.Unit) && !CapUnits.TryParse(input.Unit, out unit))
        {
            Fail("unit", "Đơn vị tính không hợp lệ (per-proposal, per-model, per-establishment, per-enterprise, per-event, per-person).",
                "Unknown unit (per-proposal, per-model, per-establishment, per-enterprise, per-event, per-person).");
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

        if (input.MaxPercent is not null and not (> 0 and <= 100))
        {
            Fail("maxPercent", "Tỷ lệ hỗ trợ tối đa phải lớn hơn 0 và không quá 100.", "maxPercent must be above 0 and at most 100.");
        }

        if (input.MaxAmount is not null and not > 0)
        {
            Fail("maxAmount", "Mức hỗ trợ tối đa phải là số tiền dương.", "maxAmount must be a positive amount.");
        }

        if (input.MaxPercent is null && input.MaxAmount is null)
        {
            Fail("maxAmount", "Vui lòng nhập mức hỗ trợ tối đa (số tiền, tỷ lệ hoặc cả hai) theo văn bản.", "Give the cap's amount, percentage or both, as the text states them.");
        }

        var basis = VietnameseText.Normalize(input.Basis);
        if (basis.Length is 0 or > 500)
        {
            Fail("basis", "Vui lòng nêu căn cứ pháp lý (tối đa 500 ký tự).", "Give the legal basis (at most 500 characters).");
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors, language);
        }

        var cap = new SupportCap(source, province?.Code, activity!.Code, from, to, input.MaxPercent, input.MaxAmount, basis) { Unit = unit, Territory = territory };
        await caps.SaveAsync(cap, staff.Actor, cancellationToken);
        return new OkObjectResult(ToJson(cap));
    }

    private static object ToJson(SupportCap c) => new
    {
        fundingSource = c.FundingSource.ToCode(),
        province = c.Province,
        territory = c.Territory,
        activity = c.Activity,
        kind = c.Kind.ToCode(),
        effectiveFrom = c.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        effectiveTo = c.EffectiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        maxPercent = c.MaxPercent,
        maxAmount = c.MaxAmount,
        unit = c.Unit.ToCode(),
        confidence = c.Confidence,
        note = c.Note,
        basis = c.Basis,
    };

    private sealed record CapInput(string? FundingSource, string? Province, string? Territory, string? Activity, string? Kind, string? EffectiveFrom, string? EffectiveTo,
        decimal? MaxPercent, long? MaxAmount, string? Unit, string? Basis);
}
