using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KhuyenCong.Domain.Links;

/// <summary>
/// What an emailed link allows: one action, for one person, on one proposal, until a time. <see cref="LinkId"/> is
/// unique per link, so a decision link can be marked used exactly once. <see cref="KeyId"/> names the key that signed a
/// token read by <see cref="LinkToken.Verify"/> (empty for claims not read from a token).
/// </summary>
public sealed record LinkClaims(string LinkId, string Action, string ProposalId, string Subject, int Round, DateTimeOffset ExpiresAt)
{
    public string KeyId { get; init; } = string.Empty;
}

public enum LinkTokenStatus
{
    Valid,

    /// <summary>Malformed, signed with an unknown key, or tampered with: answer 404 (say nothing more).</summary>
    Invalid,

    /// <summary>Genuine but past its expiry: answer 410.</summary>
    Expired,
}

/// <summary>
/// The keys that sign links: each has an id carried in the token, so keys can be rotated (new links use
/// <see cref="CurrentKeyId"/>; links signed with an older key keep working while that key is listed).
/// </summary>
public sealed class LinkSigningKeys
{
    /// <summary>
    /// The id of LocalHost's fixed development key (its value is public, in the repository): only LocalHost may sign or
    /// accept links with it.
    /// </summary>
    public const string DevelopmentKeyId = "dev";

    private const int MinimumKeyBytes = 32;
    private readonly Dictionary<string, byte[]> keys;

    public LinkSigningKeys(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current key '{currentKeyId}' is not among the keys.", nameof(currentKeyId));
        }

        if (keys.Any(k => k.Value.Length < MinimumKeyBytes || !LinkToken.IsKeyId(k.Key)))
        {
            throw new ArgumentException($"Each key needs an id of 1-32 letters, digits, '-' or '_', and at least {MinimumKeyBytes} bytes.", nameof(keys));
        }

        CurrentKeyId = currentKeyId;
        this.keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
    }

    public string CurrentKeyId { get; }

    /// <summary>True when any key has the <see cref="DevelopmentKeyId"/>.</summary>
    public bool HasDevelopmentKey => keys.ContainsKey(DevelopmentKeyId);

    public bool TryGet(string keyId, [NotNullWhen(true)] out byte[]? key) => keys.TryGetValue(keyId, out key);

    /// <summary>
    /// Parses the setting's JSON: <c>{"current":"k2","keys":{"k1":"base64","k2":"base64"}}</c>. Throws
    /// <see cref="FormatException"/> with a message naming what is wrong (never the key material).
    /// </summary>
    public static LinkSigningKeys Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var current = document.RootElement.GetProperty("current").GetString() ?? string.Empty;
            var parsed = document.RootElement.GetProperty("keys").EnumerateObject()
                .ToDictionary(p => p.Name, p => Convert.FromBase64String(p.Value.GetString() ?? string.Empty), StringComparer.Ordinal);
            return new LinkSigningKeys(current, parsed);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("must be JSON like {\"current\":\"k1\",\"keys\":{\"k1\":\"<base64, at least 32 bytes>\"}}", ex);
        }
        catch (FormatException ex)
        {
            throw new FormatException("each key must be base64 of at least 32 bytes", ex);
        }
    }
}

/// <summary>
/// Signed, expiring link tokens: <c>{keyId}.{base64url(claims)}.{base64url(HMAC-SHA256(keyId.claims))}</c>.
/// Verification is constant-time and tells a forged or unknown token (404) from an expired genuine one (410). Only
/// the canonical form is accepted: unpadded base64url with no other character (no '=', no space, no line break) and
/// no spare bits, so each link has exactly one spelling (the one <see cref="Create"/> writes).
/// </summary>
public static class LinkToken
{
    private const int MaxTokenLength = 2048;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Create(LinkClaims claims, LinkSigningKeys keys)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(keys);
        keys.TryGet(keys.CurrentKeyId, out var key);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(claims.LinkId, claims.Action, claims.ProposalId, claims.Subject, claims.Round, claims.ExpiresAt.ToUnixTimeSeconds()), Json));
        var signed = keys.CurrentKeyId + "." + payload;
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key!, Encoding.ASCII.GetBytes(signed)));
    }

    public static LinkTokenStatus Verify(string? token, LinkSigningKeys keys, DateTimeOffset now, out LinkClaims? claims)
    {
        ArgumentNullException.ThrowIfNull(keys);
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return LinkTokenStatus.Invalid;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !IsKeyId(parts[0]) || !keys.TryGet(parts[0], out var key)
            || !TryDecodeCanonical(parts[2], out var signature) || !TryDecodeCanonical(parts[1], out var payloadBytes))
        {
            return LinkTokenStatus.Invalid;
        }

        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return LinkTokenStatus.Invalid;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(payloadBytes, Json);
        }
        catch (JsonException)
        {
            return LinkTokenStatus.Invalid;
        }

        if (payload is null || string.IsNullOrEmpty(payload.L) || string.IsNullOrEmpty(payload.A) || string.IsNullOrEmpty(payload.P))
        {
            return LinkTokenStatus.Invalid;
        }

        claims = new LinkClaims(payload.L, payload.A, payload.P, payload.S ?? string.Empty, payload.R, DateTimeOffset.FromUnixTimeSeconds(payload.E)) { KeyId = parts[0] };
        return now >= claims.ExpiresAt ? LinkTokenStatus.Expired : LinkTokenStatus.Valid;
    }

    /// <summary>The key id a token names (its text before the first '.'), or null when it has none.</summary>
    public static string? KeyIdOf(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 ? token![..dot] : null;
    }

    /// <summary>1-32 ASCII letters, digits, '-' or '_': the characters a key id may have.</summary>
    public static bool IsKeyId(string? keyId) =>
        keyId is { Length: > 0 and <= 32 } && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// Decodes unpadded base64url only when <paramref name="text"/> is exactly what encoding the result gives back: the
    /// decoder alone would skip white space and padding and ignore spare bits, so one token could have many spellings.
    /// </summary>
    private static bool TryDecodeCanonical(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        return string.Equals(Base64Url.EncodeToString(bytes), text, StringComparison.Ordinal);
    }

    /// <summary>A new link id: 128 random bits.</summary>
    public static string NewLinkId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    // Short property names keep links short enough for every mail client.
    private sealed record Payload(string L, string A, string P, string? S, int R, long E);
}
