using System.Globalization;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;

namespace KhuyenCong.Web.Requests;

/// <summary>
/// The orders of the staff list (<c>sort</c>): newest first (the default), oldest first, longest in its status first,
/// largest request first, by title (Vietnamese alphabetical order).
/// </summary>
public static class ProposalListSort
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The orders by code, in the order the list's select shows them.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["newest", "oldest", "waiting", "amount", "title"];

    /// <summary>The order's name on the page.</summary>
    public static Bilingual Label(string code) => code switch
    {
        "oldest" => new("Nộp sớm nhất trước", "Oldest first"),
        "waiting" => new("Chờ lâu nhất trước", "Longest waiting first"),
        "amount" => new("Kinh phí đề nghị lớn nhất trước", "Largest request first"),
        "title" => new("Theo tên đề án (A-Z)", "By title (A-Z)"),
        _ => new("Mới nộp nhất trước", "Newest first"),
    };

    /// <summary>The proposals in the order <paramref name="code"/> names.</summary>
    public static IReadOnlyList<ProposalSummary> Apply(IEnumerable<ProposalSummary> proposals, string code) => code switch
    {
        "oldest" => proposals.OrderBy(p => p.SubmittedAt).ToList(),
        "waiting" => proposals.OrderBy(p => p.StatusChangedAt ?? p.SubmittedAt).ToList(),
        "amount" => proposals.OrderByDescending(p => p.RequestedSupport).ThenBy(p => p.SubmittedAt).ToList(),
        "title" => proposals.OrderBy(p => p.Title, Comparer<string>.Create((a, b) => Vietnamese.Compare(a, b, CompareOptions.IgnoreCase))).ToList(),
        _ => proposals.OrderByDescending(p => p.SubmittedAt).ToList(),
    };
}
