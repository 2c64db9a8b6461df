using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>The cancellation's confirm step: the proposal, the CSRF token for the form, the addresses.</summary>
public sealed record StaffCancelPageModel(Proposal Proposal, string Token, StaffLinks Links);
