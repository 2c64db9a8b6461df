using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Proposals;

/// <summary>
/// Filters of the staff list: one plan year (<see cref="Proposal.PlanYear"/>: the call's, else the year submitted),
/// optionally one status, kind, funding source and call.
/// </summary>
public sealed record ProposalListQuery(int Year, ProposalStatus? Status, ProposalKind? Kind, FundingSource? FundingSource)
{
    /// <summary>Only the proposals submitted to this call (whose plan year is <see cref="Year"/>), or null for all.</summary>
    public string? CallId { get; init; }
}

/// <summary>A line of the staff list.</summary>
public sealed record ProposalSummary(
    string Id,
    string TrackingCode,
    string Title,
    string OrganizationName,
    ProposalStatus Status,
    ProposalKind Kind,
    FundingSource FundingSource,
    string Province,
    DateTimeOffset SubmittedAt,
    long RequestedSupport,
    string SearchText)
{
    /// <summary>When the proposal entered its current status (the index row's <c>StatusChangedAt</c>; older rows lack it).</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>The call it was submitted to, or null.</summary>
    public string? CallId { get; init; }
}

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

    /// <summary>
    /// Replaces the proposal's funding facts (record and year index). Idempotent: writing the same facts again changes
    /// nothing. Returns false when the proposal does not exist.
    /// </summary>
    Task<bool> SaveFundingAsync(string proposalId, ProposalFunding funding, CancellationToken cancellationToken);

    /// <summary>Sets (or clears, with null) the programme the proposal counts towards; false when the proposal does not exist.</summary>
    Task<bool> SetProgrammeAsync(string proposalId, string? programmeId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the submitted fields of the record (the applicant's corrections, already valid) and the index rows that
    /// show them (year, tax code). Status, history, attachments and funding are kept. Idempotent. Returns false when the
    /// proposal does not exist.
    /// </summary>
    Task<bool> UpdateSubmissionAsync(string proposalId, ProposalSubmission submission, CancellationToken cancellationToken);

    /// <summary>Adds attachment rows for files already in storage (idempotent: a row with the same id is replaced).</summary>
    Task AddAttachmentsAsync(string proposalId, IReadOnlyList<AttachmentInfo> attachments, CancellationToken cancellationToken);

    /// <summary>Removes an attachment row; false when there was none. The file itself is the caller's to delete.</summary>
    Task<bool> RemoveAttachmentAsync(string proposalId, string attachmentId, CancellationToken cancellationToken);

    Task<Proposal?> FindByTrackingCodeAsync(string trackingCode, CancellationToken cancellationToken);

    /// <summary>The proposals of one plan year matching the filters, newest first (one partition of the year index).</summary>
    Task<IReadOnlyList<ProposalSummary>> ListAsync(ProposalListQuery query, CancellationToken cancellationToken);

    /// <summary>The years that have proposals (Vietnam time), ascending: the partitions of the year index.</summary>
    Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken);

    /// <summary>Proposals of the same tax code and kind submitted on or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<EarlierProposal>> FindByTaxCodeAsync(string taxCode, ProposalKind kind, DateTimeOffset since, CancellationToken cancellationToken);
}
