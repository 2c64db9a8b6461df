using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Domain.Links;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The CSRF token of the staff pages' forms: <c>{keyId}.{expiry}.{signature}</c>, an HMAC-SHA256 (with the link
/// signing keys, under a purpose of its own) of the staff member's name and roles and the expiry. A form posted as
/// <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> to a staff route must carry it (field
/// <see cref="FieldName"/>, or header <see cref="HeaderName"/>): another site can make a browser post a form, but cannot
/// read a staff page to learn the token. The key id travels in the token, so a key rotation does not break pages
/// already open while the older key is still listed.
/// </summary>
public sealed class StaffFormTokens(IOptions<LinksOptions> links, TimeProvider time)
{
    public const string FieldName = "csrfToken";
    public const string HeaderName = "X-CSRF-Token";

    /// <summary>How long a page's token works: a working day and a night, so a page left open overnight still posts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(16);

    private readonly Lazy<LinkSigningKeys> keys = new(() => LinkSigningKeys.Parse(links.Value.SigningKeys));

    /// <summary>A fresh token for <paramref name="staff"/>, for the forms of the page being rendered.</summary>
    public string Issue(StaffPrincipal staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var keyId = keys.Value.CurrentKeyId;
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return keyId + "." + expires + "." + Sign(keyId, expires, staff)!;
    }

    /// <summary>True when <paramref name="presented"/> was issued to <paramref name="staff"/> by a listed key and has not expired.</summary>
    public bool IsValid(StaffPrincipal staff, string? presented)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var parts = presented?.Split('.');
        if (parts is not { Length: 3 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Sign(parts[0], parts[1], staff);
        return expected is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2]));
    }

    private string? Sign(string keyId, string expires, StaffPrincipal staff)
    {
        if (!keys.Value.TryGet(keyId, out var key))
        {
            return null;
        }

        var roles = string.Join(",", staff.Roles.Order(StringComparer.OrdinalIgnoreCase));
        var message = Encoding.UTF8.GetBytes($"staff-form\n{keyId}\n{expires}\n{staff.Actor}\n{roles}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, message));
    }
}
