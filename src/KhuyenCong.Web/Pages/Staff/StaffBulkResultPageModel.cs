using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>One proposal's outcome in a bulk action.</summary>
/// <param name="Id">The proposal's id as sent.</param>
/// <param name="TrackingCode">Its tracking code (null when there is no such proposal).</param>
/// <param name="Title">Its title (null when there is no such proposal).</param>
/// <param name="Done">True when the change was made.</param>
/// <param name="Message">What was done, or why not.</param>
public sealed record BulkRowResult(string Id, string? TrackingCode, string? Title, bool Done, Bilingual Message);

/// <summary>The answer to a bulk action posted from the staff list: one line per proposal, and the way back.</summary>
/// <param name="Action">The action's name.</param>
/// <param name="Rows">The outcome of each proposal, in the order sent.</param>
/// <param name="Links">Addresses keeping the language and LocalHost's function key.</param>
public sealed record StaffBulkResultPageModel(Bilingual Action, IReadOnlyList<BulkRowResult> Rows, StaffLinks Links)
{
    public int DoneCount => Rows.Count(r => r.Done);
}
