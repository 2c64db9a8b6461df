using System.ComponentModel.DataAnnotations;
using KhuyenCong.Application.Options;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Email;

/// <summary>
/// The emails already sent, by send id, so a retried or replayed step never sends twice. A send is claimed first
/// (one conditional insert: of concurrent claims of one send id, one wins), then recorded as sent, or released when
/// the send fails.
/// </summary>
public interface IEmailLog
{
    /// <summary>
    /// Claims a send id for one sending attempt. A claim older than <paramref name="lease"/> whose send was never
    /// recorded (its sender died) may be taken over.
    /// </summary>
    Task<EmailClaim> ClaimAsync(string proposalId, string sendId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the claimed send id as sent (the claim becomes the permanent record).</summary>
    Task RecordSentAsync(EmailClaim claim, string subject, CancellationToken cancellationToken);

    /// <summary>Gives the claim up (the send failed), so a retry can claim it again at once.</summary>
    Task ReleaseAsync(EmailClaim claim, CancellationToken cancellationToken);

    /// <summary>The emails sent about a proposal, oldest first (subject and time; no addresses).</summary>
    Task<IReadOnlyList<SentEmail>> ListAsync(string proposalId, CancellationToken cancellationToken);
}

public sealed record SentEmail(string Subject, DateTimeOffset SentAt);

public enum EmailClaimOutcome
{
    /// <summary>This attempt holds the send id: send, then record or release.</summary>
    Claimed,

    /// <summary>The email was sent before.</summary>
    AlreadySent,

    /// <summary>Another attempt is sending it now (its claim is within its lease).</summary>
    HeldByAnother,
}

/// <summary>The answer of <see cref="IEmailLog.ClaimAsync"/>; <c>Token</c> identifies this attempt's claim (an ETag).</summary>
public sealed record EmailClaim(EmailClaimOutcome Outcome, string ProposalId, string SendId, string? Token = null);

/// <summary>Settings of section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>
    /// How long a claim on a send id holds before another attempt may take it over (the sender presumably died).
    /// Must exceed the longest send (the mail client's timeout, <c>SendGrid:Timeout</c>).
    /// </summary>
    [TimeSpanRange("00:00:01", "1.00:00:00", ErrorMessage = "Setting 'Email:ClaimLease' must be between 1 second and 1 day.")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>The email of a send id is being sent by another attempt right now: retry later.</summary>
public sealed class EmailSendInProgressException : Exception
{
    public EmailSendInProgressException()
        : base("This email is being sent by another attempt.")
    {
    }

    public EmailSendInProgressException(string message)
        : base(message)
    {
    }

    public EmailSendInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Sends an email once per send id: claim (conditional insert), send, record; a failed send releases the claim.
/// Two attempts at once (a redelivered activity, a timer firing on two instances) never both send: the loser of the
/// claim gets <see cref="EmailSendInProgressException"/> (and retries) or learns the email was sent. Only a sender
/// that dies after the mail service accepted the email and before it recorded the send leaves a claim that is taken
/// over after its lease, and that email goes out again (no mail service offers an idempotency key to prevent it).
/// </summary>
public sealed class OnceOnlyEmailSender(IEmailSender sender, IEmailLog log, IOptions<EmailOptions> options)
{
    private static readonly TimeSpan RecordBudget = TimeSpan.FromSeconds(30);

    /// <returns>True when the email was sent now, false when it had been sent before.</returns>
    public async Task<bool> SendOnceAsync(string proposalId, EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var claim = await log.ClaimAsync(proposalId, message.SendId, options.Value.ClaimLease, cancellationToken);
        switch (claim.Outcome)
        {
            case EmailClaimOutcome.AlreadySent:
                return false;
            case EmailClaimOutcome.HeldByAnother:
                throw new EmailSendInProgressException();
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch
        {
            try
            {
                await log.ReleaseAsync(claim, CancellationToken.None);
            }
            catch (Exception)
            {
                // The claim then expires after its lease; the send failure is what the caller must see.
            }

            throw;
        }

        // The email is out: record it, waiting a little for storage if need be. Should that still fail, the send is
        // reported as done all the same (the step completes and is not retried; only the record lacks it).
        await BestEffort.RetryAsync(() => log.RecordSentAsync(claim, message.Subject, CancellationToken.None), RecordBudget, _ => true);
        return true;
    }
}
