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
/// function key, and strips it from every other request.
/// </summary>
public sealed record StaffPrincipal(string Name, IReadOnlySet<string> Roles)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

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
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
            var nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() : "name";
            var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string? name = null;
            if (root.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array)
            {
                foreach (var claim in claims.EnumerateArray())
                {
                    var type = claim.GetProperty("typ").GetString();
                    var value = claim.GetProperty("val").GetString();
                    if (value is null)
                    {
                        continue;
                    }

                    if (type == roleType || type == "roles")
                    {
                        roles.Add(value);
                    }
                    else if (type == nameType || (name is null && type is "name" or "preferred_username"))
                    {
                        name = value;
                    }
                }
            }

            return roles.Count == 0 ? null : new StaffPrincipal(name ?? "staff", roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The header value for a principal (LocalHost, tests).</summary>
    public static string Encode(string name, params string[] roles)
    {
        var claims = roles.Select(r => new { typ = "roles", val = r }).Append(new { typ = "name", val = name });
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
