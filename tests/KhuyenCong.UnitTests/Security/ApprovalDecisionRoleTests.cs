using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Functions.Links;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Pages.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Security;

/// <summary>
/// Issue 11, finding 7: deciding on an approval link needs the signed-in director. The role is checked right after the
/// token, before anything is read, so the function runs here without storage (a principal lacking the role can only be
/// tried here: LocalHost's key carries every role). The integration tests (ApprovalLinkTests) show 401 without a
/// principal and the decision with one.
/// </summary>
public class ApprovalDecisionRoleTests
{
    private static readonly LinkService Links = new(
        Options.Create(new LinksOptions { SigningKeys = """{"current":"k1","keys":{"k1":"MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE="}}""" }),
        Options.Create(new KhuyenCongOptions { PublicBaseUrl = "https://kc.example.gov.vn" }),
        Options.Create(new HostPlatformOptions()),
        TimeProvider.System);

    private static LinkFunctions Functions()
    {
        var pages = new LinkPages(KhuyenCong.UnitTests.Web.Components.ComponentRendering.Renderer);
        var opener = new LinkOpener(Links, null!, new StaffIdentity(Options.Create(SignedInAzure())), pages,
            [new ApprovalLinkPage(null!, pages, TimeProvider.System), new ReviewLinkPage(null!, pages)]);
        return new(opener, null!, null!, pages);
    }

    private static string Token(string action)
    {
        var url = Links.CreateUrl(action, "p1", "director");
        return url[(url.LastIndexOf('/') + 1)..];
    }

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Finance)]
    public async Task Decide_SignedInWithoutTheDirectorRole_Is403Page(string role)
    {
        var request = Request("/links/x", null, (StaffPrincipal.HeaderName, StaffPrincipal.EncodeFor("Lê Văn Nam", "0a1b", role))).WithPlatform();
        request.Method = "POST";

        var result = Assert.IsType<ContentResult>(await Functions().LinkDecision(request, Token(LinkActions.Approve), null!, CancellationToken.None));

        Assert.Equal(403, result.StatusCode);
        Assert.Contains("không có vai trò Giám đốc", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithoutPrincipal_Is401PageOfferingSignIn()
    {
        var request = Request("/links/x?lang=en", null).WithPlatform();
        request.Method = "POST";

        var result = Assert.IsType<ContentResult>(await Functions().LinkDecision(request, Token(LinkActions.Approve), null!, CancellationToken.None));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("/.auth/login/aad?post_login_redirect_uri=", result.Content, StringComparison.Ordinal);
        Assert.Contains("Only the signed-in director", result.Content, StringComparison.Ordinal);
    }
}
