using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Domain.Links;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Proposals;

/// <summary>Counts events per key in fixed windows, shared by every instance of the app (storage, not memory).</summary>
public interface IRateLimitStore
{
    /// <summary>
    /// Counts one more event for <paramref name="key"/> in the window starting at <paramref name="windowStart"/> and
    /// returns the count with it. Once the count is past <paramref name="limit"/> nothing more is written (the answer is
    /// then above the limit). Under heavy contention on one key the store may give up and answer above the limit.
    /// </summary>
    Task<long> HitAsync(string scope, string key, DateTimeOffset windowStart, TimeSpan window, int limit, CancellationToken cancellationToken);
}

/// <summary>Whether one more submission is allowed, and when to try again if not.</summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly RateLimitDecision Allow = new(true, TimeSpan.Zero);
}

/// <summary>
/// The public form's limits (issue 11, finding 5): each submission emails the address given and the officers, so one
/// client address and one email address may each submit only so many proposals per window (<see cref="IntakeOptions"/>).
/// Counted in storage, so the limits hold however many instances run. Keys are stored as an HMAC of the address (with
/// the link signing key, under a purpose of its own): no address or email is kept in clear.
/// </summary>
public sealed class SubmissionLimits(IRateLimitStore store, IOptions<IntakeOptions> options, IOptions<LinksOptions> links, TimeProvider time)
{
    public const string AddressScope = "address";
    public const string EmailScope = "email";

    private readonly Lazy<byte[]> secret = new(() =>
    {
        var keys = LinkSigningKeys.Parse(links.Value.SigningKeys);
        keys.TryGet(keys.CurrentKeyId, out var key);
        return HMACSHA256.HashData(key!, "khuyencong rate limit keys"u8);
    });

    /// <summary>Counts a submission from <paramref name="clientAddress"/>.</summary>
    public Task<RateLimitDecision> HitAddressAsync(string clientAddress, CancellationToken cancellationToken) =>
        HitAsync(AddressScope, clientAddress, options.Value.MaxSubmissionsPerAddress, options.Value.AddressWindow, cancellationToken);

    /// <summary>Counts a submission naming <paramref name="email"/> (compared without case or surrounding spaces).</summary>
    public Task<RateLimitDecision> HitEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return HitAsync(EmailScope, email.Trim().ToLowerInvariant(), options.Value.MaxSubmissionsPerEmail, options.Value.EmailWindow, cancellationToken);
    }

    private async Task<RateLimitDecision> HitAsync(string scope, string value, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        var key = Convert.ToHexStringLower(HMACSHA256.HashData(secret.Value, Encoding.UTF8.GetBytes(scope + "\n" + value)));
        var count = await store.HitAsync(scope, key, start, window, limit, cancellationToken);
        return count <= limit ? RateLimitDecision.Allow : new RateLimitDecision(false, start + window - now);
    }
}
