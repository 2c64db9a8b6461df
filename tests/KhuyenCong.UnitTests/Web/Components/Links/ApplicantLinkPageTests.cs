using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components.Shared;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.Links.Report;
using KhuyenCong.Web.Pages.Links.Revision;
using KhuyenCong.Web.Pages.Links.Withdrawal;
using static KhuyenCong.UnitTests.Web.Components.Links.LinkPageData;

namespace KhuyenCong.UnitTests.Web.Components.Links;

/// <summary>The applicant's link pages (revision, withdrawal, report), the proposal's fields, and the link refusals.</summary>
public class ApplicantLinkPageTests
{
    private static readonly AttachmentInfo Dossier = new("f1", "thuyet-minh.pdf", "application/pdf", 1000, "00", Now);

    private static RevisionPageModel Revision(ProposalForm? values = null, IReadOnlySet<string>? removed = null, BilingualErrors? errors = null)
    {
        var proposal = Proposal("Máy may", Dossier);
        var screening = new ScreeningRecord(1, [new("quote-missing", "Thiếu báo giá", "Quote missing", true), new("earlier", "Đã hỗ trợ trước đây", "Supported before", false)], Now,
            ScreeningOutcome.RequestDocuments, "officer", Now, "Bổ sung <b>báo giá</b>.", Now.AddDays(15));
        return new(Form, proposal, screening, values ?? proposal.Submission.ToForm(), removed ?? new HashSet<string>(), new Dictionary<string, Bilingual>
        {
            [ProposalFields.Title] = new("Ví dụ: máy sấy.", "For example: a dryer."),
        }, new Bilingual("PDF, tối đa 20 MB.", "PDF, at most 20 MB."), errors);
    }

