using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;

namespace KhuyenCong.Application.Programmes;

/// <summary>
/// Assigning a proposal to the programme it counts towards (<c>PUT /api/proposals/{id}/programme</c>, officers), or
/// clearing it (no programme id). The programme must exist.
/// </summary>
public sealed class ProgrammeAssignment(IProgrammeStore programmes, IProposalRepository proposals)
{
    /// <summary>Done: the programme id now assigned (null: cleared).</summary>
    public async Task<Decision<string?>> AssignAsync(string proposalId, string? programmeId, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(programmeId) ? null : programmeId.Trim();
        if (id is not null && await programmes.GetAsync(id, cancellationToken) is null)
        {
            return Decision<string?>.NotFound(ProgrammeEditing.NoSuchProgramme);
        }

        return await proposals.SetProgrammeAsync(proposalId, id, cancellationToken)
            ? Decision<string?>.Done(id)
            : Decision<string?>.NotFound(ProposalStages.NoSuchProposal);
    }
}
