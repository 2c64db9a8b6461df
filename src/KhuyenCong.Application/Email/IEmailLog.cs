namespace KhuyenCong.Application.Email;

/// <summary>The emails already sent, by send id, so a retried or replayed step never sends twice.</summary>
public interface IEmailLog
{
    Task<bool> WasSentAsync(string proposalId, string sendId, CancellationToken cancellationToken);

    Task RecordSentAsync(string proposalId, string sendId, string subject, CancellationToken cancellationToken);

    /// <summary>The emails sent about a proposal, oldest first (subject and time; no addresses).</summary>
    Task<IReadOnlyList<SentEmail>> ListAsync(string proposalId, CancellationToken cancellationToken);
}

public sealed record SentEmail(string Subject, DateTimeOffset SentAt);

/// <summary>Sends an email once per send id.</summary>
public sealed class OnceOnlyEmailSender(IEmailSender sender, IEmailLog log)
{
    /// <returns>True when the email was sent now, false when it had been sent before.</returns>
    public async Task<bool> SendOnceAsync(string proposalId, EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await log.WasSentAsync(proposalId, message.SendId, cancellationToken))
        {
            return false;
        }

        await sender.SendAsync(message, cancellationToken);
        await log.RecordSentAsync(proposalId, message.SendId, message.Subject, cancellationToken);
        return true;
    }
}
