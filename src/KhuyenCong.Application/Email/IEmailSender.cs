namespace KhuyenCong.Application.Email;

public sealed record EmailRecipient(string Email, string? Name = null);

/// <summary>
/// One email. <paramref name="SendId"/> is derived from what the email is for (proposal, step, recipient, round), so
/// a replay or a retry is recognisable as the same message.
/// </summary>
public sealed record EmailMessage(
    string SendId,
    IReadOnlyList<EmailRecipient> To,
    string Subject,
    string Html,
    string Text);

/// <summary>Sends email. Throws <see cref="EmailDeliveryException"/> when the provider refuses or fails.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int? StatusCode { get; }

    /// <summary>True for throttling and server errors, which are worth retrying.</summary>
    public bool IsTransient => StatusCode is null or 429 or >= 500;
}
