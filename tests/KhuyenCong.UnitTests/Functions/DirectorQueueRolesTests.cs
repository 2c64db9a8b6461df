using KhuyenCong.Application.Identity;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.WebTestSupport;

namespace KhuyenCong.UnitTests.Functions;

/// <summary>
/// <c>GET /staff/decisions</c> is the director's (LocalHost gives its key every role, so only here can a lesser role be
/// tried): the role is checked before the list is read, so the function runs here without storage.
/// </summary>
public class DirectorQueueRolesTests
{
    private static DirectorQueueFunction Function() => new(null!, StaffEndpoints.Create(), null!, TimeProvider.System);

    [Theory]
    [InlineData(StaffRoles.Officer)]
    [InlineData(StaffRoles.Finance)]
    public async Task DirectorDecisions_WithoutTheDirectorRole_TheDeniedPage403(string role)
    {
        var request = Request("/staff/decisions", null, (StaffPrincipal.HeaderName, StaffPrincipal.Encode("Nguyễn Văn A", role))).WithPlatform();

        var result = await Function().DirectorDecisions(request, CancellationToken.None);

        var page = Assert.IsType<PageResult<StaffDeniedPage>>(result);
        Assert.Equal(403, page.Options.StatusCode);
    }

    [Fact]
    public async Task DirectorDecisions_NobodySignedIn_TheSignInPage401()
    {
        var result = await Function().DirectorDecisions(Request("/staff/decisions").WithPlatform(), CancellationToken.None);

        Assert.Equal(401, Assert.IsType<PageResult<StaffDeniedPage>>(result).Options.StatusCode);
    }
}
