using KhuyenCong.Application.Plans;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Cycle;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;

namespace KhuyenCong.UnitTests.Web.Cycle;

/// <summary>The ranking and plan pages rendered with the real renderer: what each state shows, the forms, the escaping.</summary>
public class CyclePagesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);

    private static Call Call(FundingSource source = FundingSource.Local) =>
        new("c1", 2027, source, "Đợt <b>2027</b>", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), [], new Dictionary<string, IReadOnlyList<string>>(), null, "x", At, 1);

    private static CallRanking Ranking(StoredSelection? current = null)
    {
        var candidates = new[] { ("p1", 90m, 100_000_000L), ("p2", 80m, 150_000_000L), ("p3", 80m, 50_000_000L) }
            .Select((c, i) => new RankingCandidate(c.Item1, c.Item2, At.AddDays(i), c.Item3, c.Item3));
        var ranked = KhuyenCong.Domain.Selection.Ranking.Rank(candidates, KhuyenCong.Domain.Selection.Ranking.RuleFor(FundingSource.Local), 260_000_000);
        return new CallRanking(Call(), new BudgetLine(new BudgetKey(2027, FundingSource.Local), 260_000_000, 0, 0), ranked, new Dictionary<string, Proposal>(), current);
    }

    private static CallSelection Selection(SelectionStatus status, PlanSubmissionRecord? submitted = null) =>
        new("c1", 1, 2027, FundingSource.National, null,
            [new("p1", 1, 90m, 100_000_000, 100_000_000, true, true, 100_000_000, LeftOut.NotSelected, null),
             new("p2", 2, 80m, 150_000_000, 150_000_000, true, false, 0, LeftOut.Reserve, "Thiếu <hồ sơ>")],
            status, "can.bo", At, status == SelectionStatus.Proposed ? null : new SelectionDecision(status == SelectionStatus.Approved, "Xem lại", null, null, "gd", At), submitted);

    private static Task<string> RankingPageAsync(CallRanking ranking, Language language, PostedForm? posted = null) =>
        Renderer.PageAsync<RankingPage, RankingPageModel>(WebTestSupport.Request("/staff/calls/c1/ranking"), language,
            new RankingPageModel(ranking, posted ?? PostedForm.None, "tok", new StaffLinks(language, null))).ContinueWith(t => t.Result.Content!);

    private static Task<string> PlanPageAsync(CallSelection? selection, Language language, PostedForm? posted = null, bool delegated = false) =>
        Renderer.PageAsync<CallPlanPage, CallPlanPageModel>(WebTestSupport.Request("/staff/calls/c1/plan"), language,
            new CallPlanPageModel(new CallPlanView(Call(selection?.FundingSource ?? FundingSource.Local), selection, new Dictionary<string, Proposal>(), delegated),
                posted ?? PostedForm.None, "tok", new StaffLinks(language, null))).ContinueWith(t => t.Result.Content!);

    [Fact]
    public async Task RankingPage_English_RuleInWordsCutLineBeforeTheThirdAndTheDefaultForm()
    {
        var html = await RankingPageAsync(Ranking(), Language.English);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Equal scores: submitted earlier first", html, StringComparison.Ordinal);
        Assert.Contains("Not applied:", html, StringComparison.Ordinal);
        Assert.Contains("Đợt &lt;b&gt;2027&lt;/b&gt;", html, StringComparison.Ordinal);
        var (p2, cut, p3) = (html.IndexOf("id=\"rank-p2\"", StringComparison.Ordinal), html.IndexOf("id=\"cut-line\"", StringComparison.Ordinal), html.IndexOf("id=\"rank-p3\"", StringComparison.Ordinal));
        Assert.True(p2 < cut && cut < p3, "the cut line sits between the second and the third");
        Assert.Contains("Equal score, submitted later", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/api/calls/c1/selection?lang=en\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"csrfToken\" value=\"tok\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"lines\\[1\\]\\.included\"[^>]*checked", html);
        Assert.DoesNotMatch("id=\"lines\\[2\\]\\.included\"[^>]*checked", html);
        Assert.Contains("name=\"lines[1].amount\" value=\"150,000,000\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingPage_PostedAndRefused_ValuesKeptAndTheErrorAtItsField()
    {
        var posted = new PostedForm(new Dictionary<string, string> { ["lines[2].included"] = "true", ["lines[2].amount"] = "12.000.000", ["lines[0].included"] = "true" },
            new Dictionary<string, IReadOnlyList<string>> { ["lines[2].reason"] = ["Vui lòng nêu lý do"], ["lines"] = ["Vượt kinh phí"] });

        var html = await RankingPageAsync(Ranking(), Language.Vietnamese, posted);

        Assert.Contains("href=\"#lines[2].reason\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#lines\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"lines\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12.000.000\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"lines\\[2\\]\\.included\"[^>]*checked", html);
        Assert.DoesNotMatch("id=\"lines\\[1\\]\\.included\"[^>]*checked", html);
    }

    [Fact]
    public async Task RankingPage_SelectionAwaitingTheDirector_StatusWithoutTheForm()
    {
        var html = await RankingPageAsync(Ranking(new StoredSelection(Selection(SelectionStatus.Proposed), "v")), Language.Vietnamese);

        Assert.Contains("Đã trình Giám đốc, chờ duyệt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"selection-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_NationalSubmitted_TheDispatchRecordedAndADecisionGroupPerSubmittedLineOnly()
    {
        var html = await PlanPageAsync(Selection(SelectionStatus.Approved, new PlanSubmissionRecord("1520/SCT", new DateOnly(2026, 11, 20), "x", At)), Language.Vietnamese);

        Assert.Contains("1. Công văn gửi Bộ Công Thương", html, StringComparison.Ordinal);
        Assert.Contains("<strong>20/11/2026</strong>", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/api/calls/c1/plan/decision?lang=vi\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"lines[0].proposalId\" value=\"p1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"lines[1].proposalId\"", html, StringComparison.Ordinal);
        Assert.Contains("Thiếu &lt;hồ sơ&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"submission-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_NotApprovedOrDelegated_NoPlanFormAndWhyInWords()
    {
        var sentBack = await PlanPageAsync(Selection(SelectionStatus.SentBack), Language.Vietnamese);
        var delegated = await PlanPageAsync(Selection(SelectionStatus.Approved) with { FundingSource = FundingSource.Local }, Language.English, delegated: true);

        Assert.Contains("Giám đốc trả lại để xem xét lại.", sentBack, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", sentBack, StringComparison.Ordinal);
        Assert.Contains("the director&#x27;s approval of the selection is the plan decision", delegated, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", delegated, StringComparison.Ordinal);
    }
}
