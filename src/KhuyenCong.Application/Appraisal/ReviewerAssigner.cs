using KhuyenCong.Domain.Appraisal;

namespace KhuyenCong.Application.Appraisal;

/// <summary>
/// The appraisal step's use of the roster: choosing a proposal's reviewers and keeping their workloads. Meant to be
/// called from durable activities: the choice is returned (and recorded by the orchestration), and opening or closing
/// a review is idempotent per proposal and reviewer, so a retried activity does not count twice.
/// </summary>
public interface IReviewerAssigner
{
    /// <summary>
    /// The <paramref name="count"/> reviewers for a proposal (see <see cref="ReviewerAssignment"/>), from the roster as
    /// it is now; fewer, with <see cref="ReviewerChoice.Shortfall"/>, when not enough match. Reads only.
    /// </summary>
    Task<ReviewerChoice> ChooseAsync(ProposalFacts proposal, int count, IReadOnlyCollection<string> exclude, CancellationToken cancellationToken);

    /// <summary>Counts one more open review for the reviewer (once per proposal); the new count, or null for an unknown reviewer.</summary>
    Task<int?> OpenReviewAsync(string proposalId, string reviewerId, CancellationToken cancellationToken);

    /// <summary>Counts one review fewer (review submitted, declined or withdrawn; once per proposal); the new count, or null for an unknown reviewer.</summary>
    Task<int?> CloseReviewAsync(string proposalId, string reviewerId, CancellationToken cancellationToken);
}

/// <summary>
/// The roster-backed <see cref="IReviewerAssigner"/>: a proposal whose call has a council is scored by the council's
/// members (<see cref="CouncilAssignment"/>, issue 13 line 2); any other by reviewers picked from the roster.
/// </summary>
public sealed class ReviewerAssigner(IReviewerRoster roster, Councils.ICouncilStore councils) : IReviewerAssigner
{
    public async Task<ReviewerChoice> ChooseAsync(ProposalFacts proposal, int count, IReadOnlyCollection<string> exclude, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var entries = await roster.ListAsync(cancellationToken);
        var council = proposal.CallId is { } callId ? await councils.ForCallAsync(callId, cancellationToken) : null;
        return council is null
            ? ReviewerAssignment.Choose(proposal, entries, count, exclude)
            : CouncilAssignment.Choose(proposal, council.AllMemberIds, entries, count, exclude);
    }

    public Task<int?> OpenReviewAsync(string proposalId, string reviewerId, CancellationToken cancellationToken) =>
        roster.AdjustOpenReviewsAsync(reviewerId, +1, "open:" + proposalId, cancellationToken);

    public Task<int?> CloseReviewAsync(string proposalId, string reviewerId, CancellationToken cancellationToken) =>
        roster.AdjustOpenReviewsAsync(reviewerId, -1, "close:" + proposalId, cancellationToken);
}
