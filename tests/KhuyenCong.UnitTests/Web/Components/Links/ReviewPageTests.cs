using System.Text.RegularExpressions;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Shared;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.Links.Review;
using static KhuyenCong.UnitTests.Web.Components.Links.LinkPageData;

namespace KhuyenCong.UnitTests.Web.Components.Links;

/// <summary>The reviewer's page and the proposal summary it shares with the director's, rendered by the real renderer.</summary>
public class ReviewPageTests
{
    private static ReviewPageModel Model(PostedValues? posted = null, BilingualErrors? errors = null, string title = "Máy may", string reviewer = "Nguyễn Thị Hoa") =>
        new(Form, Proposal(title, new AttachmentInfo("f1", "thuyết minh.pdf", "application/pdf", 2 * 1024 * 1024 + 300_000, "00", Now)),
            Review(reviewer), TheRubric, [new DossierFile("thuyết minh.pdf", 2 * 1024 * 1024 + 300_000, "/links/abc.def/files/f1")], posted ?? PostedValues.None, errors);

    [Fact]
    public async Task ProposalSummary_ShowsTheProposalWithoutTheApplicantsContacts()
    {
        var proposal = Proposal("Máy <b>đậm</b>");

        var html = await ComponentRendering.RenderAsync<ProposalSummary>(Language.Vietnamese, ("Submission", proposal.Submission));

        Assert.Contains("<dd id=\"proposal-title\">Máy &lt;b&gt;đậm&lt;/b&gt;</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"proposal-requested\">300.000.000 đồng</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"proposal-dates\"><time datetime=\"2026-03-01\">01/03/2026</time> – <time datetime=\"2026-11-30\">30/11/2026</time></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"proposal-jobs\">25</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Submission.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Submission.Phone, html, StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Submission.TaxCode, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_Fresh_OneNumberFieldPerCriterion_NoRecommendationChosen_TotalDash_TokenInBothForms()
    {
        var html = await PageAsync<ReviewPage, ReviewPageModel>(Model());

        foreach (var criterion in TheRubric.Criteria)
        {
            var tag = WebTestSupport.TagWithId(html, ReviewSubmission.PointsPrefix + criterion.Code);
            Assert.Contains("type=\"number\" class=\"input-number score\"", tag, StringComparison.Ordinal);
            Assert.Contains($"min=\"0\" max=\"{criterion.MaxPoints}\" step=\"1\" inputmode=\"numeric\" required", tag, StringComparison.Ordinal);
        }

        Assert.Equal(2, Regex.Matches(html, "<input type=\"hidden\" name=\"formToken\" value=\"0123abcd\" />").Count);
        Assert.Equal(2, Regex.Matches(html, "action=\"/links/abc.def\\?lang=en\"").Count);
        Assert.DoesNotContain("checked", html, StringComparison.Ordinal);
        Assert.Contains("<output id=\"total\">—</output>", html, StringComparison.Ordinal);
        Assert.Contains("<details>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"file-link\" href=\"/links/abc.def/files/f1\" download>thuyết minh.pdf</a> <span class=\"hint\">(2.3 MB)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/review.js?v=test\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"error-summary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_ScoresPostedWithErrors_KeepsWhatWasTyped_SumsIt_AndLinksEachError()
    {
        var first = TheRubric.Criteria[0];
        var values = TheRubric.Criteria.Select(c => (ReviewSubmission.PointsPrefix + c.Code, c == first ? "99" : "1")).ToList();
        values.Add((ReviewPageModel.IntentField, ReviewPageModel.ScoreIntent));
        values.Add((ReviewSubmission.RecommendationField, "revise"));
        values.Add((ReviewSubmission.CommentField, "<script>alert(1)</script>"));
        var errors = new BilingualErrors().Add(ReviewSubmission.PointsPrefix + first.Code, "Điểm quá lớn.", "Too many points.");

        var html = await PageAsync<ReviewPage, ReviewPageModel>(Model(Posted([.. values]), errors), Language.English);

        Assert.Contains($"<li><a href=\"#points-{first.Code}\">Too many points.</a></li>", html, StringComparison.Ordinal);
        var tag = WebTestSupport.TagWithId(html, ReviewSubmission.PointsPrefix + first.Code);
        Assert.Contains("value=\"99\" aria-invalid=\"true\"", tag, StringComparison.Ordinal);
        Assert.Contains($"<output id=\"total\">{99 + TheRubric.Criteria.Count - 1}</output>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"recommendation-revise\" value=\"revise\" checked", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<details>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_ConflictPostedWithErrors_OpensTheDeclaration_AndTheScoreSheetStaysEmpty()
    {
        var posted = Posted((ReviewPageModel.IntentField, ReviewPageModel.ConflictIntent), (ReviewSubmission.StatementField, "Cổ đông"), (ReviewSubmission.PointsPrefix + TheRubric.Criteria[0].Code, "5"));
        var errors = new BilingualErrors().Add(ReviewSubmission.ConflictField, "Vui lòng đánh dấu ô xác nhận có xung đột lợi ích.", "Tick the box.");

        var html = await PageAsync<ReviewPage, ReviewPageModel>(Model(posted, errors));

        Assert.Contains("<details open>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" aria-live=\"polite\" id=\"conflict-error\">Vui lòng đánh dấu ô xác nhận có xung đột lợi ích.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"conflict\" id=\"conflict\" value=\"yes\"", html, StringComparison.Ordinal);
        Assert.Contains(">Cổ đông</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"5\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_NamesAreEscaped()
    {
        var html = await PageAsync<ReviewPage, ReviewPageModel>(Model(title: "Máy <script>alert('x')</script>", reviewer: "<img src=x onerror=alert(1)>"));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("Kính gửi &lt;img src=x onerror=alert(1)&gt;.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewRecordedPage_ScoresOrConflict()
    {
        var points = TheRubric.Criteria.ToDictionary(c => c.Code, c => c.MaxPoints);
        var scored = Review() with { State = ReviewState.Submitted, Points = points, Recommendation = KhuyenCong.Domain.Appraisal.Recommendation.Revise };
        var conflict = Review() with { State = ReviewState.Conflict, Comment = "Cổ đông" };

        var scoredHtml = await PageAsync<ReviewRecordedPage, ReviewRecordedPageModel>(new("Máy may", scored, TheRubric));
        var conflictHtml = await PageAsync<ReviewRecordedPage, ReviewRecordedPageModel>(new("Máy may", conflict, TheRubric), Language.English);

        Assert.Contains($"<strong id=\"recorded-total\">{TheRubric.TotalPoints}</strong> / {TheRubric.TotalPoints}", scoredHtml, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"recorded-recommendation\">Đề nghị chỉnh sửa, bổ sung</strong>", scoredHtml, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"decision\">Your conflict of interest has been recorded</h1>", conflictHtml, StringComparison.Ordinal);
    }
}
