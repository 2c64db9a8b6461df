using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.Proposals;

/// <summary>
/// The stage check every staff decision on a proposal starts with: the proposal exists (404 otherwise) and is at one of
/// the stages where the decision can be taken (409 otherwise, naming the stage it is at).
/// </summary>
public static class ProposalStages
{
    public static readonly Bilingual NoSuchProposal = new("Không có đề án này.", "No such proposal.");

    /// <summary>The proposal when it exists and its status is one of <paramref name="allowed"/>; otherwise not found, or a conflict naming its stage.</summary>
    /// <param name="action">What is being decided, as it reads after "chưa thể …" and before "… is not possible now".</param>
    public static async Task<Decision<Proposal>> FindAtAsync(this IProposalRepository proposals, string proposalId, Bilingual action,
        IReadOnlyCollection<ProposalStatus> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(allowed);
        var proposal = await proposals.GetAsync(proposalId, cancellationToken);
        if (proposal is null)
        {
            return Decision<Proposal>.NotFound(NoSuchProposal);
        }

        return allowed.Contains(proposal.Status) ? Decision<Proposal>.Done(proposal) : Decision<Proposal>.Conflict(NotNow(proposal.Status, action));
    }

    /// <summary>"The proposal is at stage X: this cannot be done now", in both languages.</summary>
    public static Bilingual NotNow(ProposalStatus status, Bilingual action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new(
            $"Đề án đang ở bước \"{ProposalStatusLabels.Label(status, Language.Vietnamese)}\": chưa thể {action.Vietnamese} lúc này.",
            $"The proposal is {status.ToCode()} ({ProposalStatusLabels.Label(status, Language.English)}): {action.English} is not possible now.");
    }
}
