using KhuyenCong.Application.Approval;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.Links.Approval;
using static KhuyenCong.UnitTests.Web.Components.Links.LinkPageData;

namespace KhuyenCong.UnitTests.Web.Components.Links;

/// <summary>The director's page: its parts (summary, cap and budget, appraisal, decision) and the form shown again.</summary>
public class ApprovalPageTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);

    private static ApprovalFacts Facts(bool withReviews)
    {
        var reviews = withReviews
            ? new[]
            {
                Review("Trần Văn <b>Bình</b>") with { State = ReviewState.Submitted, Points = TheRubric.Criteria.ToDictionary(c => c.Code, c => c.MaxPoints - 1), Recommendation = Recommendation.Approve, Comment = "Ý kiến <script>alert(1)</script>" },
                Review("Lê Thị Cúc") with { ReviewerId = "r2", State = ReviewState.Conflict, Comment = "Cổ đông" },
            }
            : [];
        var verdicts = withReviews ? new[] { new VerdictRecord(1, true, Recommendation.Approve, 92.5m, TheRubric.TotalPoints, TheRubric.Id, TheRubric.Version, Now, []) } : [];
        var @case = new ProposalCase("p1", [], reviews, verdicts, [], null, [], null);
        var cap = new SupportCap(FundingSource.National, null, ProposalKind.Machinery, new DateOnly(2025, 1, 1), null, 50m, 300_000_000, "Nghị định 235/2025/NĐ-CP");
        return new(@case, cap, 300_000_000, new BudgetLine(new BudgetKey(2026, FundingSource.National), 2_000_000_000, 765_000_000, 0));
    }

    private static ApprovalPageModel Model(bool director = false, PostedValues? posted = null, BilingualErrors? errors = null, bool withReviews = true) =>
        new(Form, Proposal(), Facts(withReviews), director, Today, posted ?? PostedValues.None, errors);

    [Fact]
    public async Task ApprovalPage_Fresh_SummaryThenTheFormWithTheRequestedAmountGroupedThenTheDetails()
    {
        var html = await PageAsync<ApprovalPage, ApprovalPageModel>(Model());

        Assert.Contains("<dd id=\"cap\">50%, tối đa 300.000.000 đồng (Nghị định 235/2025/NĐ-CP)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"budget-remaining\">1.235.000.000 đồng (được giao 2.000.000.000 đồng)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"verdict-passed\">Đạt</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"verdict-average\">92,5 / " + TheRubric.TotalPoints + "</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Trần Văn &lt;b&gt;Bình&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"3\" class=\"multiline hint\">Ý kiến &lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Thị Cúc", html, StringComparison.Ordinal);
        Assert.Contains("name=\"amount\" value=\"300.000.000\"", html, StringComparison.Ordinal);
        // The decision's date is left empty (dated when signed), at most today.
        var date = WebTestSupport.TagWithId(html, "decisionDate");
        Assert.Null(WebTestSupport.Attribute(date, "value"));
        Assert.Equal("2026-04-01", WebTestSupport.Attribute(date, "max"));
        // The summary first, the decision right under it, then the details.
        Assert.True(html.IndexOf("id=\"approval-summary\"", StringComparison.Ordinal) < html.IndexOf("id=\"approval-form\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"approval-form\"", StringComparison.Ordinal) < html.IndexOf("id=\"funding\"", StringComparison.Ordinal));
        Assert.DoesNotContain("checked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"director-sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"formToken\" value=\"0123abcd\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalPage_BudgetRefused_ShowsTheFormAsPostedWithTheReasonAtTheAmount()
    {
        var posted = Posted((DirectorDecisionForm.DecisionField, "approve"), (DirectorDecisionForm.AmountField, "200.000.000"),
            (DirectorDecisionForm.DecisionNumberField, "125/QĐ-SCT"), (DirectorDecisionForm.DecisionDateField, "2026-11-30"), (DirectorDecisionForm.CommentField, ""));
        var errors = ApprovalPageModel.Refused(new Bilingual("Không đủ kinh phí: còn 150.000.000 đồng.", "Not enough budget: 150,000,000 VND left."));

        var html = await PageAsync<ApprovalPage, ApprovalPageModel>(Model(director: true, posted: posted, errors: errors), Language.English);

        Assert.Contains("aria-live=\"polite\" id=\"amount-error\">Not enough budget: 150,000,000 VND left.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#amount\">Not enough budget: 150,000,000 VND left.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"amount\" value=\"200.000.000\" aria-describedby=\"amount-hint amount-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decision-approve\" value=\"approve\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-30\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"director-sign-in\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalPage_NoReviewsYet_SaysSo()
    {
        var html = await PageAsync<ApprovalPage, ApprovalPageModel>(Model(withReviews: false));

        Assert.Contains("<p>Chưa có phiếu chấm.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reviews\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalRecordedPage_ApprovalWithAmountNumberAndDate_OrTheComment()
    {
        var approved = new ApprovalRecord(1, DirectorOutcome.Approve, 200_000_000, "125/QĐ-SCT", new DateOnly(2026, 11, 30), null, "director", Now);
        var rejected = approved with { Outcome = DirectorOutcome.Reject, Amount = null, DecisionNumber = null, DecisionDate = null, Comment = "Không phù hợp." };

        var approvedHtml = await PageAsync<ApprovalRecordedPage, ApprovalRecordedPageModel>(new("Máy may", approved));
        var rejectedHtml = await PageAsync<ApprovalRecordedPage, ApprovalRecordedPageModel>(new("Máy may", rejected), Language.English);

        Assert.Contains("<h1 id=\"decision\">Đã ghi nhận quyết định: Phê duyệt</h1>", approvedHtml, StringComparison.Ordinal);
        Assert.Contains("Số tiền phê duyệt: 200.000.000 đồng, quyết định số 125/QĐ-SCT ngày <time datetime=\"2026-11-30\">30/11/2026</time>.", approvedHtml, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"decision\">Decision recorded: Reject</h1>", rejectedHtml, StringComparison.Ordinal);
        Assert.Contains("The comment is recorded and will be sent to the applicant.", rejectedHtml, StringComparison.Ordinal);
    }
}
