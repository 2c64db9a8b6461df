using KhuyenCong.Application.Proposals;
using KhuyenCong.Web.Components.Forms;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>What the staff list shows: the filters as asked, their errors, and one page of the matching proposals.</summary>
/// <param name="Links">Addresses keeping the language and LocalHost's function key.</param>
/// <param name="Query">The filters read (year, status, kind, funding source).</param>
/// <param name="Search">The search text as typed.</param>
/// <param name="Errors">Messages by filter name, in the page's language (none: the list was read).</param>
/// <param name="Matches">Every matching proposal (all pages); null when a filter has an error.</param>
/// <param name="Page">The page shown, from 1.</param>
/// <param name="PageSize">Proposals per page.</param>
/// <param name="Filters">The request's other query values (not page, lang or the key), kept by the pager's links.</param>
/// <param name="Sort">The order asked (<c>sort</c>), with the orders offered.</param>
/// <param name="FormToken">The CSRF token of the bulk actions' form.</param>
/// <param name="Programmes">The programmes a bulk action may assign to (id, name).</param>
public sealed record StaffProposalListPageModel(
    StaffLinks Links,
    ProposalListQuery Query,
    string Search,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    IReadOnlyList<ProposalSummary>? Matches,
    int Page,
    int PageSize,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    string Sort,
    IReadOnlyList<ChoiceOption> Sorts,
    string FormToken,
    IReadOnlyList<ChoiceOption> Programmes)
{
    /// <summary>
    /// The download of the same filters and order from <paramref name="path"/> (the list's report, or the exchange file
    /// of <c>/api/proposals/export</c>) in <paramref name="format"/>.
    /// </summary>
    public string ExportHref(string path, string format) =>
        Links.To(path, [StaffLinks.Query("format", format), .. Filters.Where(f => f.Key != "format")]);

    /// <summary>The proposals of the page shown.</summary>
    public IReadOnlyList<ProposalSummary> PageItems => Matches is null ? [] : Matches.Skip((Page - 1) * PageSize).Take(PageSize).ToList();

    /// <summary>How many pages the matches fill (at least 1).</summary>
    public int PageCount => Matches is null ? 1 : Math.Max(1, (Matches.Count + PageSize - 1) / PageSize);

    /// <summary>The address of page <paramref name="page"/> with the same filters.</summary>
    public string PageHref(int page) =>
        Links.To("/staff/proposals", [.. Filters, StaffLinks.Query("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}
