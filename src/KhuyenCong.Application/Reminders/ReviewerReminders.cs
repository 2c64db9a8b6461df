using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Bilingual = KhuyenCong.Domain.Text.Bilingual;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Reminders;

/// <summary>What reminding one proposal's pending reviewers did.</summary>
/// <param name="Sent">Reminders sent now.</param>
/// <param name="AlreadySent">Reviewers already reminded by an officer today (Vietnam day): nothing sent again.</param>
public sealed record ReviewerRemindersSent(int Sent, int AlreadySent)
{
    /// <summary>The row's message on the bulk result.</summary>
    public Bilingual Message => (Sent, AlreadySent) switch
    {
        (> 0, 0) => new($"Đã gửi email nhắc cho {Sent} thành viên hội đồng.", $"Reminder emailed to {Sent} reviewer(s)."),
        (0, _) => new($"{AlreadySent} thành viên hội đồng đã được nhắc hôm nay: không gửi lại.", $"{AlreadySent} reviewer(s) already reminded today: not sent again."),
        _ => new($"Đã gửi email nhắc cho {Sent} thành viên hội đồng; {AlreadySent} người đã được nhắc hôm nay.",
            $"Reminder emailed to {Sent} reviewer(s); {AlreadySent} already reminded today."),
    };
}

/// <summary>
/// An officer's "remind reviewers" on a proposal under appraisal (issue 16 item 6): each reviewer of the current round
/// whose review is still open gets the timers' reminder email with a new signed, expiring review link
/// (<see cref="LinkService.CreateUrl"/>). At most one such reminder per reviewer, round and Vietnam day: the day is in
/// the email's send id and <see cref="OnceOnlyEmailSender"/> claims it, so a double click, a second officer or a retry
/// sends nothing twice (the email log is the memory; no other state).
/// </summary>
public sealed partial class ReviewerReminders(IProposalRepository proposals, IProposalCaseStore cases, IReviewerRoster roster, LinkService links,
    OnceOnlyEmailSender sender, TimeProvider time, ILogger<ReviewerReminders> logger)
{
    public static readonly Bilingual NoOpenReview = new(
        "Không có thành viên hội đồng nào đang chờ thẩm định đề án này.", "No reviewer has an open review of this proposal.");

    public static readonly Bilingual NotSent = new(
        "Chưa gửi được email nhắc; vui lòng thử lại sau.", "The reminder could not be sent; please try again later.");

    private static readonly Bilingual Action = new("nhắc thành viên hội đồng", "reminding reviewers");

    /// <summary>Done with the counts; not found; a conflict when the proposal is not in review, has no open review, or sending failed.</summary>
    public async Task<Decision<ReviewerRemindersSent>> RemindAsync(string proposalId, CancellationToken cancellationToken)
    {
        var found = await proposals.FindAtAsync(proposalId, Action, [ProposalStatus.InReview], cancellationToken);
        if (!found.IsDone)
        {
            return found.Refusal<ReviewerRemindersSent>();
        }

        var @case = await cases.GetAsync(proposalId, cancellationToken);
        var open = @case.ReviewsOf(@case.AppraisalRound).Where(r => r.IsOpen).ToList();
        if (open.Count == 0)
        {
            return Decision<ReviewerRemindersSent>.Conflict(NoOpenReview);
        }

        var window = VietnamTime.Today(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        int sent = 0, already = 0;
        foreach (var review in open)
        {
            switch (await SendAsync(found.Value!, review, window, cancellationToken))
            {
                case true: sent++; break;
                case false: already++; break;
                default: return Decision<ReviewerRemindersSent>.Conflict(NotSent);
            }
        }

        return Decision<ReviewerRemindersSent>.Done(new ReviewerRemindersSent(sent, already));
    }

    /// <returns>True when sent now, false when already sent in this window (or being sent), null when sending failed.</returns>
    private async Task<bool?> SendAsync(Proposal proposal, ReviewRecord review, string window, CancellationToken cancellationToken)
    {
        var reviewer = await roster.GetAsync(review.ReviewerId, cancellationToken);
        if (reviewer is null || string.IsNullOrWhiteSpace(reviewer.Reviewer.Email))
        {
            return null;
        }

        var url = links.CreateUrl(LinkActions.Review, proposal.Id, review.ReviewerId, review.Round);
        var message = WorkflowEmails.ReviewReminderByOfficer(proposal, review.ReviewerId, reviewer.Reviewer.Email, reviewer.Reviewer.Name, review.Round,
            review.DueAt, url, window);
        try
        {
            return await sender.SendOnceAsync(proposal.Id, message, cancellationToken);
        }
        catch (EmailSendInProgressException)
        {
            return false;
        }
        catch (EmailDeliveryException ex)
        {
            LogNotSent(logger, ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "An officer's reviewer reminder could not be sent; the officer may try again")]
    private static partial void LogNotSent(ILogger logger, Exception exception);
}
