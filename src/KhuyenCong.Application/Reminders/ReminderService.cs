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
        var run = new RunTally();
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
                run.Count(false);
                continue;
            }

            var message = ReminderEmails.Digest(group.Key, reviewer.Reviewer.Name, reviewer.Reviewer.Email, day, items);
            run.Count(await SendOnceAsync(ReminderEmails.ReviewerPartition(group.Key), message, cancellationToken));
        }

        LogRun(logger, "digest", run.Sent, run.Skipped, run.Failed);
        return run.ToRun();
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
        var reviews = await OverdueReviewsAsync(now, cancellationToken);
        var waiting = await WaitingTooLongAsync(now, today, cancellationToken);
        var run = new RunTally();
        if (reviews.Count > 0 || waiting.Count > 0)
        {
            await SendOverdueReportAsync(today, now, reviews, [.. waiting.OrderBy(w => w.Since)], run, cancellationToken);
        }

        LogRun(logger, "overdue-report", run.Sent, run.Skipped, run.Failed);
        return run.ToRun();
    }

    /// <summary>The open reviews past their due date, the earliest first, of proposals still under way.</summary>
    private async Task<List<OverdueReviewItem>> OverdueReviewsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
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

        return reviews;
    }

    /// <summary>
    /// How long a proposal may wait in each stage (null: needs revision, which waits until its revision deadline).
    /// </summary>
    private (ProposalStatus Status, TimeSpan? Limit)[] WaitLimits()
    {
        var limits = options.Value;
        return
        [
            (ProposalStatus.Screening, limits.ScreeningWaitLimit),
            (ProposalStatus.AwaitingApproval, limits.ApprovalWaitLimit),
            (ProposalStatus.NeedsRevision, null),
            (ProposalStatus.InReview, limits.CouncilWaitLimit),
            (ProposalStatus.Appraised, limits.PlanWaitLimit),
            (ProposalStatus.InPlan, limits.PlanWaitLimit),
            (ProposalStatus.SentToMinistry, limits.PlanWaitLimit),
        ];
    }

    /// <summary>The proposals of the plan years under way that waited in their stage beyond its limit.</summary>
    private async Task<List<WaitingProposalItem>> WaitingTooLongAsync(DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var waiting = new List<WaitingProposalItem>();
        // Plan years: a call of this year takes proposals for next year's plan (ADR 0021).
        foreach (var year in new[] { today.Year + 1, today.Year, today.Year - 1 })
        {
            foreach (var (status, limit) in WaitLimits())
            {
                foreach (var summary in await proposals.ListAsync(new ProposalListQuery(year, status, null, null), cancellationToken))
                {
                    if (await WaitingItemAsync(summary, status, limit, now, cancellationToken) is { } item)
                    {
                        waiting.Add(item);
                    }
                }
            }
        }

        return waiting;
    }

    /// <summary>The proposal as the report lists it when it waited beyond the stage's limit (or its revision deadline), else null.</summary>
    private async Task<WaitingProposalItem?> WaitingItemAsync(ProposalSummary summary, ProposalStatus status, TimeSpan? limit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var since = summary.StatusChangedAt ?? summary.SubmittedAt;
        if (limit is { } wait)
        {
            return now - since > wait ? new WaitingProposalItem(summary.Id, summary.Title, summary.TrackingCode, status, since, null) : null;
        }

        var dueAt = (await cases.GetAsync(summary.Id, cancellationToken)).CurrentScreening?.RevisionDueAt;
        return dueAt is { } due && due < now ? new WaitingProposalItem(summary.Id, summary.Title, summary.TrackingCode, status, since, due) : null;
    }

    /// <summary>One report to each officer, once an ISO week (Vietnam time).</summary>
    private async Task SendOverdueReportAsync(DateOnly today, DateTimeOffset now, List<OverdueReviewItem> reviews, List<WaitingProposalItem> waiting,
        RunTally run, CancellationToken cancellationToken)
    {
        var isoYear = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
        var isoWeek = ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue));
        foreach (var officer in workflow.Value.Officers.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var message = ReminderEmails.OverdueReport(officer, isoYear, isoWeek, now, app.Value.PublicBaseUrl, reviews, waiting);
            run.Count(await SendOnceAsync(ReminderEmails.OfficersPartition, message, cancellationToken));
        }
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

    /// <summary>What a run did, counted as it goes.</summary>
    private sealed class RunTally
    {
        public int Sent { get; private set; }

        public int Skipped { get; private set; }

        public int Failed { get; private set; }

        /// <summary>Counts one email: true sent now, false sent before (or nothing to send), null failed.</summary>
        public void Count(bool? sent)
        {
            switch (sent)
            {
                case true: Sent++; break;
                case false: Skipped++; break;
                default: Failed++; break;
            }
        }

        public ReminderRun ToRun() => new(Sent, Skipped, Failed);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reminder {Kind}: {Sent} sent, {Skipped} skipped (already sent or nothing to send), {Failed} failed")]
    private static partial void LogRun(ILogger logger, string kind, int sent, int skipped, int failed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Reminder {Kind}: an email could not be sent; a later run will try again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string kind);
}
