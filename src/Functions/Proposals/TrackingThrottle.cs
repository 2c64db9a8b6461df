using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// Slows down guessing of tracking codes: after <see cref="FreeMisses"/> unknown codes from one address within
/// <see cref="Window"/>, each further lookup from it waits longer, then is refused with 429 until the window passes.
/// Counted per instance (a guesser spread over instances still meets 84-bit codes).
/// </summary>
public sealed class TrackingThrottle(TimeProvider time)
{
    public const int FreeMisses = 5;
    public const int MaxMisses = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Misses> misses = new(StringComparer.Ordinal);

    /// <summary>How long to hold the request before answering, or null when it must be refused (429).</summary>
    public TimeSpan? DelayFor(HttpRequest request)
    {
        var count = Current(ClientAddress(request));
        return count >= MaxMisses ? null : count <= FreeMisses ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min(3000, 250 * (count - FreeMisses)));
    }

    public void RecordMiss(HttpRequest request)
    {
        var now = time.GetUtcNow();
        if (misses.Count > 100_000)
        {
            foreach (var (k, v) in misses)
            {
                if (now - v.Since > Window)
                {
                    misses.TryRemove(k, out _);
                }
            }
        }

        misses.AddOrUpdate(ClientAddress(request), _ => new Misses(now, 1), (_, m) => now - m.Since > Window ? new Misses(now, 1) : m with { Count = m.Count + 1 });
    }

    public TimeSpan RetryAfter => Window;

    private int Current(string address) =>
        misses.TryGetValue(address, out var m) && time.GetUtcNow() - m.Since <= Window ? m.Count : 0;

    /// <summary>The client's address without its port (<see cref="Http.ClientAddress"/>): a new port is the same client.</summary>
    public static string ClientAddress(HttpRequest request) => Http.ClientAddress.Of(request);

    private sealed record Misses(DateTimeOffset Since, int Count);
}
