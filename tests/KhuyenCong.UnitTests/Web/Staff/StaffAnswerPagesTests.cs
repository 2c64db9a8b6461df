using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Staff;

/// <summary>What the staff routes answer a form posted without JavaScript, and the sign-in and not-found pages.</summary>
public class StaffAnswerPagesTests
{
    [Fact]
    public void FormAnswer_Done_303BackToTheProposalWithLanguageActionAndKey()
    {
        var request = WebTestSupport.Request("/api/proposals/p%201/contract?code=k1");

        var answer = StaffPages.FormAnswer(request, Language.Vietnamese, "p 1", "contract", new OkObjectResult(new { }));

        Assert.Equal(303, Assert.IsType<StatusCodeResult>(answer).StatusCode);
        Assert.Equal("/staff/proposals/p%201?lang=vi&done=contract&code=k1", request.HttpContext.Response.Headers.Location.ToString());
    }

    [Fact]
    public void FormAnswer_Problem_APageWithTheProblemsStatus()
    {
        var request = WebTestSupport.Request("/api/proposals/p1/contract");
        var problem = ProblemBuilder.Result(ProblemBuilder.Create(400, "Chưa đủ", Language.Vietnamese, new Dictionary<string, IReadOnlyList<string>> { ["contractDate"] = ["Vui lòng nhập ngày"] }));

        var answer = StaffPages.FormAnswer(request, Language.Vietnamese, "p1", "contract", problem);

        var page = Assert.IsType<PageResult<StaffFormProblemPage>>(answer);
        Assert.Equal(400, page.Options.StatusCode);
        var model = Assert.IsType<StaffFormProblemPageModel>(page.Parameters!["Model"]);
        Assert.Equal("/staff/proposals/p1?lang=vi", model.BackHref);
        Assert.Equal(["Vui lòng nhập ngày"], model.Problem.Errors["contractDate"]);
    }

    [Fact]
    public async Task FormProblemPage_ErrorsNamedByFieldEncodedWithTheWayBack()
    {
        var problem = new ProblemView(400, "Yêu cầu <không> hợp lệ.", "Chi tiết", new Dictionary<string, IReadOnlyList<string>> { ["contractDate"] = ["Ngày <sai>"] });

        var page = await Renderer.PageAsync<StaffFormProblemPage, StaffFormProblemPageModel>(WebTestSupport.Request("/api/x"), Language.Vietnamese,
            new StaffFormProblemPageModel(problem, "/staff/proposals/p1?lang=vi"), PageOptions.Standard with { StatusCode = 400 });

        var html = page.Content!;
        Assert.Equal(400, page.StatusCode);
        Assert.Contains("<h1>Yêu cầu &lt;không&gt; hợp lệ.</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<li data-field=\"contractDate\"><code>contractDate</code>: Ngày &lt;sai&gt;</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"back\" href=\"/staff/proposals/p1?lang=vi\">Quay lại đề án</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "Cần đăng nhập")]
    [InlineData(403, "Không có quyền")]
    public async Task DeniedPage_Status_SaysWhy(int status, string heading)
    {
        var answer = Assert.IsType<PageResult<StaffDeniedPage>>(StaffPages.Denied(WebTestSupport.Request("/staff/proposals"), Language.Vietnamese, status));
        var page = await Renderer.PageAsync<StaffDeniedPage>(WebTestSupport.Request("/staff/proposals"), answer.Language, answer.Parameters, answer.Options);

        Assert.Equal(status, page.StatusCode);
        Assert.Contains($"<h1>{heading}</h1>", page.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundPage_InEnglish_HeadingAndLinkBack()
    {
        var model = new StaffNotFoundPageModel(new Bilingual("Không có đề án này", "No such proposal"), "/staff/proposals?lang=en", new Bilingual("Danh sách đề án", "Proposal list"));

        var page = await Renderer.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(WebTestSupport.Request("/staff/proposals/x?lang=en"), Language.English, model);

        Assert.Contains("<h1>No such proposal</h1>", page.Content, StringComparison.Ordinal);
        Assert.Contains("<a id=\"back\" href=\"/staff/proposals?lang=en\">Proposal list</a>", page.Content, StringComparison.Ordinal);
    }
}
