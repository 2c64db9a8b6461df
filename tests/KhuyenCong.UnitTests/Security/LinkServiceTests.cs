using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Domain.Links;
using KhuyenCong.UnitTests.Web;
using Microsoft.Extensions.Options;

namespace KhuyenCong.UnitTests.Security;

/// <summary>The app's link service: form tokens across a key rotation, the development key, approval link lifetime.</summary>
public class LinkServiceTests
{
    private const string K1 = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";
    private const string K2 = "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY=";
    private const string Dev = "a2h1eWVuY29uZy1sb2NhbGhvc3QtZGV2ZWxvcG1lbnQtb25seS1rZXk=";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static LinkService Service(string keys, bool localHost = false, LinksOptions? options = null)
    {
        var links = options ?? new LinksOptions();
        links.SigningKeys = keys;
        return new LinkService(Options.Create(links), Options.Create(new KhuyenCongOptions { PublicBaseUrl = "https://kc.example.gov.vn", TaskHubName = "KhuyenCong" }),
            Options.Create(new HostPlatformOptions { IsLocalHost = localHost }), new FixedTimeProvider(Now));
    }

    private static string Keys(string current, params (string Id, string Key)[] keys) =>
        "{\"current\":\"" + current + "\",\"keys\":{" + string.Join(",", keys.Select(k => "\"" + k.Id + "\":\"" + k.Key + "\"")) + "}}";

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    [Fact]
    public void FormToken_OfAPageOpenBeforeTheCurrentKeyChanged_IsStillValid()
    {
        // Issue 11, item 11: the page's form token is signed with the link's key, not the current one.
        var before = Service(Keys("k1", ("k1", K1), ("k2", K2)));
        var token = TokenOf(before.CreateUrl(LinkActions.Review, "p1", "reviewer-1"));
        before.Verify(token, out var openedClaims);
        var formToken = before.FormToken(openedClaims!);

        var after = Service(Keys("k2", ("k1", K1), ("k2", K2)));
        Assert.Equal(LinkTokenStatus.Valid, after.Verify(token, out var postedClaims));

        Assert.True(after.IsValidFormToken(postedClaims!, formToken));
        Assert.False(after.IsValidFormToken(postedClaims! with { LinkId = LinkToken.NewLinkId() }, formToken));
    }

    [Fact]
    public void Verify_LinkSignedWithTheDevelopmentKey_IsInvalidOutsideLocalHost()
    {
        // Issue 11, finding 10: even were the key listed, a "dev" link is refused where LocalHost does not run.
        var keys = Keys("dev", ("dev", Dev));
        var token = TokenOf(Service(keys, localHost: true).CreateUrl(LinkActions.Withdraw, "p1", "applicant"));

        Assert.Equal(LinkTokenStatus.Valid, Service(keys, localHost: true).Verify(token, out _));
        Assert.Equal(LinkTokenStatus.Invalid, Service(keys, localHost: false).Verify(token, out var claims));
        Assert.Null(claims);
    }

    [Fact]
    public void CreateUrl_ApprovalLink_LivesSevenDaysByDefault_OtherLinksThirty()
    {
        var service = Service(Keys("k1", ("k1", K1)));

        service.Verify(TokenOf(service.CreateUrl(LinkActions.Approve, "p1", "director")), out var approval);
        service.Verify(TokenOf(service.CreateUrl(LinkActions.Review, "p1", "reviewer-1")), out var review);

        Assert.Equal(Now.AddDays(7), approval!.ExpiresAt);
        Assert.Equal(Now.AddDays(30), review!.ExpiresAt);
    }

    [Fact]
    public void CreateUrl_ApprovalLifetimeSetting_IsHonoured()
    {
        var service = Service(Keys("k1", ("k1", K1)), options: new LinksOptions { ApprovalLifetime = TimeSpan.FromDays(2) });

        service.Verify(TokenOf(service.CreateUrl(LinkActions.Approve, "p1", "director")), out var approval);

        Assert.Equal(Now.AddDays(2), approval!.ExpiresAt);
    }
}
