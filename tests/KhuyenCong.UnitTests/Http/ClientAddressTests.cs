using System.Net;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Http;

/// <summary>The client's address as Azure's front end gives it: the last X-Forwarded-For entry, without its port.</summary>
public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData("203.0.113.5:5678", "203.0.113.5")]
    [InlineData("203.0.113.5:1", "203.0.113.5")]
    [InlineData("10.0.0.1, 198.51.100.7, 203.0.113.5:443", "203.0.113.5")]
    [InlineData("[2001:db8:1:2::7]:5678", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:aaaa::9", "2001:db8:1:2::/64")]
    [InlineData("[::ffff:203.0.113.5]:80", "203.0.113.5")]
    public void Of_LastForwardedEntry_IsTheAddressWithoutItsPort(string forwarded, string expected) =>
        Assert.Equal(expected, ClientAddress.Of(Request("/", null, ("X-Forwarded-For", forwarded))));

    [Fact]
    public void Of_TheSameClientOnAnotherPort_IsTheSameKey() =>
        Assert.Equal(
            ClientAddress.Of(Request("/", null, ("X-Forwarded-For", "198.51.100.9:40000"))),
            ClientAddress.Of(Request("/", null, ("X-Forwarded-For", "198.51.100.9:40001"))));

    [Fact]
    public void Of_AfterTheWorkersForwardedHeadersStep_IsTheConnectionsAddress()
    {
        // ASP.NET Core moved the last entry into the connection's address and left the forgeable ones in the header.
        var request = Request("/", null, ("X-Forwarded-For", "6.6.6.6"), ("X-Original-For", "127.0.0.1:51000"));
        request.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.5");

        Assert.Equal("203.0.113.5", ClientAddress.Of(request));
    }

    [Fact]
    public void Of_WithoutForwardedHeader_IsTheConnectionsAddress()
    {
        var request = Request("/");
        request.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.44");

        Assert.Equal("192.0.2.44", ClientAddress.Of(request));
    }
}
