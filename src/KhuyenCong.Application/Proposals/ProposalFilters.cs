using System.Globalization;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Proposals;

/// <summary>
/// The query filters of the staff list and the export, as the query writes them (<c>status</c>, <c>kind</c>,
/// <c>fundingSource</c>, the search <c>q</c>, whole numbers in a range): an empty value is no filter, a wrong one adds
/// its message under the parameter's name.
/// </summary>
public static class ProposalFilters
{
    public const int MaxSearchLength = 200;

    public static readonly Bilingual StatusInvalid = new("Tình trạng không hợp lệ.", "Unknown status.");

    public static readonly Bilingual KindInvalid = new("Nội dung hỗ trợ không hợp lệ.", "Unknown kind.");

    public static readonly Bilingual FundingSourceInvalid = new("Nguồn kinh phí không hợp lệ.", "Unknown funding source.");

    public static readonly Bilingual SearchTooLong = new("Nội dung tìm kiếm quá dài.", "The search is too long.");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when empty, or wrong (then <paramref name="message"/> under <paramref name="name"/>).</summary>
    public static int? Number(string name, string? text, int min, int max, Bilingual message, BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(name, message);
        return null;
    }

    public static ProposalStatus? Status(string? code, BilingualErrors errors) =>
        Parse(code, "status", StatusInvalid, errors, (string c, out ProposalStatus s) => ProposalStatusCodes.TryParse(c, out s));

    public static ProposalKind? Kind(string? code, BilingualErrors errors) =>
        Parse(code, "kind", KindInvalid, errors, (string c, out ProposalKind k) => ProposalKinds.TryParse(c, out k));

    public static FundingSource? FundingSource(string? code, BilingualErrors errors) =>
        Parse(code, "fundingSource", FundingSourceInvalid, errors, (string c, out FundingSource s) => FundingSources.TryParse(c, out s));

    /// <summary>The folded words of the search (all must occur in a proposal's search text).</summary>
    public static IReadOnlyList<string> Terms(string? q, BilingualErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var terms = VietnameseText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (terms.Sum(t => t.Length) > MaxSearchLength)
        {
            errors.Add("q", SearchTooLong);
        }

        return terms;
    }

    private delegate bool TryParser<T>(string code, out T value);

    private static T? Parse<T>(string? code, string name, Bilingual message, BilingualErrors errors, TryParser<T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (parse(code, out var value))
        {
            return value;
        }

        errors.Add(name, message);
        return null;
    }
}
