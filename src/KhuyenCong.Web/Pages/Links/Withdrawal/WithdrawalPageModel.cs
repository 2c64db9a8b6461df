namespace KhuyenCong.Web.Pages.Links.Withdrawal;

/// <summary>What the applicant's withdraw page shows (and, after the withdrawal, its confirmation).</summary>
/// <param name="Form">Where the confirmation posts, and its token (unused after the withdrawal).</param>
/// <param name="ProposalTitle">The proposal's title.</param>
/// <param name="TrackingCode">The proposal's tracking code.</param>
public sealed record WithdrawalPageModel(LinkFormTarget Form, string ProposalTitle, string TrackingCode);