    [Fact]
    public async Task ProposalFieldInput_EachKind_ItsControl()
    {
        var choice = await ComponentRendering.RenderAsync<ProposalFieldInput>(Language.English, ("Rule", Rule(ProposalFields.Kind)), ("Value", "machinery"));
        var amount = await ComponentRendering.RenderAsync<ProposalFieldInput>(Language.Vietnamese, ("Rule", Rule(ProposalFields.TotalCost)), ("Value", "1.200.000.000"));
        var date = await ComponentRendering.RenderAsync<ProposalFieldInput>(Language.Vietnamese, ("Rule", Rule(ProposalFields.StartDate)), ("Value", "2026-03-01"));
        var phone = await ComponentRendering.RenderAsync<ProposalFieldInput>(Language.Vietnamese, ("Rule", Rule(ProposalFields.Phone)), ("Value", "0912"));
        var summary = await ComponentRendering.RenderAsync<ProposalFieldInput>(Language.Vietnamese, ("Rule", Rule(ProposalFields.Summary)), ("Value", "<b>"));

        Assert.Contains("<option value=\"machinery\" selected>", choice, StringComparison.Ordinal);
        Assert.Contains("<option value>— Choose —</option>", choice, StringComparison.Ordinal);
        Assert.Contains("type=\"text\" inputmode=\"numeric\" class=\"input-number\" id=\"totalCost\" name=\"totalCost\" value=\"1.200.000.000\"", amount, StringComparison.Ordinal);
        Assert.Contains("<span class=\"required\">(bắt buộc)</span>", amount, StringComparison.Ordinal);
        Assert.Contains("type=\"date\" id=\"startDate\" name=\"startDate\" value=\"2026-03-01\"", date, StringComparison.Ordinal);
        Assert.Contains("type=\"tel\" id=\"phone\" name=\"phone\" value=\"0912\"", phone, StringComparison.Ordinal);
        Assert.Contains("inputmode=\"tel\"", phone, StringComparison.Ordinal);
        Assert.Contains("rows=\"6\"", summary, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;</textarea>", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevisionPage_TheRequestTheFieldsTheTaxCodeShownNotSent_AndTheDossier()
    {
        var html = await PageAsync<RevisionPage, RevisionPageModel>(Revision());

        Assert.Contains("<p id=\"request-comment\" class=\"multiline\">Bổ sung &lt;b&gt;báo giá&lt;/b&gt;.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Thiếu báo giá</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã hỗ trợ trước đây", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\" accept-charset=\"utf-8\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Máy may\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"hint\" id=\"title-hint\">Ví dụ: máy sấy.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"taxCode\"", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"taxCode\">0901234567</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"remove\" value=\"f1\" id=\"remove-f1\" />", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"file\" id=\"attachments\" name=\"attachments\" multiple", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"note\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevisionPage_PostedWithErrors_KeepsTheValuesAndTicks_AndSaysTheFilesWereNotKept()
    {
        var values = Proposal().Submission.ToForm() with { Title = "", RequestedSupport = "1.300.000.000" };
        var errors = new BilingualErrors().Add(ProposalFields.Title, "Vui lòng nhập tên đề án.", "Enter the title.");

        var html = await PageAsync<RevisionPage, RevisionPageModel>(Revision(values, new HashSet<string> { "f1" }, errors));

        Assert.Contains("<li><a href=\"#title\">Vui lòng nhập tên đề án.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"requestedSupport\" value=\"1.300.000.000\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"remove\" value=\"f1\" id=\"remove-f1\" checked />", html, StringComparison.Ordinal);
        Assert.Contains("role=\"note\">Các tệp vừa chọn chưa được lưu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawalPages_AFormWithADestructiveButton_ThenTheConfirmation()
    {
        var model = new WithdrawalPageModel(Form, "Đào tạo <nghề>", "KC-2026-ABCD");

        var page = await PageAsync<WithdrawalPage, WithdrawalPageModel>(model);
        var done = await PageAsync<WithdrawalRecordedPage, WithdrawalPageModel>(model, Language.English);

        Assert.Contains("<strong id=\"proposal-title\">Đào tạo &lt;nghề&gt;</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" id=\"withdraw-form\" action=\"/links/abc.def?lang=en\">", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" class=\"button destructive\" id=\"confirm\">Xác nhận rút đề án</button>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"reason\" rows=\"3\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/track/KC-2026-ABCD\">See the proposal&#x27;s status</a>", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_ApprovedAmountContractEarlierReports_AndTheFormWithItsReportId()
    {
        var proposal = Proposal("Máy may", Dossier, new AttachmentInfo("f2", "bien-ban.pdf", "application/pdf", 10, "00", Now, AttachmentPurposes.Acceptance));
        var @case = new ProposalCase("p1", [], [], [], [], new ContractRecord("HĐ-<b>12</b>", new DateOnly(2026, 11, 15), null, "officer", Now),
            [new ProgressReport("r1", true, "Đã nghiệm thu <i>xong</i>.", ["f2"], Now)], null);
        var model = new ReportPageModel(Form, proposal, new ReportContext(@case, 220_000_000), "0123456789abcdef0123456789abcdef");

        var html = await PageAsync<ReportPage, ReportPageModel>(model);

        Assert.Contains("<dd id=\"approved-amount\">220.000.000 đồng</dd>", html, StringComparison.Ordinal);
        Assert.Contains("HĐ-&lt;b&gt;12&lt;/b&gt; ngày <time datetime=\"2026-11-15\">15/11/2026</time>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"multiline\">Đã nghiệm thu &lt;i&gt;xong&lt;/i&gt;.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"hint file-link\">bien-ban.pdf</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"{ReportForm.ReportIdField}\" value=\"0123456789abcdef0123456789abcdef\" />", html, StringComparison.Ordinal);
        Assert.Contains("name=\"acceptance\" id=\"acceptance\" value=\"yes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkConflictPage_TheReasonInItsLanguage_TheProposalAndItsStatus()
    {
        var model = new LinkConflictPageModel(new Bilingual("Đã ghi nhận: Phê duyệt (31/03/2026 20:05).", "Recorded: Approve (31/03/2026 20:05)."), "Máy <b>may</b>", "KC-2026-ABCD", ProposalStatus.Approved);

        var html = await PageAsync<LinkConflictPage, LinkConflictPageModel>(model, Language.English);

        Assert.Contains("<strong id=\"recorded-decision\">Recorded: Approve (31/03/2026 20:05).</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"proposal-title\">Máy &lt;b&gt;may&lt;/b&gt;</strong> (KC-2026-ABCD)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"current-status\" data-status=\"approved\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, "href=\"/.auth/login/aad?post_login_redirect_uri=%2Flinks%2Fx\" id=\"sign-in\"")]
    [InlineData(false, true, "<p id=\"sign-in\">LocalHost: mở lại đường liên kết kèm khóa chức năng")]
    [InlineData(true, false, "không có vai trò Giám đốc")]
    public async Task LinkStaffOnlyPage_SignInOffered_OnlyToWhoeverIsNotSignedIn(bool signedIn, bool localHost, string expected)
    {
        var html = await PageAsync<LinkStaffOnlyPage, LinkStaffOnlyPageModel>(new(signedIn, localHost, "/.auth/login/aad?post_login_redirect_uri=%2Flinks%2Fx"));

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(!signedIn, html.Contains("id=\"sign-in\"", StringComparison.Ordinal));
    }

    private static ProposalFieldRule Rule(string name) => ProposalFieldRules.All.Single(r => r.Name == name);
}
