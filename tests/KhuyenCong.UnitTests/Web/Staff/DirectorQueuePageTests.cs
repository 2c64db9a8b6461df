using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Application.WorkQueue;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Staff;

/// <summary>The director's list ("Chờ tôi quyết định"): its rows, its empty state, its links, and the navigation item only directors see.</summary>
public class DirectorQueuePageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);

    private static DirectorWorkItem ProposalItem() =>
        new(DirectorTask.ProposalApproval, "Máy chẻ nan <Hưng Yên>", 2, Now.AddDays(-9), Now.AddDays(-2), "https://kc.example.gov.vn/links/abc.def.ghi")
        {
            Proposal = new("p-1", "KC-2026-ABCD", "HTX Tiên Lữ", 160_000_000,
                new VerdictRecord(1, true, Recommendation.Approve, 86.5m, 100, "khuyen-cong", 1, Now.AddDays(-9), []), 840_000_000),
        };

    private static DirectorWorkItem SelectionItem() =>
        new(DirectorTask.SelectionApproval, "Đợt đăng ký năm 2027", 1, Now.AddDays(-3), null, "https://kc.example.gov.vn/links/selection/jkl.mno.pqr")
        {
            Selection = new("c-1", 2027, FundingSource.Local, 3, 5, 450_000_000, 500_000_000, IsPlanDecision: true),
        };

    private static async Task<string> PageAsync(IReadOnlyList<DirectorWorkItem> items, Language language = Language.Vietnamese)
    {
        var model = new DirectorQueuePageModel(new StaffLinks(language, "k1"), items, Now);
        var request = WebTestSupport.Request("/staff/decisions?code=k1", null, (StaffPrincipal.HeaderName, StaffPrincipal.EncodeFor("Giám đốc Sở", "0d1r", StaffRoles.Director)))
            .WithPlatform();
        return (await Renderer.PageAsync<DirectorQueuePage, DirectorQueuePageModel>(request, language, model)).Content!;
    }

    [Fact]
    public async Task Page_ProposalAndSelection_RowsWithTheirFiguresAndTheirDecisionPagesOnThisSite()
    {
        var html = await PageAsync([ProposalItem(), SelectionItem()]);

        Assert.Contains("<a href=\"/links/abc.def.ghi?lang=vi&amp;code=k1\">Máy chẻ nan &lt;Hưng Yên&gt;</a>", html, StringComparison.Ordinal);
        Assert.Contains("KC-2026-ABCD · HTX Tiên Lữ · lần trình thứ 2", html, StringComparison.Ordinal);
        Assert.Contains("160.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Contains("Đạt, điểm trung bình 86,5/100 · Đồng ý hỗ trợ", html, StringComparison.Ordinal);
        Assert.Contains("840.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/links/selection/jkl.mno.pqr?lang=vi&amp;code=k1\"", html, StringComparison.Ordinal);
        Assert.Contains("3/5 đề án được đề xuất chọn", html, StringComparison.Ordinal);
        Assert.Contains("Duyệt là quyết định phê duyệt kế hoạch", html, StringComparison.Ordinal);
        Assert.Contains("Không có hạn", html, StringComparison.Ordinal);
        Assert.Contains("2 việc đang chờ quyết định.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kc.example.gov.vn", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/staff/decisions?lang=vi&amp;code=k1\" aria-current=\"page\">Chờ tôi quyết định</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InEnglish_EnglishLabelsAndFigures()
    {
        var html = await PageAsync([ProposalItem()], Language.English);

        Assert.Contains("<h1>Awaiting my decision</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Passed, average 86.5/100", html, StringComparison.Ordinal);
        Assert.Contains("160,000,000 VND", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/links/abc.def.ghi?lang=en&amp;code=k1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NothingWaiting_SaysSoWithoutATable()
    {
        var html = await PageAsync([]);

        Assert.Contains("Không có việc nào chờ quyết định.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"director-decisions\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.Director, true)]
    [InlineData(StaffRoles.Admin, true)]
    [InlineData(StaffRoles.Officer, false)]
    [InlineData(StaffRoles.Finance, false)]
    public async Task Navigation_ByRole_TheDecisionsItemOnlyForTheDirector(string role, bool shown)
    {
        var request = WebTestSupport.Request("/staff/queue", null, (StaffPrincipal.HeaderName, StaffPrincipal.EncodeFor("Lê Văn Nam", "0a1b", role))).WithPlatform();
        var model = new StaffNotFoundPageModel(new Bilingual("Không có", "None"), "/staff/proposals", new Bilingual("Danh sách", "List"));

        var html = (await Renderer.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(request, Language.Vietnamese, model)).Content!;

        Assert.Contains("id=\"staff-nav\"", html, StringComparison.Ordinal);
        Assert.Equal(shown, html.Contains("<a href=\"/staff/decisions?lang=vi\">Chờ tôi quyết định</a>", StringComparison.Ordinal));
    }
}
