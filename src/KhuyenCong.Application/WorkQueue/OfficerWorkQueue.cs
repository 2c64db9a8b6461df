using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Reminders;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.WorkQueue;

/// <summary>
/// What waits on the officers ("Việc cần xử lý"): the proposals of the plan years under way (Vietnam time: next
/// year's, since a call of this year takes proposals for it (ADR 0021), this year's and last year's) whose next step is an officer's, most urgent first: past their deadline first (the earliest deadline first), then
/// the longest waiting. Screening's deadline is the reminders' screening wait limit (the same one the weekly overdue
/// report uses); a review's is its due date.
/// </summary>
public sealed class OfficerWorkQueue(IProposalRepository proposals, IProposalCaseStore cases, IOptions<RemindersOptions> options, TimeProvider time)
{
    private static readonly ProposalStatus[] Waiting =
        [ProposalStatus.Submitted, ProposalStatus.Screening, ProposalStatus.InReview, ProposalStatus.Approved, ProposalStatus.InProgress, ProposalStatus.Accepted];

    /// <summary>The waiting proposals, most urgent first.</summary>
    public async Task<IReadOnlyList<WorkItem>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var year = VietnamTime.Today(time).Year;
        var items = new List<WorkItem>();
        foreach (var status in Waiting)
        {
            foreach (var summary in await ListAsync(status, year, cancellationToken))
            {
                if (await ItemAsync(summary, now, cancellationToken) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return WaitingOrder.MostUrgentFirst(items, now);
    }

    private async Task<IReadOnlyList<ProposalSummary>> ListAsync(ProposalStatus status, int year, CancellationToken cancellationToken)
    {
        var all = new List<ProposalSummary>();
        foreach (var planYear in new[] { year - 1, year, year + 1 })
        {
            all.AddRange(await proposals.ListAsync(new ProposalListQuery(planYear, status, null, null), cancellationToken));
        }

        return all;
    }

    private async Task<WorkItem?> ItemAsync(ProposalSummary summary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = summary.StatusChangedAt ?? summary.SubmittedAt;
        var record = await cases.GetAsync(summary.Id, cancellationToken);
        switch (summary.Status)
        {
            case ProposalStatus.Submitted or ProposalStatus.Screening:
                var screening = record.CurrentScreening;
                var returned = record.Screenings.Count > 1 && record.Screenings[^2].RevisedAt is not null;
                return new WorkItem(summary, returned ? WorkReason.DocumentsReturned : WorkReason.Screening, since,
                    since + options.Value.ScreeningWaitLimit, screening?.Findings ?? [], 0);
            case ProposalStatus.InReview:
                var overdue = record.ReviewsOf(record.AppraisalRound).Where(r => r.IsOpen && r.DueAt < now).ToList();
                return overdue.Count == 0 ? null
                    : new WorkItem(summary, WorkReason.ReviewsOverdue, since, overdue.Min(r => r.DueAt), [], overdue.Count);
            case ProposalStatus.Approved when record.Contract is null:
                return new WorkItem(summary, WorkReason.Contract, since, null, [], 0);
            case ProposalStatus.InProgress when record.HasAcceptancePapers && record.Acceptance is null:
                return new WorkItem(summary, WorkReason.Acceptance, record.Reports.Last(r => r.IsAcceptancePapers).At, null, [], 0);
            case ProposalStatus.Accepted:
                return new WorkItem(summary, WorkReason.Payment, since, null, [], 0);
            default:
                return null;
        }
    }
}
