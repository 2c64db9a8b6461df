using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Staff;

/// <summary>The staff navigation bar: on every staff page (by its path), the current section marked, the links keeping lang and the key.</summary>
public class StaffNavigationTests
{
    private static async Task<string> PageAtAsync(string pathAndQuery, Language language = Language.Vietnamese)
    {
        var model = new StaffNotFoundPageModel(new Bilingual("Không có", "None"), "/staff/proposals", new Bilingual("Danh sách", "List"));
        return (await Renderer.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(WebTestSupport.Request(pathAndQuery), language, model)).Content!;
    }

    [Fact]
    public async Task Navigation_OnTheQueue_EverySectionWithTheQueueMarkedAsThePage()
    {
        var html = await PageAtAsync("/staff/queue?code=k1");

        Assert.Contains("<nav class=\"staff-nav\" id=\"staff-nav\" aria-label=\"Trang cán bộ\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/staff/queue?lang=vi&amp;code=k1\" aria-current=\"page\">Việc cần xử lý</a>", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/staff/proposals", "/staff/calls", "/staff/councils", "/staff/plans", "/staff/programmes", "/dashboard", "/reports" })
        {
            Assert.Contains($"<a href=\"{path}?lang=vi&amp;code=k1\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("<body class=\"staff-page\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_OnOneProposal_TheListMarkedAsTheLocationInEnglish()
    {
        var html = await PageAtAsync("/staff/proposals/abc", Language.English);

        Assert.Contains("<a href=\"/staff/proposals?lang=en\" aria-current=\"location\">Proposals</a>", html, StringComparison.Ordinal);
        Assert.Single(html.Split("aria-current=").Skip(1));
    }

    [Theory]
    [InlineData("/track")]
    [InlineData("/")]
    [InlineData("/staffroom")]
    public async Task Navigation_OutsideTheStaffArea_NotShown(string path)
    {
        var html = await PageAtAsync(path);

        Assert.DoesNotContain("staff-nav", html, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-page", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_SignInRefusal_NotShown()
    {
        var html = (await Renderer.PageAsync<StaffDeniedPage, int>(WebTestSupport.Request("/staff/queue"), Language.Vietnamese, 401)).Content!;

        Assert.DoesNotContain("id=\"staff-nav\"", html, StringComparison.Ordinal);
    }
}
