using KhuyenCong.Domain.Appraisal;

namespace KhuyenCong.Application.Appraisal;

/// <summary>
/// The roster of council reviewers with their open-review counters. Reviewers are never deleted, only deactivated.
/// Names, emails and phones are personal data: implementations never log them.
/// </summary>
public interface IReviewerRoster
{
    /// <summary>Every reviewer (active or not) with their open reviews, ordered by name.</summary>
    Task<IReadOnlyList<RosterEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One reviewer, or null.</summary>
    Task<RosterEntry?> GetAsync(string reviewerId, CancellationToken cancellationToken);

    /// <summary>Adds a reviewer (open reviews 0). Throws <see cref="InvalidOperationException"/> when the id is taken.</summary>
    Task CreateAsync(Reviewer reviewer, string changedBy, CancellationToken cancellationToken);

    /// <summary>Replaces a reviewer's details (including <see cref="Reviewer.Active"/>) without touching the open-review counter; null when the reviewer does not exist.</summary>
    Task<RosterEntry?> UpdateAsync(Reviewer reviewer, string changedBy, CancellationToken cancellationToken);

    /// <summary>Makes a reviewer inactive (kept for history, never chosen again); null when the reviewer does not exist.</summary>
    Task<RosterEntry?> DeactivateAsync(string reviewerId, string changedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="delta"/> (+1 when a review is opened, -1 when it is closed) to the reviewer's open reviews
    /// with a conditional write (ETag), retried on conflict, so concurrent calls all count. The counter never goes below
    /// 0. With an <paramref name="operationId"/>, a repeated call with the same id (a retried activity) changes nothing.
    /// Returns the new count, or null when the reviewer does not exist.
    /// </summary>
    Task<int?> AdjustOpenReviewsAsync(string reviewerId, int delta, string? operationId, CancellationToken cancellationToken);
}
