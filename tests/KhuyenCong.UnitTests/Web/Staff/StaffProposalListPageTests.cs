using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Staff;

public class StaffProposalListPageTests
{
    private static ProposalSummary Summary(int n, string title = "Lò sấy") => new($"id-{n}", $"KC-{n}", title, "HTX <Tiên Lữ>", ProposalStatus.Screening,
        ProposalKind.Machinery, FundingSource.Local, "hung-yen", StaffPageData.Submitted, 1_234_567, "lo say");

    private static async Task<string> RenderAsync(StaffProposalListPageModel model)
    {
        var page = await Renderer.PageAsync<StaffProposalListPage, StaffProposalListPageModel>(WebTestSupport.Request("/staff/proposals"), model.Links.Language, model);
        return page.Content!;
    }

    private static StaffProposalListPageModel Model(IReadOnlyList<ProposalSummary>? matches, int page = 1, int pageSize = 50,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null, string? key = null) =>
        new(new StaffLinks(Language.Vietnamese, key), new ProposalListQuery(2026, ProposalStatus.Screening, null, null), "lò <b>", errors ?? new Dictionary<string, IReadOnlyList<string>>(),
            matches, page, pageSize, [StaffLinks.Query("status", "screening"), StaffLinks.Query("q", "lò <b>")], "newest",
            [new("newest", "Mới nộp nhất trước"), new("amount", "Kinh phí đề nghị lớn nhất trước")], "token-1", [new("ct-1", "Chương trình <2021–2025>")]);

    [Fact]
    public async Task List_Matches_LinksEscapedTitlesAndKeepsTheFilterValues()
    {
        var html = await RenderAsync(Model([Summary(1, "Lò nung <b>x</b>")]));

        Assert.Contains("href=\"/staff/proposals/id-1?lang=vi\"", html, StringComparison.Ordinal);
        Assert.Contains("Lò nung &lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"screening\" selected>", html, StringComparison.Ordinal);
        Assert.Equal("lò &lt;b&gt;", WebTestSupport.Attribute(WebTestSupport.TagWithId(html, "q"), "value"));
        Assert.Contains("<form method=\"get\" action=\"/staff/proposals\" class=\"staff-filters\" id=\"filters\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"vi\" />", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Đề nghị hỗ trợ (đồng)\" class=\"number\">1.234.567</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Matches_BulkFormPostsWithTheTokenATickBoxPerRowAndTheProgrammes()
    {
        var html = await RenderAsync(Model([Summary(1), Summary(2)], key: "k"));

        Assert.Contains("<form method=\"post\" action=\"/staff/proposals/bulk?lang=vi&amp;code=k\" id=\"bulk-form\" novalidate>", html, StringComparison.Ordinal);
        Assert.Matches("<input type=\"hidden\" name=\"csrfToken\" value=\"token-1\" ?/?>", html);
        Assert.Matches("<input type=\"checkbox\" name=\"ids\" value=\"id-2\" id=\"pick-id-2\" aria-label=\"Chọn đề án KC-2\" ?/?>", html);
        Assert.Contains("<option value=\"ct-1\">Chương trình &lt;2021–2025&gt;</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"programme\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"newest\"[^>]*selected", html);
        Assert.Contains("class=\"staff-table cards\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Downloads_DataAndReportOfTheSameFiltersWithTheKey()
    {
        var html = await RenderAsync(Model([Summary(1)], key: "k"));

        Assert.Contains("href=\"/api/proposals/export?lang=vi&amp;format=csv&amp;status=screening&amp;q=l%C3%B2%20%3Cb%3E&amp;code=k\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/proposals/export?lang=vi&amp;format=xlsx&amp;status=screening&amp;q=l%C3%B2%20%3Cb%3E&amp;code=k\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ManyPages_PagerKeepsFiltersAndTheFunctionKey()
    {
        var html = await RenderAsync(Model(Enumerable.Range(1, 5).Select(n => Summary(n)).ToList(), page: 2, pageSize: 2, key: "abc"));

        Assert.Contains("<strong aria-current=\"page\">2</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/proposals?lang=vi&amp;status=screening&amp;q=l%C3%B2%20%3Cb%3E&amp;page=3&amp;code=abc\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"code\" value=\"abc\" />", html, StringComparison.Ordinal);
        Assert.Contains("id-3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id-1?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id-5?", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_BadFilter_NamesTheProblemAtTheFieldAndInTheSummary()
    {
        var errors = new Dictionary<string, IReadOnlyList<string>> { ["status"] = ["Tình trạng không hợp lệ."] };

        var html = await RenderAsync(Model(null, errors: errors));

        Assert.Contains("<a href=\"#status\">Tình trạng không hợp lệ.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" aria-live=\"polite\" id=\"status-error\">Tình trạng không hợp lệ.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("proposal-list", html, StringComparison.Ordinal);
    }
}
