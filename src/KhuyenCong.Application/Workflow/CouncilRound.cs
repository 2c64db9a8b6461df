namespace KhuyenCong.Application.Workflow;

/// <summary>
/// One appraisal round of the council as the orchestration keeps it: who was invited and when, who answered (review,
/// conflict of interest, replaced by an officer), who was reminded and escalated, how often the roster fell short,
/// and when to try again when nobody could be asked. Pure: every time is the orchestration's clock, passed in, so the
/// orchestration rebuilds it identically on every replay.
/// </summary>
/// <param name="seats">How many reviewers the council should have (<c>Workflow:ReviewerCount</c>).</param>
/// <param name="reviewDeadline">How long each reviewer has from their invitation; then the officers are told.</param>
/// <param name="reminderInterval">Reminders to a silent reviewer, and the wait before asking the roster again.</param>
public sealed class CouncilRound(int seats, TimeSpan reviewDeadline, TimeSpan reminderInterval)
{
    private readonly List<Invitation> invitations = [];
    private DateTime? retryAt;

    /// <summary>Every reviewer invited this round, in order (none is asked twice).</summary>
    public IReadOnlyList<string> Invited => [.. invitations.Select(i => i.ReviewerId)];

    /// <summary>How many times the roster could not give the reviewers asked for.</summary>
    public int Shortfalls { get; private set; }

    /// <summary>The round is over: nobody is still asked, and at least one review came in.</summary>
    public bool Concluded => !invitations.Any(i => i.Open) && invitations.Any(i => i.Submitted);

    /// <summary>Records a reviewer's invitation at <paramref name="now"/>.</summary>
    public Invitation Invite(string reviewerId, DateTime now)
    {
        var invitation = new Invitation(reviewerId, now, now + reviewDeadline);
        invitations.Add(invitation);
        return invitation;
    }

    /// <summary>Counts a shortfall of the roster; returns its number (1 for the first).</summary>
    public int FellShort() => ++Shortfalls;

    /// <summary>
    /// A reviewer's answer: closes their open invitation. Returns null when they have none open (an answer to ignore),
    /// else whether another reviewer must be asked in their place (a conflict or a replacement, not a review).
    /// </summary>
    public bool? Close(string reviewerId, AppraisalEventKind kind)
    {
        var invitation = invitations.FirstOrDefault(i => i.Open && i.ReviewerId == reviewerId);
        if (invitation is null)
        {
            return null;
        }

        invitation.Open = false;
        invitation.Submitted = kind == AppraisalEventKind.ReviewSubmitted;
        return !invitation.Submitted;
    }

    /// <summary>
    /// When to wake next: the earliest reminder before a deadline, deadline not yet escalated, or retry; null when
    /// nothing is pending. When nobody is open (the roster gave no one), a retry is set a reminder interval from
    /// <paramref name="now"/>, once.
    /// </summary>
    public DateTime? NextWake(DateTime now)
    {
        var open = invitations.Where(i => i.Open).ToList();
        if (open.Count == 0)
        {
            retryAt ??= now + reminderInterval;
        }

        var wake = open.Select(i => i.NextWake(reminderInterval)).Append(retryAt ?? DateTime.MaxValue).Min();
        return wake == DateTime.MaxValue ? null : wake;
    }

    /// <summary>
    /// What is due at <paramref name="now"/>, marked as done: how many seats to fill again (when the retry time came),
    /// and for each open invitation its escalation (at the deadline, once) or its next reminder (before the deadline).
    /// </summary>
    public CouncilDue Due(DateTime now)
    {
        var open = invitations.Where(i => i.Open).ToList();
        int? refill = null;
        if (retryAt is { } retry && now >= retry)
        {
            retryAt = null;
            refill = seats - invitations.Count(i => i.Open || i.Submitted);
        }

        var notices = new List<CouncilNotice>();
        foreach (var invitation in open)
        {
            if (!invitation.Escalated && now >= invitation.DueAt)
            {
                invitation.Escalated = true;
                notices.Add(new CouncilNotice(invitation.ReviewerId, Escalation: true, 0));
            }
            else if (now >= invitation.NextReminder(reminderInterval) && invitation.NextReminder(reminderInterval) < invitation.DueAt)
            {
                invitation.Reminders++;
                notices.Add(new CouncilNotice(invitation.ReviewerId, Escalation: false, invitation.Reminders));
            }
        }

        return new CouncilDue(refill, notices);
    }

    /// <summary>A reviewer's invitation: open until they answer; reminded every interval, escalated once at the deadline.</summary>
    public sealed class Invitation(string reviewerId, DateTime invitedAt, DateTime dueAt)
    {
        public string ReviewerId { get; } = reviewerId;

        public DateTime InvitedAt { get; } = invitedAt;

        public DateTime DueAt { get; } = dueAt;

        public bool Open { get; internal set; } = true;

        public bool Submitted { get; internal set; }

        public bool Escalated { get; internal set; }

        public int Reminders { get; internal set; }

        public DateTime NextReminder(TimeSpan interval) => InvitedAt + (interval * (Reminders + 1));

        /// <summary>The next reminder before the deadline, else the deadline (escalation), else never.</summary>
        public DateTime NextWake(TimeSpan interval)
        {
            var reminder = NextReminder(interval);
            if (reminder < DueAt)
            {
                return reminder;
            }

            return Escalated ? DateTime.MaxValue : DueAt;
        }
    }
}

/// <summary>What a council round owes at a wake-up: seats to fill again (null: none), and the emails due.</summary>
public sealed record CouncilDue(int? Refill, IReadOnlyList<CouncilNotice> Notices);

/// <summary>An email due to an open invitation: the officers' escalation, or the reviewer's reminder number <c>Reminder</c>.</summary>
public sealed record CouncilNotice(string ReviewerId, bool Escalation, int Reminder);
