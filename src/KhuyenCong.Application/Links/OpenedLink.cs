using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Links;

/// <summary>
/// An emailed link whose token was verified (genuine, unexpired, in its one spelling), with the proposal it acts on:
/// what every decision taken through a link starts from. The adapter verifies the token and reads the proposal (404
/// when either fails); the use case checks the rest (the stage, the single use, the person).
/// </summary>
/// <param name="Claims">What the token says: the link's id, action, proposal, subject and round.</param>
/// <param name="Proposal">The proposal the link is for.</param>
public sealed record OpenedLink(LinkClaims Claims, Proposal Proposal)
{
    public string ProposalId => Proposal.Id;
}
