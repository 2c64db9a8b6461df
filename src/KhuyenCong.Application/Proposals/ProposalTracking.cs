using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Tracking;

namespace KhuyenCong.Application.Proposals;

public sealed record TimelineEntry(string Status, string Label, DateTimeOffset At);

/// <summary>
/// What the applicant sees of their proposal: no personal data beyond the title. <c>Explanation</c>: what the status
/// means in plain words (the yearly cycle's statuses), or null.
/// </summary>
public sealed record TrackingView(
    string TrackingCode,
    string Title,
    string Status,
    string StatusLabel,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<TimelineEntry> Timeline,
    string? Awaiting,
    string? Explanation = null);

/// <summary>Looks a proposal up by its tracking code, for the applicant.</summary>
public sealed class ProposalTracking(IProposalRepository proposals)
{
    public async Task<TrackingView?> FindAsync(string? code, Language language, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(code, out var parsed))
        {
            return null;
        }

        var proposal = await proposals.FindByTrackingCodeAsync(parsed.Value, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        return new TrackingView(
            proposal.TrackingCode,
            proposal.Submission.Title,
            proposal.Status.ToCode(),
            ProposalStatusLabels.Label(proposal.Status, language),
            proposal.SubmittedAt,
            proposal.History.Select(h => new TimelineEntry(h.To.ToCode(), ProposalStatusLabels.Label(h.To, language), h.At)).ToList(),
            ProposalStatusLabels.Awaiting(proposal.Status, language),
            ProposalStatusLabels.Explanation(proposal.Status, language));
    }
}
