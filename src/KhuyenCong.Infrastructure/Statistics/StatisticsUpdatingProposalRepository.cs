using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Statistics;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Infrastructure.Statistics;

/// <summary>
/// Keeps the statistics up to date: after each write of a proposal, its contribution is refreshed from the record
/// (<see cref="IStatisticsStore.RefreshAsync(string, CancellationToken)"/>, idempotent and safe under concurrency).
/// A failed refresh after a submission (or after a compensating delete) is logged and left to the nightly
/// recompute, so statistics never fail a submission; after status, funding and programme changes it throws, so the
/// workflow's activity is retried.
/// </summary>
public sealed partial class StatisticsUpdatingProposalRepository(IProposalRepository inner, IStatisticsStore statistics, ILogger<StatisticsUpdatingProposalRepository> logger)
    : IProposalRepository
{
    public async Task CreateAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        await inner.CreateAsync(proposal, cancellationToken);
        try
        {
            await statistics.RefreshAsync(proposal.PlanYear, proposal.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, proposal.Id, "create", ex.GetType().Name);
        }
    }

    public async Task DeleteAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        await inner.DeleteAsync(proposal, cancellationToken);
        try
        {
            await statistics.RefreshAsync(proposal.PlanYear, proposal.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, proposal.Id, "delete", ex.GetType().Name);
        }
    }

    public Task<Proposal?> GetAsync(string proposalId, CancellationToken cancellationToken) => inner.GetAsync(proposalId, cancellationToken);

    public async Task ChangeStatusAsync(string proposalId, int sequence, StatusChange change, CancellationToken cancellationToken)
    {
        await inner.ChangeStatusAsync(proposalId, sequence, change, cancellationToken);
        await statistics.RefreshAsync(proposalId, cancellationToken);
    }

    public async Task<bool> SaveFundingAsync(string proposalId, ProposalFunding funding, CancellationToken cancellationToken)
    {
        if (!await inner.SaveFundingAsync(proposalId, funding, cancellationToken))
        {
            return false;
        }

        await statistics.RefreshAsync(proposalId, cancellationToken);
        return true;
    }

    public async Task<bool> SetProgrammeAsync(string proposalId, string? programmeId, CancellationToken cancellationToken)
    {
        if (!await inner.SetProgrammeAsync(proposalId, programmeId, cancellationToken))
        {
            return false;
        }

        await statistics.RefreshAsync(proposalId, cancellationToken);
        return true;
    }

    /// <summary>A revision can change the kind, sector, commune and amounts the statistics count.</summary>
    public async Task<bool> UpdateSubmissionAsync(string proposalId, ProposalSubmission submission, CancellationToken cancellationToken)
    {
        if (!await inner.UpdateSubmissionAsync(proposalId, submission, cancellationToken))
        {
            return false;
        }

        await statistics.RefreshAsync(proposalId, cancellationToken);
        return true;
    }

    public Task AddAttachmentsAsync(string proposalId, IReadOnlyList<AttachmentInfo> attachments, CancellationToken cancellationToken) =>
        inner.AddAttachmentsAsync(proposalId, attachments, cancellationToken);

    public Task<bool> RemoveAttachmentAsync(string proposalId, string attachmentId, CancellationToken cancellationToken) =>
        inner.RemoveAttachmentAsync(proposalId, attachmentId, cancellationToken);

    public Task<Proposal?> FindByTrackingCodeAsync(string trackingCode, CancellationToken cancellationToken) => inner.FindByTrackingCodeAsync(trackingCode, cancellationToken);

    public Task<IReadOnlyList<ProposalSummary>> ListAsync(ProposalListQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken) => inner.ListYearsAsync(cancellationToken);

    public Task<IReadOnlyList<EarlierProposal>> FindByTaxCodeAsync(string taxCode, ProposalKind kind, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.FindByTaxCodeAsync(taxCode, kind, since, cancellationToken);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning,
        Message = "Statistics of proposal {ProposalId} not refreshed after {Operation} ({ErrorType}); the nightly recompute will correct them")]
    private static partial void LogRefreshFailed(ILogger logger, string proposalId, string operation, string errorType);
}
