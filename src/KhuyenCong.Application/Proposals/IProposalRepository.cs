using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Proposals;

/// <summary>Proposals in Table Storage (see docs/storage.md for the design).</summary>
public interface IProposalRepository
{
    /// <summary>Stores a new proposal with its attachments, history and index rows.</summary>
    Task CreateAsync(Proposal proposal, CancellationToken cancellationToken);

    /// <summary>Removes everything <see cref="CreateAsync"/> wrote (compensation when a submission cannot be completed).</summary>
    Task DeleteAsync(Proposal proposal, CancellationToken cancellationToken);

    Task<Proposal?> GetAsync(string proposalId, CancellationToken cancellationToken);

    /// <summary>
    /// Records the <paramref name="sequence"/>-th status change (1 is the submission): its history row, the record's
    /// status and the index rows. Idempotent: applying the same change again changes nothing, and an older change
    /// never overwrites a newer status.
    /// </summary>
    Task ChangeStatusAsync(string proposalId, int sequence, StatusChange change, CancellationToken cancellationToken);

    Task<Proposal?> FindByTrackingCodeAsync(string trackingCode, CancellationToken cancellationToken);

    /// <summary>Proposals of the same tax code and kind submitted on or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<EarlierProposal>> FindByTaxCodeAsync(string taxCode, ProposalKind kind, DateTimeOffset since, CancellationToken cancellationToken);
}
