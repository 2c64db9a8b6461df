using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Reminders;

/// <summary>What one run of a reminder timer did (counts only: no personal data).</summary>
public sealed record ReminderRun(int Sent, int Skipped, int Failed);

/// <summary>
/// The reminder timers' work. Idempotent under repeats and concurrency (timers can fire twice, or on two instances):
/// each email has a send id per recipient and period (Vietnam day, ISO week); a conditional claim lets exactly one run
/// send it, and the email log keeps later runs from sending it again.
/// </summary>
public sealed partial class ReminderService(
    IProposalCaseStore cases,
    IReviewerRoster roster,
    IProposalRepository proposals,
    OnceOnlyEmailSender sender,
    IOptions<WorkflowOptions> workflow,
    IOptions<RemindersOptions> options,
    IOptions<KhuyenCongOptions> app,
    TimeProvider time,
    ILogger<ReminderService> logger)
{
    /// <summary>To each reviewer with open reviews, one email a Vietnam day listing them (titles, due dates, overdue marked).</summary>
    public async Task<ReminderRun> SendDigestsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = VietnamTime.Today(time);
        var open = await cases.ListOpenReviewsAsync(cancellationToken);
        var cache = new Dictionary<string, Proposal?>(StringComparer.Ordinal);
        int sent = 0, skipped = 0, failed = 0;
        foreach (var group in open.GroupBy(o => o.ReviewerId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = new List<DigestItem>();
            foreach (var review in group.OrderBy(r => r.DueAt))
            {
                var proposal = await ProposalAsync(review.ProposalId, cache, cancellationToken);
                if (proposal is null || proposal.Status.IsFinal())
                {
                    continue;
                }

                items.Add(new DigestItem(proposal.Submission.Title, proposal.TrackingCode, review.DueAt, review.DueAt < now));
            }

            var reviewer = items.Count == 0 ? null : await roster.GetAsync(group.Key, cancellationToken);
            if (reviewer is null || string.IsNullOrWhiteSpace(reviewer.Reviewer.Email))
            {
                skipped++;
                continue;
            }

            var message = ReminderEmails.Digest(group.Key, reviewer.Reviewer.Name, reviewer.Reviewer.Email, day, items);
            switch (await SendOnceAsync(ReminderEmails.ReviewerPartition(group.Key), message, cancellationToken))
            {
                case true: sent++; break;
                case false: skipped++; break;
                default: failed++; break;
            }
        }

        LogRun(logger, "digest", sent, skipped, failed);
        return new ReminderRun(sent, skipped, failed);
    }

    /// <summary>
    /// To each officer, one email an ISO week (Vietnam time) listing open reviews past their due date and proposals
    /// waiting too long: in screening or awaiting approval beyond the configured limits, awaiting the council (in review)
    /// or the plan's decision (appraised, in-plan, sent to the Ministry) beyond theirs, or needing revision past the
    /// revision deadline. Nothing is sent when nothing is overdue.
    /// </summary>
    public async Task<ReminderRun> SendOverdueReportsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = VietnamTime.Today(time);
        var isoYear = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
        var isoWeek = ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue));
        var cache = new Dictionary<string, Proposal?>(StringComparer.Ordinal);

        var reviews = new List<OverdueReviewItem>();
        foreach (var review in (await cases.ListOpenReviewsAsync(cancellationToken)).Where(r => r.DueAt < now).OrderBy(r => r.DueAt))
        {
            var proposal = await ProposalAsync(review.ProposalId, cache, cancellationToken);
            if (proposal is null || proposal.Status.IsFinal())
            {
                continue;
            }

            var name = (await roster.GetAsync(review.ReviewerId, cancellationToken))?.Reviewer.Name ?? review.ReviewerId;
            reviews.Add(new OverdueReviewItem(proposal.Id, proposal.Submission.Title, proposal.TrackingCode, name, review.DueAt));
        }

        var waiting = new List<WaitingProposalItem>();
        var limits = options.Value;
        // Plan years: a call of this year takes proposals for next year's plan (ADR 0021).
        foreach (var year in new[] { today.Year + 1, today.Year, today.Year - 1 })
        {
            foreach (var (status, limit) in new (ProposalStatus, TimeSpan?)[]
            {
                (ProposalStatus.Screening, limits.ScreeningWaitLimit),
                (ProposalStatus.AwaitingApproval, limits.ApprovalWaitLimit),
                (ProposalStatus.NeedsRevision, null),
                (ProposalStatus.InReview, limits.CouncilWaitLimit),
                (ProposalStatus.Appraised, limits.PlanWaitLimit),
                (ProposalStatus.InPlan, limits.PlanWaitLimit),
                (ProposalStatus.SentToMinistry, limits.PlanWaitLimit),
            })
            {
                foreach (var summary in await proposals.ListAsync(new ProposalListQuery(year, status, null, null), cancellationToken))
                {
                    var since = summary.StatusChangedAt ?? summary.SubmittedAt;
                    if (limit is { } wait)
                    {
                        if (now - since > wait)
                        {
                            waiting.Add(new WaitingProposalItem(summary.Id, summary.Title, summary.TrackingCode, status, since, null));
                        }

                        continue;
                    }

                    var dueAt = (await cases.GetAsync(summary.Id, cancellationToken)).CurrentScreening?.RevisionDueAt;
                    if (dueAt is { } due && due < now)
                    {
                        waiting.Add(new WaitingProposalItem(summary.Id, summary.Title, summary.TrackingCode, status, since, due));
                    }
                }
            }
        }

        int sent = 0, skipped = 0, failed = 0;
        if (reviews.Count == 0 && waiting.Count == 0)
        {
            LogRun(logger, "overdue-report", 0, 0, 0);
            return new ReminderRun(0, 0, 0);
        }

        waiting = waiting.OrderBy(w => w.Since).ToList();
        foreach (var officer in workflow.Value.Officers.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var message = ReminderEmails.OverdueReport(officer, isoYear, isoWeek, now, app.Value.PublicBaseUrl, reviews, waiting);
            switch (await SendOnceAsync(ReminderEmails.OfficersPartition, message, cancellationToken))
            {
                case true: sent++; break;
                case false: skipped++; break;
                default: failed++; break;
            }
        }

        LogRun(logger, "overdue-report", sent, skipped, failed);
        return new ReminderRun(sent, skipped, failed);
    }

    /// <returns>True when sent now; false when sent before or by a concurrent run; null when sending failed.</returns>
    /// <remarks>
    /// <see cref="OnceOnlyEmailSender"/> claims the send id before sending, so a timer firing twice (or on two instances)
    /// sends once: the run that loses the claim learns it was sent, or that another run is sending it now.
    /// </remarks>
    private async Task<bool?> SendOnceAsync(string partition, EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendOnceAsync(partition, message, cancellationToken);
        }
        catch (EmailSendInProgressException)
        {
            return false;
        }
        catch (EmailDeliveryException ex)
        {
            // A later run (or a second firing) tries again; the other recipients still get theirs.
            LogSendFailed(logger, ex, partition.StartsWith("reviewer-", StringComparison.Ordinal) ? "digest" : "overdue-report");
            return null;
        }
    }

    private async Task<Proposal?> ProposalAsync(string proposalId, Dictionary<string, Proposal?> cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(proposalId, out var proposal))
        {
            proposal = await proposals.GetAsync(proposalId, cancellationToken);
            cache[proposalId] = proposal;
        }

        return proposal;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reminder {Kind}: {Sent} sent, {Skipped} skipped (already sent or nothing to send), {Failed} failed")]
    private static partial void LogRun(ILogger logger, string kind, int sent, int skipped, int failed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Reminder {Kind}: an email could not be sent; a later run will try again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string kind);
}
