using System.Collections.Concurrent;
using System.Globalization;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Requests;

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

    private static readonly Bilingual TooManyMisses = new(
        "Bạn đã tra cứu sai mã quá nhiều lần, vui lòng thử lại sau.", "Too many unknown tracking codes from your address: try again later.");

    private static readonly Bilingual UnknownCode = new(
        "Không có đề án nào với mã theo dõi này. Vui lòng kiểm tra mã trong email xác nhận.",
        "No proposal has this tracking code. Check the code in your acknowledgement email.");

    private readonly ConcurrentDictionary<string, Misses> misses = new(StringComparer.Ordinal);

    /// <summary>How long to hold the request before answering, or null when it must be refused (429).</summary>
    public TimeSpan? DelayFor(HttpRequest request)
    {
        var count = Current(ClientAddress(request));
        return count >= MaxMisses ? null : count <= FreeMisses ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min(3000, 250 * (count - FreeMisses)));
    }

    /// <summary>
    /// The gate every applicant lookup passes (by code, or by tax code and phone): null once the request may look up
    /// (after the delay its address has earned), or the 429 problem with <c>Retry-After</c>. A lookup that finds
    /// nothing calls <see cref="RecordMiss"/>.
    /// </summary>
    public async Task<IActionResult?> GateAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var delay = DelayFor(request);
        if (delay is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Http.Problems.Status(StatusCodes.Status429TooManyRequests, TooMany.In(language), language);
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay.Value, time, cancellationToken);
        }

        return null;
    }

    /// <summary>Why a lookup is refused with 429.</summary>
    public static Bilingual TooMany { get; } = new("Bạn đã tra cứu sai quá nhiều lần, vui lòng thử lại sau.", "Too many lookups found nothing from your address: try again later.");

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

    /// <summary>
    /// Holds a lookup by tracking code as <see cref="DelayFor"/> says: null to go on (after any delay), or the 429 to
    /// answer. Every route that looks a proposal up by its code goes through here and <see cref="Unknown"/>.
    /// </summary>
    public async Task<IActionResult?> HoldAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        var delay = DelayFor(request);
        if (delay is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Http.Problems.Status(StatusCodes.Status429TooManyRequests, TooManyMisses.In(language), language);
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay.Value, time, cancellationToken);
        }

        return null;
    }

    /// <summary>Counts an unknown code against the client and gives the 404 to answer.</summary>
    public IActionResult Unknown(HttpRequest request, Language language)
    {
        RecordMiss(request);
        return Http.Problems.Status(StatusCodes.Status404NotFound, UnknownCode.In(language), language);
    }

    private int Current(string address) =>
        misses.TryGetValue(address, out var m) && time.GetUtcNow() - m.Since <= Window ? m.Count : 0;

    /// <summary>The client's address without its port (<see cref="ClientAddress"/>): a new port is the same client.</summary>
    public static string ClientAddress(HttpRequest request) => Http.ClientAddress.Of(request);

    private sealed record Misses(DateTimeOffset Since, int Count);
}
