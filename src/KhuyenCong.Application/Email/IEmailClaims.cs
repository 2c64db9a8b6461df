namespace KhuyenCong.Application.Email;

/// <summary>
/// Claims on emails not tied to one workflow step (daily digests, weekly reports), so that of two runs of a timer
/// (it may fire twice, or on two instances at once) exactly one sends. <see cref="OnceOnlyEmailSender"/> alone is
/// not enough under concurrency: two runs can both find the email not yet sent.
/// </summary>
public interface IEmailClaims
{
    /// <summary>
    /// Claims the right to send <paramref name="sendId"/>: true for exactly one of concurrent callers. A claim older
    /// than <paramref name="lease"/> (its holder stopped before sending) may be taken over.
    /// </summary>
    Task<bool> TryClaimAsync(string partition, string sendId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives a claim up (the send failed), so a later run may try again.</summary>
    Task ReleaseAsync(string partition, string sendId, CancellationToken cancellationToken);
}
