using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.Web.Http;

/// <summary>
/// The client's address, as the key of per-client limits (the tracking throttle, the submission limits). Azure's front
/// end appends the address it saw, with its port (<c>1.2.3.4:5678</c>, <c>[2001:db8::1]:5678</c>), as the last
/// <c>X-Forwarded-For</c> entry; earlier entries are the client's to forge. In the Functions worker, ASP.NET Core's
/// forwarded-headers step has already moved that entry into the connection's address and noted the original in
/// <c>X-Original-For</c>: then the connection's address is the client's. The port is never part of the key (a client
/// chooses a new one per connection), and an IPv6 address counts by its /64 network (one subscriber's).
/// </summary>
public static class ClientAddress
{
    /// <summary>The key of the request's client: <c>203.0.113.5</c>, <c>2001:db8:1:2::/64</c>, or the raw entry when it is no address.</summary>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = request.HttpContext.Connection.RemoteIpAddress;
        if (request.Headers.ContainsKey("X-Original-For") && connection is not null)
        {
            return Key(connection);
        }

        var last = string.Join(',', request.Headers["X-Forwarded-For"].ToArray()).Split(',')[^1].Trim();
        if (last.Length > 0)
        {
            return IPEndPoint.TryParse(last, out var endpoint) ? Key(endpoint.Address) : last[..Math.Min(last.Length, 100)];
        }

        return connection is null ? "unknown" : Key(connection);
    }

    private static string Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
