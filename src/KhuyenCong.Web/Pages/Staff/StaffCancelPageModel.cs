using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>The cancellation's confirm step: the proposal, the CSRF token for the form, the addresses.</summary>
public sealed record StaffCancelPageModel(Proposal Proposal, string Token, StaffLinks Links)
{
    /// <summary>The cancellation refused (no reason, or the proposal can no longer be cancelled), shown again (null: as opened).</summary>
    public PostedAction? Posted { get; init; }
}
