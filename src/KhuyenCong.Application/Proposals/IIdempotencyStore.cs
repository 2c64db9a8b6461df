namespace KhuyenCong.Application.Proposals;

/// <summary>
/// The answer first given to a request with an Idempotency-Key, and a hash of the body it answered (a repeat must carry
/// the same body; null for answers recorded before the hash was kept).
/// </summary>
public sealed record IdempotentResponse(int StatusCode, string Body, string? Location, string? BodyHash = null);

public enum IdempotencyClaim
{
    /// <summary>This request owns the key: process it, then <see cref="IIdempotencyStore.CompleteAsync"/> or <see cref="IIdempotencyStore.ReleaseAsync"/>.</summary>
    Claimed,

    /// <summary>A first request with this key finished: replay its answer.</summary>
    Completed,

    /// <summary>A first request with this key is still being processed.</summary>
    InProgress,
}

/// <summary>Remembers the answers to requests made with an Idempotency-Key, so a repeat stores nothing again.</summary>
public interface IIdempotencyStore
{
    Task<(IdempotencyClaim Claim, IdempotentResponse? Response)> ClaimAsync(string scope, string key, CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>Gives the key up (the request failed and stored nothing), so it can be used again.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
