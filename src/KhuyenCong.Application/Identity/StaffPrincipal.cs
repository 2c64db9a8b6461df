using System.Text;
using System.Text.Json;

namespace KhuyenCong.Application.Identity;

/// <summary>Staff roles, as app roles of the app registration in Entra ID.</summary>
public static class StaffRoles
{
    public const string Officer = "officer";
    public const string Director = "director";
    public const string Finance = "finance";
    public const string Admin = "admin";
}

/// <summary>
/// A signed-in staff member, read from the <c>X-MS-CLIENT-PRINCIPAL</c> header that App Service Authentication sets in
/// Azure (and that it removes from clients' requests). LocalHost sets the same header for requests that carry its
/// function key, and strips it from every other request. Read it through <see cref="StaffIdentity"/>, which ignores
/// the header where neither is in front of the app.
/// </summary>
public sealed record StaffPrincipal(string Name, IReadOnlySet<string> Roles)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The claim types of the Entra object id: the mapped long name App Service passes, and the token's own.</summary>
    public static readonly IReadOnlyList<string> ObjectIdClaimTypes = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    /// <summary>The Entra ID object id of the user (stable, unlike a name), when the principal carries it.</summary>
    public string? ObjectId { get; init; }

    /// <summary>The identity provider that signed the user in (<c>auth_typ</c>: "aad" for Entra ID).</summary>
    public string? IdentityProvider { get; init; }

    /// <summary>
    /// Who did it, as audit records keep it (history rows, decisions' <c>by</c>): the name, and the Entra object id when
    /// known, "Nguyễn Văn A (oid 5f2c…)".
    /// </summary>
    public string Actor => ObjectId is null ? Name : $"{Name} (oid {ObjectId})";

    public bool IsInRole(string role) => Roles.Contains(role) || Roles.Contains(StaffRoles.Admin);

    /// <summary>Parses the header's value (base64 JSON with <c>claims</c> of type roles and name), or null.</summary>
    public static StaffPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = json.RootElement;
            var (roles, name, objectId) = ReadClaims(root);
            var provider = root.TryGetProperty("auth_typ", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString() : null;
            return roles.Count == 0 ? null : new StaffPrincipal(name ?? "staff", roles) { ObjectId = objectId, IdentityProvider = provider };
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The roles, the name and the object id among the principal's claims, by the claim types the principal names
    /// (<c>role_typ</c>, <c>name_typ</c>; "roles" and "name" when it does not).
    /// </summary>
    private static (HashSet<string> Roles, string? Name, string? ObjectId) ReadClaims(JsonElement root)
    {
        var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
        var nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() : "name";
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        string? objectId = null;
        if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
        {
            return (roles, name, objectId);
        }

        foreach (var claim in claims.EnumerateArray())
        {
            var type = claim.GetProperty("typ").GetString();
            if (claim.GetProperty("val").GetString() is not { } value)
            {
                continue;
            }

            if (type == roleType || type == "roles")
            {
                roles.Add(value);
            }
            else if (ObjectIdClaimTypes.Contains(type))
            {
                objectId ??= value;
            }
            else if (type == nameType || (name is null && type is "name" or "preferred_username"))
            {
                name = value;
            }
        }

        return (roles, name, objectId);
    }

    /// <summary>The header value for a principal without an object id (tests).</summary>
    public static string Encode(string name, params string[] roles) => EncodeFor(name, null, roles);

    /// <summary>The header value for a principal, as App Service Authentication writes it for Entra ID (LocalHost, tests).</summary>
    public static string EncodeFor(string name, string? objectId, params string[] roles)
    {
        var claims = roles.Select(r => new { typ = "roles", val = r }).Append(new { typ = "name", val = name });
        if (objectId is not null)
        {
            claims = claims.Append(new { typ = ObjectIdClaimTypes[0], val = objectId });
        }

        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
