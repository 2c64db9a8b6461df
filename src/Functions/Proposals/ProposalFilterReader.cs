using System.Globalization;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// The query filters shared by the staff list and the export: <c>status</c>, <c>kind</c>, <c>fundingSource</c> and the
/// search <c>q</c>, plus whole numbers in a range; a wrong value adds a message (in the request's language) to
/// <see cref="Errors"/> under the parameter's name.
/// </summary>
internal sealed class ProposalFilterReader(HttpRequest request, Language language)
{
    private readonly bool en = language == Language.English;

    public Dictionary<string, IReadOnlyList<string>> Errors { get; } = new(StringComparer.Ordinal);

    public int? Number(string name, int min, int max, string vi, string english)
    {
        string? text = request.Query[name];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Errors[name] = [en ? english : vi];
        return null;
    }

    public ProposalStatus? Status()
    {
        if (request.Query["status"].ToString() is not { Length: > 0 } code)
        {
            return null;
        }

        if (ProposalStatusCodes.TryParse(code, out var status))
        {
            return status;
        }

        Errors["status"] = [en ? "Unknown status." : "Tình trạng không hợp lệ."];
        return null;
    }

    public ProposalKind? Kind()
    {
        if (request.Query["kind"].ToString() is not { Length: > 0 } code)
        {
            return null;
        }

        if (ProposalCatalog.TryParseKind(code, out var kind))
        {
            return kind;
        }

        Errors["kind"] = [en ? "Unknown kind." : "Nội dung hỗ trợ không hợp lệ."];
        return null;
    }

    public FundingSource? FundingSource()
    {
        if (request.Query["fundingSource"].ToString() is not { Length: > 0 } code)
        {
            return null;
        }

        if (ProposalCatalog.TryParseFundingSource(code, out var source))
        {
            return source;
        }

        Errors["fundingSource"] = [en ? "Unknown funding source." : "Nguồn kinh phí không hợp lệ."];
        return null;
    }

    /// <summary>The folded words of <c>q</c> (all must occur in a proposal's search text).</summary>
    public IReadOnlyList<string> Terms()
    {
        var terms = VietnameseText.Fold(request.Query["q"].ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (terms.Sum(t => t.Length) > 200)
        {
            Errors["q"] = [en ? "The search is too long." : "Nội dung tìm kiếm quá dài."];
        }

        return terms;
    }
}
