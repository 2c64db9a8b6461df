using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using static KhuyenCong.UnitTests.Web.Components.ComponentRendering;
using static KhuyenCong.UnitTests.Web.Staff.StaffPageData;

namespace KhuyenCong.UnitTests.Web.Staff;

public class StaffProposalPageTests
{
    private static async Task<string> RenderAsync(StaffProposalPageModel model, string path = "/staff/proposals/p-1")
    {
        var page = await Renderer.PageAsync<StaffProposalPage, StaffProposalPageModel>(WebTestSupport.Request(path), model.Links.Language, model);
        return page.Content!;
    }

    [Fact]
    public async Task Page_InScreening_OfficerGetsScreeningAndCancelFormsPostingWithLanguageAndKey()
    {
        var html = await RenderAsync(Model(Proposal(ProposalStatus.Screening), Case(OpenScreening()), Officer, functionKey: "k&1"));

        Assert.Equal(["form-screening"], FormIds(html));
        Assert.Contains("action=\"/api/proposals/p-1/screening?lang=vi&amp;code=k%261\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button destructive\" href=\"/staff/proposals/p-1/cancel?lang=vi&amp;code=k%261\" id=\"cancel-link\">", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/staff.js?v=test\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Thiếu báo giá &lt;thiết bị&gt;</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EveryPostForm_CarriesTheCsrfTokenEncoded()
    {
        var @case = Case(OpenScreening()) with { Reviews = [Review("r-1", ReviewState.Invited)] };
        var html = await RenderAsync(Model(Proposal(ProposalStatus.Screening), @case, Admin));

        var forms = Forms(html);
        Assert.NotEmpty(forms);
        Assert.All(forms, form =>
        {
            Assert.Contains("method=\"post\"", form.Tag, StringComparison.Ordinal);
            Assert.Contains("<input type=\"hidden\" name=\"csrfToken\" value=\"tok.en&quot;&lt;x&gt;\"", form.Body, StringComparison.Ordinal);
        });
        Assert.Equal(StaffFormTokens.FieldName, StaffActionForm.TokenFieldName);
    }

    [Fact]
    public async Task Page_ScreeningDecision_RadiosWithNoneCheckedAndCancelIsDestructive()
    {
        var html = await RenderAsync(Model(Proposal(ProposalStatus.Screening), Case(OpenScreening()), Officer));

        foreach (var decision in new[] { "accept", "request-documents", "reject" })
        {
            var radio = WebTestSupport.TagWithId(html, "screening-decision-" + decision);
            Assert.Equal("radio", WebTestSupport.Attribute(radio, "type"));
            Assert.Null(WebTestSupport.Attribute(radio, "checked"));
        }

        // Cancelling asks for confirmation on a page of its own: here a destructive link to it, no form.
        Assert.Matches("<a class=\"button destructive\" href=\"[^\"]*/staff/proposals/p-1/cancel[^\"]*\" id=\"cancel-link\">", html);
        Assert.DoesNotContain("id=\"form-cancel\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_HostileValues_AreEncodedEverywhere()
    {
        var proposal = Proposal(ProposalStatus.InReview, "Máy ép <script>alert(\"x\")</script> & sấy");
        var @case = Case() with { Reviews = [Review("r\"><x", ReviewState.Invited)] };

        var html = await RenderAsync(Model(proposal, @case, Officer));

        Assert.Contains("Máy ép &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; sấy", html, StringComparison.Ordinal);
        Assert.Contains("HTX &lt;Tiên Lữ&gt; (0101234567)", html, StringComparison.Ordinal);
        Assert.Contains("báo giá &lt;1&gt;.pdf", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/proposals/p-1/attachments/a%201?lang=vi\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"form-replace-r&quot;&gt;&lt;x\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/api/proposals/p-1/reviewers/r%22%3E%3Cx/replace?lang=vi\"", html, StringComparison.Ordinal);
        Assert.Contains("Xác nhận &lt;đã nhận&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InReview_ReplaceFormOnlyForOpenReviewsAndTheTableNamesStatesNotCodes()
    {
        var @case = Case() with { Reviews = [Review("open", ReviewState.Invited), Review("done", ReviewState.Submitted) with { Recommendation = KhuyenCong.Domain.Appraisal.Recommendation.Revise }] };

        var html = await RenderAsync(Model(Proposal(ProposalStatus.InReview), @case, Officer));

        Assert.Equal(["form-replace-open"], FormIds(html));
        Assert.Contains("<table id=\"reviews\" class=\"staff-table\">", html, StringComparison.Ordinal);
        Assert.Contains("đề nghị chỉnh sửa, bổ sung", html, StringComparison.Ordinal);
        Assert.Contains("đã chấm", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AcceptedForFinance_PaymentFormWithBothKindsTheRemainderAndANewPaymentId()
    {
        var html = await RenderAsync(Model(Proposal(ProposalStatus.Accepted), Case(), Finance, commitment: new Commitment("p-1", 200_000_000, 50_000_000)));

        Assert.Equal(["form-payment"], FormIds(html));
        Assert.Contains("<input type=\"hidden\" name=\"paymentId\" value=\"pay-1\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"advance\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"final\"", html, StringComparison.Ordinal);
        Assert.Contains("Còn có thể thanh toán: 150.000.000 đồng.", html, StringComparison.Ordinal);
        Assert.Equal("numeric", WebTestSupport.Attribute(WebTestSupport.TagWithId(html, "payment-amount"), "inputmode"));
        Assert.Contains("<p id=\"commitment\">Đã cam kết 200.000.000 đồng; đã thanh toán 50.000.000 đồng; còn lại 150.000.000 đồng.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_InProgressWithoutPapers_SaysAcceptanceWaitsInEnglish()
    {
        var html = await RenderAsync(Model(Proposal(ProposalStatus.InProgress), Case(), Officer, language: Language.English), "/staff/proposals/p-1?lang=en");

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"acceptance-waiting\">Acceptance cannot be confirmed yet", html, StringComparison.Ordinal);
        Assert.Empty(FormIds(html));
        Assert.Contains("id=\"cancel-link\"", html, StringComparison.Ordinal);
        Assert.Contains("200,000,000 VND", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SettledForFinance_NothingToDo()
    {
        var payments = new[] { new BudgetPayment("x", "p-1", PaymentKind.Final, 10, "ke.toan", StaffPageData.Submitted) };

        var html = await RenderAsync(Model(Proposal(ProposalStatus.Settled), Case(), Finance, payments));

        Assert.Empty(FormIds(html));
        Assert.Contains("Không có thao tác nào ở bước này.", html, StringComparison.Ordinal);
        Assert.Contains("<ul id=\"payments\">", html, StringComparison.Ordinal);
        Assert.Contains("thanh toán cuối (quyết toán)", html, StringComparison.Ordinal);
    }
}
