using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.UnitTests.Web.Staff;
using KhuyenCong.Web.Pages.Planning;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Planning;

public class PlanningPagesTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);

    private static ProgrammeRecord Record(string name = "Chương trình <script>alert(1)</script> & \"đặc biệt\"") =>
        new(new Programme("pg1", name, 2021, 2025, FundingSource.Local, "12/QĐ-UBND", [new ProgrammeTarget("trainees", "Người được đào tạo", "Trainees", "người", 400)]),
            3, "a", At, "can.bo", At);

    [Fact]
    public async Task ProgrammesPage_Programmes_ListedEncodedWithTheNewProgrammeForm()
    {
        var model = new ProgrammesPageModel([Record()], new StaffLinks(Language.Vietnamese, "k1"));

        var html = (await Renderer.PageAsync<ProgrammesPage, ProgrammesPageModel>(WebTestSupport.Request("/staff/programmes"), Language.Vietnamese, model)).Content!;

        Assert.Contains("<h1>Chương trình khuyến công</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Chương trình &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;đặc biệt&quot;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/programmes/pg1?lang=vi&amp;code=k1\"", html, StringComparison.Ordinal);
        Assert.Contains("<form id=\"staff-form\" data-targets=\"true\" data-method=\"POST\" data-action=\"/api/programmes\" data-next=\"/staff/programmes/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"target:trainees\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/planning.js?v=test\" defer></script>", html, StringComparison.Ordinal);
        Assert.Equal("number", WebTestSupport.Attribute(WebTestSupport.TagWithId(html, "fromYear"), "data-type"));
    }

    [Fact]
    public async Task ProgrammePage_English_ProgressAndTheEditFormWithTheVersion()
    {
        var model = new ProgrammePageModel(Record("Hưng Yên 2021-2025"), [new TargetProgress(new ProgrammeTarget("trainees", "Người được đào tạo", "Trainees", "người", 400), 100)],
            7, new StaffLinks(Language.English, null));

        var html = (await Renderer.PageAsync<ProgrammePage, ProgrammePageModel>(WebTestSupport.Request("/staff/programmes/pg1?lang=en"), Language.English, model)).Content!;

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Progress towards the targets", html, StringComparison.Ordinal);
        Assert.Contains("<td>Trainees</td><td class=\"number\">400 người</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">25</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-method=\"PUT\" data-action=\"/api/programmes/pg1\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"version\" data-type=\"number\" value=\"3\" />", html, StringComparison.Ordinal);
        Assert.Equal("400", WebTestSupport.Attribute(WebTestSupport.TagWithId(html, "target-trainees"), "value"));
    }

    [Fact]
    public async Task PlansPage_Year_BudgetLinesOfBothSourcesAndOneFormForTheChosenSource()
    {
        var local = new BudgetKey(2095, FundingSource.Local);
        var plan = new AnnualPlanRecord(new AnnualPlan(local, "pg1", 900_000_000, [new PlanItem("Lò <sấy>", ProposalKind.Machinery, 300_000_000)], "ghi chú"), 2, "x", At);
        var year = new AnnualPlanYear(2095,
        [
            new FundingSourcePlan(new BudgetKey(2095, FundingSource.National), new PlanView(null, new BudgetLine(new BudgetKey(2095, FundingSource.National), 0, 0, 0))),
            new FundingSourcePlan(local, new PlanView(plan, new BudgetLine(local, 900_000_000, 100_000_000, 0))),
        ], [Record()]);

        var html = (await Renderer.PageAsync<PlansPage, PlansPageModel>(WebTestSupport.Request("/staff/plans"), Language.Vietnamese,
            new PlansPageModel(year, FundingSource.Local, new StaffLinks(Language.Vietnamese, null)))).Content!;

        Assert.Contains("<h1>Kế hoạch khuyến công năm 2095</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Đã cam kết cho đề án được duyệt", html, StringComparison.Ordinal);
        Assert.Contains("800.000.000 đồng", html, StringComparison.Ordinal);
        Assert.Equal(["year-form", "staff-form"], StaffPageData.FormIds(html));
        Assert.Contains("data-action=\"/api/plans/2095/local\"", html, StringComparison.Ordinal);
        Assert.Contains("machinery | 300000000 | Lò &lt;sấy&gt;&#xA;</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"pg1\" selected>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/plans?lang=vi&amp;year=2095&amp;source=national\"", html, StringComparison.Ordinal);
        Assert.Equal("900.000.000", WebTestSupport.Attribute(WebTestSupport.TagWithId(html, "budget"), "value"));
    }
}
