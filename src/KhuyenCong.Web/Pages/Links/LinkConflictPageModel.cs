using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Links;

/// <summary>What the 409 page of a link shows: why the link cannot act (a decision recorded, or the stage passed), and the proposal.</summary>
/// <param name="Reason">The use case's reason: what was recorded and when, or that the stage has passed.</param>
/// <param name="Title">The proposal's title.</param>
/// <param name="TrackingCode">The proposal's tracking code.</param>
/// <param name="Status">The proposal's current status.</param>
public sealed record LinkConflictPageModel(Bilingual Reason, string Title, string TrackingCode, ProposalStatus Status);
