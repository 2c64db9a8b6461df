using KhuyenCong.Application.WorkQueue;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>What the director's list shows: the decisions waiting (most urgent first), each with its decision page.</summary>
/// <param name="Links">Addresses keeping the language and LocalHost's function key.</param>
/// <param name="Items">The decisions waiting on the director.</param>
/// <param name="Now">The time the list was read (days waiting and overdue deadlines are counted to it).</param>
public sealed record DirectorQueuePageModel(StaffLinks Links, IReadOnlyList<DirectorWorkItem> Items, DateTimeOffset Now)
{
    /// <summary>
    /// The item's decision page on this site: the signed link's path (its token), with the page's language and
    /// LocalHost's key, so the page opens in the same language with the director signed in the same way.
    /// </summary>
    public string DecisionHref(DirectorWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Links.To(new Uri(item.DecisionUrl, UriKind.Absolute).AbsolutePath);
    }
}
