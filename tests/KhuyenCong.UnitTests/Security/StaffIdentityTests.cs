using System.Text;
using KhuyenCong.Application.Identity;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.UnitTests.Functions;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Security;

/// <summary>
/// Issue 11, finding 6: <c>X-MS-CLIENT-PRINCIPAL</c> counts only behind App Service Authentication with Entra ID, or
/// under LocalHost; anywhere else (Core Tools, a site whose authentication was turned off) it is ignored.
/// </summary>
public class StaffIdentityTests
{
    private const string ObjectId = "5f2c1b8e-0c8d-4b8f-9d0a-2f7d6c1e9a31";
    private static readonly string Finance = StaffPrincipal.EncodeFor("Trần Thị Thu", ObjectId, StaffRoles.Finance);

    private static StaffIdentity Identity(HostPlatformOptions platform) => new(Options.Create(platform));

    public static TheoryData<string, HostPlatformOptions> Untrusted() => new()
    {
        { "Core Tools or any host without App Service", new HostPlatformOptions() },
        { "Azure, authentication off", new HostPlatformOptions { SiteName = "kc-prod" } },
        { "Azure, authentication set False", new HostPlatformOptions { SiteName = "kc-prod", AuthEnabled = "False" } },
        { "Azure, another default provider", new HostPlatformOptions { SiteName = "kc-prod", AuthEnabled = "True", AuthDefaultProvider = "Google" } },
    };

    [Theory]
    [MemberData(nameof(Untrusted))]
    public void Read_WithoutPlatformAuthentication_IgnoresTheHeader(string where, HostPlatformOptions platform)
    {
        Assert.False(Identity(platform).TrustsPrincipalHeader, where);
        Assert.Null(Identity(platform).Read(Finance));
    }

    [Fact]
    public void Read_BehindAppServiceAuthenticationWithEntra_GivesNameRolesAndObjectId()
    {
        var principal = Identity(SignedInAzure()).Read(Finance);

        Assert.NotNull(principal);
        Assert.Equal("Trần Thị Thu", principal.Name);
        Assert.True(principal.IsInRole(StaffRoles.Finance));
        Assert.Equal(ObjectId, principal.ObjectId);
        Assert.Equal("Trần Thị Thu (oid " + ObjectId + ")", principal.Actor);
    }

    [Fact]
    public void Read_ObjectIdAsTheShortOidClaim_IsRead()
    {
        var json = """{"auth_typ":"aad","claims":[{"typ":"roles","val":"officer"},{"typ":"name","val":"Lê Văn Nam"},{"typ":"oid","val":"0a1b"}],"name_typ":"name","role_typ":"roles"}""";

        var principal = Identity(SignedInAzure()).Read(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("0a1b", principal!.ObjectId);
    }

    [Fact]
    public void Read_PrincipalOfAnotherProvider_IsIgnored()
    {
        var json = """{"auth_typ":"google","claims":[{"typ":"roles","val":"admin"},{"typ":"name","val":"x"}]}""";

        Assert.Null(Identity(SignedInAzure()).Read(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Read_UnderLocalHost_TrustsTheHeaderLocalHostSets()
    {
        var principal = Identity(new HostPlatformOptions { IsLocalHost = true }).Read(Finance);

        Assert.Equal(ObjectId, principal!.ObjectId);
    }

    [Fact]
    public async Task StaffRoute_ForgedPrincipalWithoutPlatformAuthentication_Returns401()
    {
        var functions = new StaffActionFunctions(null!, null!, null!, null!, null!, StaffEndpoints.Create());
        var request = Request("/api/proposals/p1/payments", null, (StaffPrincipal.HeaderName, Finance))
            .WithPlatform(new HostPlatformOptions { SiteName = "kc-prod" });
        request.Body = new MemoryStream("""{"kind":"advance","amount":1000}"""u8.ToArray());
        request.ContentType = "application/json";

        var result = await functions.RecordPayment(request, "p1", null!, CancellationToken.None);

        Assert.Equal(401, Assert.IsType<ObjectResult>(result).StatusCode);
    }
}
