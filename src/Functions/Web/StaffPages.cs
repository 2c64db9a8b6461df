using System.Globalization;
using System.Text;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Functions.Web;

/// <summary>
/// The staff pages: the proposal list and one proposal with the action forms valid at its status. Every stored value
/// is encoded. Forms post to the API routes: with <c>staff.js</c> as JSON, without JavaScript as an HTML form (the
/// route then answers with a redirect back here, or an error page).
/// </summary>
public static class StaffPages
{
    private static string E(string? value) => PageLayout.Encode(value);

    private static string T(Language l, string vi, string en) => PageLayout.Choose(l, vi, en);

    /// <summary>"&amp;code=…" when the page was opened with the LocalHost function key in the query (kept on links and forms), else "".</summary>
    private static string KeyQuery(HttpRequest request) =>
        request.Query["code"].ToString() is { Length: > 0 } code ? "&code=" + Uri.EscapeDataString(code) : string.Empty;

    private static string PageUrl(HttpRequest request, Language l, string path, string? extra = null) =>
        $"{path}?lang={l.ToCode()}{extra}{KeyQuery(request)}";

    /// <summary>The answer to a form post: a 303 back to the proposal's page on success, otherwise an error page with the problem.</summary>
    public static IActionResult FormAnswer(HttpRequest request, Language language, string proposalId, string action, IActionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = result switch
        {
            ObjectResult o => o.StatusCode ?? StatusCodes.Status200OK,
            StatusCodeResult s => s.StatusCode,
            _ => StatusCodes.Status200OK,
        };
        if (status is >= 200 and < 300)
        {
            request.HttpContext.Response.Headers.Location = PageUrl(request, language, $"/staff/proposals/{Uri.EscapeDataString(proposalId)}", "&done=" + Uri.EscapeDataString(action));
            return new StatusCodeResult(StatusCodes.Status303SeeOther);
        }

        var html = new StringBuilder();
        var problem = ProblemReader.Read(result);
        html.Append("<h1>").Append(E(problem?.Title ?? T(language, "Không thực hiện được", "Not done"))).Append("</h1>\n");
        html.Append("<div class=\"error-summary\" role=\"alert\"><p>").Append(E(problem?.Detail)).Append("</p>");
        if (problem is { Errors: { Count: > 0 } errors })
        {
            html.Append("<ul>");
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    html.Append("<li><code>").Append(E(field)).Append("</code>: ").Append(E(message)).Append("</li>");
                }
            }

            html.Append("</ul>");
        }

        html.Append("</div>\n<p><a href=\"").Append(E(PageUrl(request, language, $"/staff/proposals/{Uri.EscapeDataString(proposalId)}")))
            .Append("\">").Append(E(T(language, "Quay lại đề án", "Back to the proposal"))).Append("</a></p>");
        return PageLayout.Page(request, language, T(language, "Không thực hiện được", "Not done"), html.ToString(), statusCode: status);
    }

    /// <summary>401 or 403 as a page.</summary>
    public static IActionResult Denied(HttpRequest request, Language language, int status) =>
        PageLayout.Page(request, language, T(language, "Cần đăng nhập", "Sign-in required"),
            "<h1>" + E(status == StatusCodes.Status401Unauthorized ? T(language, "Cần đăng nhập", "Sign-in required") : T(language, "Không có quyền", "Not allowed")) + "</h1>\n<p>"
            + E(T(language, "Trang này dành cho cán bộ Trung tâm Khuyến công có quyền phù hợp.", "This page is for staff of the Industrial Promotion Centre with the right role.")) + "</p>",
            statusCode: status);

    public static IActionResult NotFound(HttpRequest request, Language language) =>
        PageLayout.Page(request, language, T(language, "Không tìm thấy", "Not found"),
            "<h1>" + E(T(language, "Không có đề án này", "No such proposal")) + "</h1>\n<p><a href=\"" + E(PageUrl(request, language, "/staff/proposals")) + "\">"
            + E(T(language, "Danh sách đề án", "Proposal list")) + "</a></p>", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The list page: the filters of <c>GET /api/proposals</c> as a GET form, and the matching proposals.</summary>
    public static IActionResult List(HttpRequest request, Language l, ProposalListRequest list, IReadOnlyList<ProposalSummary>? items)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(list);
        var q = list.Query;
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(T(l, "Đề án khuyến công", "Industrial promotion proposals"))).Append("</h1>\n");
        html.Append("<form method=\"get\" action=\"/staff/proposals\" class=\"staff-filters\" id=\"filters\">\n");
        html.Append("<input type=\"hidden\" name=\"lang\" value=\"").Append(l.ToCode()).Append("\">\n");
        if (request.Query["code"].ToString() is { Length: > 0 } code)
        {
            html.Append("<input type=\"hidden\" name=\"code\" value=\"").Append(E(code)).Append("\">\n");
        }

        Field(html, "filter-year", T(l, "Năm", "Year"), $"<input id=\"filter-year\" name=\"year\" inputmode=\"numeric\" value=\"{q.Year.ToString(CultureInfo.InvariantCulture)}\" size=\"6\">", list.Errors.GetValueOrDefault("year"));
        Select(html, "filter-status", "status", T(l, "Tình trạng", "Status"), l,
            Enum.GetValues<ProposalStatus>().Select(s => (s.ToCode(), ProposalStatusLabels.Label(s, l))), q.Status?.ToCode(), list.Errors.GetValueOrDefault("status"));
        Select(html, "filter-kind", "kind", T(l, "Nội dung hỗ trợ", "Kind"), l,
            ProposalCatalog.Kinds.Select(k => (k.Code, k.Value.DisplayName(l))), q.Kind?.ToCode(), list.Errors.GetValueOrDefault("kind"));
        Select(html, "filter-source", "fundingSource", T(l, "Nguồn kinh phí", "Funding source"), l,
            ProposalCatalog.FundingSources.Select(f => (f.Code, f.Value.DisplayName(l))), q.FundingSource?.ToCode(), list.Errors.GetValueOrDefault("fundingSource"));
        Field(html, "filter-q", T(l, "Tìm kiếm (tên đề án, cơ sở, mã số thuế, mã theo dõi)", "Search (title, establishment, tax code, tracking code)"),
            $"<input id=\"filter-q\" name=\"q\" value=\"{E(request.Query["q"].ToString())}\" maxlength=\"200\">", list.Errors.GetValueOrDefault("q"));
        html.Append("<button class=\"button\" type=\"submit\">").Append(E(T(l, "Lọc", "Filter"))).Append("</button>\n</form>\n");

        if (items is null)
        {
            return PageLayout.Page(request, l, T(l, "Đề án", "Proposals"), html.ToString(), statusCode: StatusCodes.Status400BadRequest);
        }

        var pageItems = items.Skip((list.Page - 1) * list.PageSize).Take(list.PageSize).ToList();
        html.Append("<p>").Append(E(T(l, $"{items.Count} đề án năm {q.Year}.", $"{items.Count} proposal(s) in {q.Year}."))).Append("</p>\n");
        if (pageItems.Count > 0)
        {
            html.Append("<table class=\"staff-table\" id=\"proposal-list\">\n<thead><tr><th scope=\"col\">").Append(E(T(l, "Mã theo dõi", "Tracking code")))
                .Append("</th><th scope=\"col\">").Append(E(T(l, "Đề án", "Proposal"))).Append("</th><th scope=\"col\">").Append(E(T(l, "Cơ sở", "Establishment")))
                .Append("</th><th scope=\"col\">").Append(E(T(l, "Tình trạng", "Status"))).Append("</th><th scope=\"col\">").Append(E(T(l, "Đề nghị hỗ trợ (đồng)", "Requested (VND)")))
                .Append("</th><th scope=\"col\">").Append(E(T(l, "Ngày nộp", "Submitted"))).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var p in pageItems)
            {
                html.Append("<tr><td>").Append(E(p.TrackingCode)).Append("</td><td><a href=\"")
                    .Append(E(PageUrl(request, l, $"/staff/proposals/{Uri.EscapeDataString(p.Id)}"))).Append("\">").Append(E(p.Title)).Append("</a></td><td>")
                    .Append(E(p.OrganizationName)).Append("</td><td>").Append(E(ProposalStatusLabels.Label(p.Status, l))).Append("</td><td class=\"number\">")
                    .Append(E(DisplayFormat.Amount(p.RequestedSupport, l))).Append("</td><td>").Append(E(Date(p.SubmittedAt, l))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        var pages = Math.Max(1, (items.Count + list.PageSize - 1) / list.PageSize);
        if (pages > 1)
        {
            html.Append("<nav class=\"pager\" aria-label=\"").Append(E(T(l, "Trang", "Pages"))).Append("\"><p>");
            for (var n = 1; n <= pages; n++)
            {
                var query = new StringBuilder();
                foreach (var (key, value) in request.Query.Where(kv => kv.Key is not "page" and not "lang" and not "code"))
                {
                    query.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value.ToString()));
                }

                query.Append("&page=").Append(n.ToString(CultureInfo.InvariantCulture));
                html.Append(n == list.Page ? $"<strong aria-current=\"page\">{n}</strong> " : $"<a href=\"{E(PageUrl(request, l, "/staff/proposals", query.ToString()))}\">{n}</a> ");
            }

            html.Append("</p></nav>\n");
        }

        return PageLayout.Page(request, l, T(l, "Đề án", "Proposals"), html.ToString());
    }

    /// <summary>One proposal: its record, case, money and history, and the forms valid at its status for the staff member's roles.</summary>
    public static IActionResult Detail(HttpRequest request, Language l, StaffPrincipal staff, string formToken, ProposalDossier dossier, string? done)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(dossier);
        var p = dossier.Proposal;
        var s = p.Submission;
        var c = dossier.Case;
        var id = Uri.EscapeDataString(p.Id);
        var html = new StringBuilder();
        html.Append("<p><a href=\"").Append(E(PageUrl(request, l, "/staff/proposals"))).Append("\">").Append(E(T(l, "← Danh sách đề án", "← Proposal list"))).Append("</a></p>\n");
        html.Append("<h1>").Append(E(s.Title)).Append("</h1>\n");
        if (!string.IsNullOrEmpty(done))
        {
            html.Append("<div class=\"submit-message\" role=\"status\" id=\"done\"><p>")
                .Append(E(T(l, "Đã ghi nhận. Tình trạng đề án sẽ được cập nhật trong giây lát.", "Recorded. The proposal's status will be updated in a moment.")))
                .Append("</p></div>\n");
        }

        html.Append("<dl class=\"staff-facts\">\n");
        Fact(html, T(l, "Mã theo dõi", "Tracking code"), p.TrackingCode);
        Fact(html, T(l, "Tình trạng", "Status"), ProposalStatusLabels.Label(p.Status, l), "status", p.Status.ToCode());
        Fact(html, T(l, "Cơ sở", "Establishment"), $"{s.OrganizationName} ({s.TaxCode})");
        Fact(html, T(l, "Người đại diện", "Representative"), $"{s.Representative} · {s.Email} · {s.Phone}");
        Fact(html, T(l, "Địa chỉ", "Address"), $"{s.Address}, {s.Commune}, {s.Province}");
        Fact(html, T(l, "Nội dung hỗ trợ", "Kind"), s.Kind.DisplayName(l));
        Fact(html, T(l, "Lĩnh vực", "Sector"), s.Sector);
        Fact(html, T(l, "Nguồn kinh phí", "Funding source"), s.FundingSource.DisplayName(l));
        Fact(html, T(l, "Tổng kinh phí", "Total cost"), Money(s.TotalCost, l));
        Fact(html, T(l, "Đề nghị hỗ trợ", "Requested support"), Money(s.RequestedSupport, l));
        Fact(html, T(l, "Vốn đối ứng", "Own contribution"), Money(s.OwnContribution, l));
        Fact(html, T(l, "Thời gian thực hiện", "Period"), $"{DisplayFormat.Date(s.StartDate, l)} – {DisplayFormat.Date(s.EndDate, l)}");
        Fact(html, T(l, "Ngày nộp", "Submitted"), Date(p.SubmittedAt, l));
        if (p.EarlierProposalCount > 0)
        {
            Fact(html, T(l, "Đề án trước của cơ sở (5 năm)", "Earlier proposals (5 years)"), string.Join("; ", p.EarlierProposals.Select(e => $"{e.TrackingCode} {e.Title} ({ProposalStatusLabels.Label(e.Status, l)})")));
        }

        html.Append("</dl>\n<h2>").Append(E(T(l, "Tóm tắt", "Summary"))).Append("</h2>\n<p class=\"pre\">").Append(E(s.Summary)).Append("</p>\n");

        Actions(html, request, l, staff, formToken, dossier, id);

        html.Append("<h2>").Append(E(T(l, "Tệp đính kèm", "Attachments"))).Append("</h2>\n");
        if (p.Attachments.Count == 0)
        {
            html.Append("<p>").Append(E(T(l, "Không có.", "None."))).Append("</p>\n");
        }
        else
        {
            html.Append("<ul>\n");
            foreach (var a in p.Attachments)
            {
                html.Append("<li><a href=\"").Append(E(AttachmentUrl(request, l, p.Id, a.Id))).Append("\">").Append(E(a.FileName)).Append("</a> (")
                    .Append(E(a.ContentType)).Append(", ").Append(E(DisplayFormat.Amount(a.Size, l))).Append(" bytes)</li>\n");
            }

            html.Append("</ul>\n");
        }

        Screenings(html, l, c);
        Reviews(html, l, c);
        Approvals(html, l, c);
        Contract(html, l, c);
        Reports(html, request, l, p, c);
        Money(html, l, dossier);

        html.Append("<h2>").Append(E(T(l, "Lịch sử", "History"))).Append("</h2>\n<ol class=\"history\">\n");
        foreach (var h in p.History)
        {
            html.Append("<li>").Append(E(Date(h.At, l, withTime: true))).Append(": ").Append(E(h.From is { } from ? ProposalStatusLabels.Label(from, l) + " → " : string.Empty))
                .Append(E(ProposalStatusLabels.Label(h.To, l))).Append(" (").Append(E(h.By)).Append(')')
                .Append(string.IsNullOrEmpty(h.Comment) ? string.Empty : ": " + E(h.Comment)).Append("</li>\n");
        }

        html.Append("</ol>\n<h2>").Append(E(T(l, "Email đã gửi", "Emails sent"))).Append("</h2>\n<ul>\n");
        foreach (var email in dossier.Emails)
        {
            html.Append("<li>").Append(E(Date(email.SentAt, l, withTime: true))).Append(": ").Append(E(email.Subject)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        var script = "<script src=\"" + E(StaticAssets.Url("staff.js")) + "\" defer></script>";
        return PageLayout.Page(request, l, s.Title, html.ToString(), script);
    }

    private static void Actions(StringBuilder html, HttpRequest request, Language l, StaffPrincipal staff, string formToken, ProposalDossier dossier, string id)
    {
        var p = dossier.Proposal;
        var c = dossier.Case;
        var officer = staff.IsInRole(StaffRoles.Officer);
        var finance = staff.IsInRole(StaffRoles.Finance);
        var forms = new StringBuilder();
        string Action(string path) => E(PageUrl(request, l, $"/api/proposals/{id}/{path}"));

        if (officer && p.Status == ProposalStatus.Screening && c.CurrentScreening is { Outcome: null } screening)
        {
            forms.Append(FormStart(formToken, "form-screening", Action("screening"), T(l, $"Quyết định kiểm tra hồ sơ (vòng {screening.Round})", $"Screening decision (round {screening.Round})")));
            forms.Append(SelectControl("screening-decision", "decision", T(l, "Quyết định", "Decision"), l,
                [("accept", T(l, "Tiếp nhận, chuyển thẩm định", "Accept: on to appraisal")), ("request-documents", T(l, "Yêu cầu bổ sung hồ sơ", "Request documents")), ("reject", T(l, "Không tiếp nhận", "Reject"))],
                null, required: true));
            forms.Append(TextArea("screening-comment", "comment", T(l, "Ý kiến (bắt buộc khi yêu cầu bổ sung hoặc không tiếp nhận; cơ sở sẽ nhận được)", "Comment (required to request documents or reject; the applicant receives it)"), 2000, required: false));
            forms.Append(FormEnd(T(l, "Ghi nhận quyết định", "Record the decision")));
        }

        if (officer && p.Status == ProposalStatus.InReview)
        {
            foreach (var review in c.ReviewsOf(c.AppraisalRound).Where(r => r.IsOpen))
            {
                var rid = Uri.EscapeDataString(review.ReviewerId);
                forms.Append(FormStart(formToken, "form-replace-" + review.ReviewerId, Action($"reviewers/{rid}/replace"),
                    T(l, $"Thay thành viên hội đồng: {review.ReviewerName}", $"Replace reviewer: {review.ReviewerName}")));
                forms.Append(TextArea("replace-reason-" + review.ReviewerId, "reason", T(l, "Lý do", "Reason"), 1000, required: true));
                forms.Append(FormEnd(T(l, "Thay thành viên", "Replace the reviewer")));
            }
        }

        if (officer && p.Status == ProposalStatus.Approved && c.Contract is null)
        {
            forms.Append(FormStart(formToken, "form-contract", Action("contract"), T(l, "Ghi nhận hợp đồng", "Record the contract")));
            forms.Append(Input("contract-number", "contractNumber", T(l, "Số hợp đồng", "Contract number"), "text", required: true, maxLength: 100));
            forms.Append(Input("contract-date", "contractDate", T(l, "Ngày ký (yyyy-MM-dd)", "Signed on (yyyy-MM-dd)"), "date", required: true));
            forms.Append(TextArea("contract-note", "note", T(l, "Ghi chú", "Note"), 2000, required: false));
            forms.Append(FormEnd(T(l, "Ghi nhận hợp đồng", "Record the contract")));
        }

        if (finance && p.Status is ProposalStatus.InProgress or ProposalStatus.Accepted)
        {
            var kinds = new List<(string, string)> { ("advance", T(l, "Tạm ứng", "Advance")) };
            if (p.Status == ProposalStatus.Accepted && dossier.Payments.All(x => x.Kind != Domain.Budgets.PaymentKind.Final))
            {
                kinds.Add(("final", T(l, "Thanh toán cuối (quyết toán)", "Final payment (settlement)")));
            }

            forms.Append(FormStart(formToken, "form-payment", Action("payments"), T(l, "Ghi nhận thanh toán", "Record a payment")));
            forms.Append("<input type=\"hidden\" name=\"paymentId\" value=\"").Append(Guid.NewGuid().ToString("N")).Append("\">\n");
            forms.Append(SelectControl("payment-kind", "kind", T(l, "Loại", "Kind"), l, kinds, null, required: true));
            forms.Append(Input("payment-amount", "amount", T(l, "Số tiền (đồng)", "Amount (VND)"), "text", required: true, maxLength: 20, inputMode: "numeric"));
            if (dossier.Commitment is { } commitment)
            {
                forms.Append("<p class=\"hint\">").Append(E(T(l, $"Còn có thể thanh toán: {Money(commitment.Unpaid, l)}.", $"Remaining to pay: {Money(commitment.Unpaid, l)}."))).Append("</p>\n");
            }

            forms.Append(FormEnd(T(l, "Ghi nhận thanh toán", "Record the payment")));
        }

        if (officer && p.Status == ProposalStatus.InProgress && c.Acceptance is null)
        {
            if (c.HasAcceptancePapers)
            {
                forms.Append(FormStart(formToken, "form-acceptance", Action("acceptance"), T(l, "Xác nhận nghiệm thu", "Confirm acceptance")));
                forms.Append(Input("acceptance-date", "acceptedOn", T(l, "Ngày nghiệm thu (yyyy-MM-dd)", "Accepted on (yyyy-MM-dd)"), "date", required: true));
                forms.Append(TextArea("acceptance-comment", "comment", T(l, "Ý kiến", "Comment"), 2000, required: false));
                forms.Append(FormEnd(T(l, "Xác nhận nghiệm thu", "Confirm acceptance")));
            }
            else
            {
                forms.Append("<p id=\"acceptance-waiting\">").Append(E(T(l, "Chưa thể xác nhận nghiệm thu: cơ sở chưa gửi biên bản nghiệm thu.", "Acceptance cannot be confirmed yet: the applicant has not sent the acceptance papers."))).Append("</p>\n");
            }
        }

        if (officer && !p.Status.IsFinal())
        {
            forms.Append(FormStart(formToken, "form-cancel", Action("cancel"), T(l, "Hủy đề án", "Cancel the proposal")));
            forms.Append(TextArea("cancel-reason", "reason", T(l, "Lý do hủy (cơ sở sẽ nhận được)", "Reason (the applicant receives it)"), 1000, required: true));
            forms.Append(FormEnd(T(l, "Hủy đề án", "Cancel the proposal")));
        }

        html.Append("<h2>").Append(E(T(l, "Thao tác", "Actions"))).Append("</h2>\n");
        html.Append(forms.Length == 0 ? "<p>" + E(T(l, "Không có thao tác nào ở bước này.", "Nothing to do at this stage.")) + "</p>\n" : forms.ToString());
    }

    private static void Screenings(StringBuilder html, Language l, ProposalCase c)
    {
        html.Append("<h2>").Append(E(T(l, "Kiểm tra hồ sơ", "Screening"))).Append("</h2>\n");
        if (c.Screenings.Count == 0)
        {
            html.Append("<p>").Append(E(T(l, "Chưa có.", "None yet."))).Append("</p>\n");
            return;
        }

        foreach (var s in c.Screenings)
        {
            html.Append("<h3>").Append(E(T(l, $"Vòng {s.Round}", $"Round {s.Round}"))).Append("</h3>\n<ul>\n");
            foreach (var f in s.Findings)
            {
                html.Append("<li>").Append(f.Blocking ? "<strong>" : string.Empty).Append(E(T(l, f.Vi, f.En))).Append(f.Blocking ? "</strong>" : string.Empty).Append("</li>\n");
            }

            html.Append("</ul>\n<p>");
            html.Append(s.Outcome is { } outcome
                ? E(T(l, "Quyết định: ", "Decision: ") + ScreeningLabel(outcome, l) + $" ({s.DecidedBy}, {Date(s.DecidedAt ?? default, l, withTime: true)})") + (s.Comment is null ? string.Empty : " – " + E(s.Comment))
                : E(T(l, "Chưa có quyết định.", "Not decided yet.")));
            if (s.RevisionDueAt is { } due)
            {
                html.Append(" ").Append(E(T(l, $"Hạn bổ sung: {Date(due, l)}.", $"Revision due: {Date(due, l)}.")));
            }

            html.Append("</p>\n");
        }
    }

    private static void Reviews(StringBuilder html, Language l, ProposalCase c)
    {
        html.Append("<h2>").Append(E(T(l, "Thẩm định", "Appraisal"))).Append("</h2>\n");
        if (c.Reviews.Count == 0)
        {
            html.Append("<p>").Append(E(T(l, "Chưa có.", "None yet."))).Append("</p>\n");
        }
        else
        {
            html.Append("<table class=\"staff-table\" id=\"reviews\">\n<thead><tr><th scope=\"col\">").Append(E(T(l, "Vòng", "Round"))).Append("</th><th scope=\"col\">")
                .Append(E(T(l, "Thành viên", "Reviewer"))).Append("</th><th scope=\"col\">").Append(E(T(l, "Trạng thái", "State"))).Append("</th><th scope=\"col\">")
                .Append(E(T(l, "Tổng điểm", "Total"))).Append("</th><th scope=\"col\">").Append(E(T(l, "Đề xuất", "Recommendation"))).Append("</th><th scope=\"col\">")
                .Append(E(T(l, "Mời / hạn / trả lời", "Invited / due / answered"))).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var r in c.Reviews)
            {
                html.Append("<tr><td>").Append(r.Round.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(r.ReviewerName)).Append("</td><td>")
                    .Append(E(ReviewLabel(r.State, l))).Append(r.Comment is null ? string.Empty : ": " + E(r.Comment)).Append("</td><td>")
                    .Append(r.Total?.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td><td>").Append(E(r.Recommendation is { } rec ? KhuyenCong.Domain.Appraisal.RecommendationCodes.ToCode(rec) : "–")).Append("</td><td>")
                    .Append(E(Date(r.InvitedAt, l))).Append(" / ").Append(E(Date(r.DueAt, l))).Append(" / ").Append(E(r.DecidedAt is { } d ? Date(d, l) : "–")).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        foreach (var v in c.Verdicts)
        {
            html.Append("<p>").Append(E(T(l,
                $"Kết luận vòng {v.Round}: {(v.Passed ? "đạt" : "không đạt")}, điểm trung bình {DisplayFormat.Percent(v.AverageTotal, l)}/{v.MaxTotal}.",
                $"Verdict of round {v.Round}: {(v.Passed ? "passed" : "not passed")}, average {DisplayFormat.Percent(v.AverageTotal, l)}/{v.MaxTotal}.")));
            foreach (var reason in v.Reasons)
            {
                html.Append(' ').Append(E(reason));
            }

            html.Append("</p>\n");
        }
    }

    private static void Approvals(StringBuilder html, Language l, ProposalCase c)
    {
        if (c.Approvals.Count == 0)
        {
            return;
        }

        html.Append("<h2>").Append(E(T(l, "Phê duyệt", "Approval"))).Append("</h2>\n<ul>\n");
        foreach (var a in c.Approvals)
        {
            html.Append("<li>").Append(E(T(l, $"Vòng {a.Round}: ", $"Round {a.Round}: ") + ProposalDossier.Code(a.Outcome)))
                .Append(a.Amount is { } amount ? ", " + E(Money(amount, l)) : string.Empty)
                .Append(a.DecisionNumber is null ? string.Empty : ", " + E(T(l, "quyết định số ", "decision ") + a.DecisionNumber))
                .Append(a.DecisionDate is { } date ? " (" + E(DisplayFormat.Date(date, l)) + ")" : string.Empty)
                .Append(a.Comment is null ? string.Empty : " – " + E(a.Comment)).Append(" · ").Append(E(a.By)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void Contract(StringBuilder html, Language l, ProposalCase c)
    {
        if (c.Contract is not { } contract)
        {
            return;
        }

        html.Append("<h2>").Append(E(T(l, "Hợp đồng", "Contract"))).Append("</h2>\n<p id=\"contract\">")
            .Append(E(T(l, $"Số {contract.ContractNumber}, ký ngày {DisplayFormat.Date(contract.ContractDate, l)}", $"No. {contract.ContractNumber}, signed {DisplayFormat.Date(contract.ContractDate, l)}")))
            .Append(contract.Note is null ? string.Empty : " – " + E(contract.Note)).Append(" · ").Append(E(contract.By)).Append("</p>\n");
    }

    private static void Reports(StringBuilder html, HttpRequest request, Language l, Proposal p, ProposalCase c)
    {
        html.Append("<h2>").Append(E(T(l, "Báo cáo tiến độ và nghiệm thu", "Progress reports and acceptance"))).Append("</h2>\n");
        if (c.Reports.Count == 0)
        {
            html.Append("<p>").Append(E(T(l, "Chưa có báo cáo.", "No reports yet."))).Append("</p>\n");
        }
        else
        {
            html.Append("<ul>\n");
            foreach (var r in c.Reports)
            {
                html.Append("<li>").Append(E(Date(r.At, l))).Append(": ").Append(r.IsAcceptancePapers ? "<strong>" + E(T(l, "Biên bản nghiệm thu", "Acceptance papers")) + "</strong> – " : string.Empty)
                    .Append(E(r.Text));
                foreach (var attachmentId in r.AttachmentIds)
                {
                    var name = p.Attachments.FirstOrDefault(a => a.Id == attachmentId)?.FileName ?? attachmentId;
                    html.Append(" <a href=\"").Append(E(AttachmentUrl(request, l, p.Id, attachmentId))).Append("\">").Append(E(name)).Append("</a>");
                }

                html.Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (c.Acceptance is { } a)
        {
            html.Append("<p id=\"acceptance\">").Append(E(T(l, $"Đã nghiệm thu ngày {DisplayFormat.Date(a.AcceptedOn, l)}", $"Accepted on {DisplayFormat.Date(a.AcceptedOn, l)}")))
                .Append(a.Comment is null ? string.Empty : " – " + E(a.Comment)).Append(" · ").Append(E(a.By)).Append("</p>\n");
        }
    }

    private static void Money(StringBuilder html, Language l, ProposalDossier dossier)
    {
        html.Append("<h2>").Append(E(T(l, "Kinh phí và thanh toán", "Funding and payments"))).Append("</h2>\n");
        if (dossier.Commitment is { } c)
        {
            html.Append("<p id=\"commitment\">").Append(E(T(l,
                $"Đã cam kết {Money(c.Approved, l)}; đã thanh toán {Money(c.Paid, l)}; còn lại {Money(c.Unpaid, l)}{(c.IsReleased ? " (đã giải phóng)" : string.Empty)}.",
                $"Committed {Money(c.Approved, l)}; paid {Money(c.Paid, l)}; unpaid {Money(c.Unpaid, l)}{(c.IsReleased ? " (released)" : string.Empty)}."))).Append("</p>\n");
        }
        else
        {
            html.Append("<p>").Append(E(T(l, "Chưa có kinh phí được cam kết.", "No money committed yet."))).Append("</p>\n");
        }

        if (dossier.Payments.Count > 0)
        {
            html.Append("<ul id=\"payments\">\n");
            foreach (var pay in dossier.Payments)
            {
                html.Append("<li>").Append(E(Date(pay.At, l))).Append(": ")
                    .Append(E(pay.Kind == Domain.Budgets.PaymentKind.Final ? T(l, "thanh toán cuối", "final payment") : T(l, "tạm ứng", "advance")))
                    .Append(' ').Append(E(Money(pay.Amount, l))).Append(" · ").Append(E(pay.By)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    private static string AttachmentUrl(HttpRequest request, Language l, string proposalId, string attachmentId) =>
        PageUrl(request, l, $"/api/proposals/{Uri.EscapeDataString(proposalId)}/attachments/{Uri.EscapeDataString(attachmentId)}");

    private static string ScreeningLabel(ScreeningOutcome outcome, Language l) => outcome switch
    {
        ScreeningOutcome.Accept => T(l, "tiếp nhận", "accepted"),
        ScreeningOutcome.Reject => T(l, "không tiếp nhận", "rejected"),
        _ => T(l, "yêu cầu bổ sung hồ sơ", "documents requested"),
    };

    private static string ReviewLabel(ReviewState state, Language l) => state switch
    {
        ReviewState.Invited => T(l, "đang chờ", "waiting"),
        ReviewState.Submitted => T(l, "đã chấm", "submitted"),
        ReviewState.Conflict => T(l, "xung đột lợi ích", "conflict of interest"),
        _ => T(l, "đã thay", "replaced"),
    };

    private static string Money(long amount, Language l) => DisplayFormat.Amount(amount, l) + T(l, " đồng", " VND");

    private static string Date(DateTimeOffset at, Language l, bool withTime = false)
    {
        var local = at.ToOffset(VietnamTime.Offset);
        var date = DisplayFormat.Date(DateOnly.FromDateTime(local.DateTime), l);
        return withTime ? date + local.ToString(" HH:mm", CultureInfo.InvariantCulture) : date;
    }

    private static void Fact(StringBuilder html, string term, string value, string? dataName = null, string? dataValue = null)
    {
        html.Append("<div class=\"row\"><dt>").Append(E(term)).Append("</dt><dd");
        if (dataName is not null)
        {
            html.Append(" data-").Append(dataName).Append("=\"").Append(E(dataValue)).Append('"');
        }

        html.Append('>').Append(E(value)).Append("</dd></div>\n");
    }

    private static void Field(StringBuilder html, string id, string label, string control, IReadOnlyList<string>? errors)
    {
        html.Append("<div class=\"field\"><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>").Append(control);
        foreach (var error in errors ?? [])
        {
            html.Append("<p class=\"field-error\">").Append(E(error)).Append("</p>");
        }

        html.Append("</div>\n");
    }

    private static void Select(StringBuilder html, string id, string name, string label, Language l, IEnumerable<(string Code, string Label)> options, string? selected, IReadOnlyList<string>? errors) =>
        Field(html, id, label, SelectTag(id, name, l, options.Prepend((string.Empty, T(l, "Tất cả", "All"))), selected, required: false), errors);

    private static string SelectTag(string id, string name, Language l, IEnumerable<(string Code, string Label)> options, string? selected, bool required)
    {
        _ = l;
        var html = new StringBuilder();
        html.Append("<select id=\"").Append(id).Append("\" name=\"").Append(name).Append('"').Append(required ? " required" : string.Empty).Append('>');
        foreach (var (code, label) in options)
        {
            html.Append("<option value=\"").Append(E(code)).Append('"').Append(code == selected ? " selected" : string.Empty).Append('>').Append(E(label)).Append("</option>");
        }

        return html.Append("</select>").ToString();
    }

    /// <summary>The start of an action form, with the CSRF token (<see cref="StaffFormTokens"/>) its HTML post must carry.</summary>
    private static string FormStart(string formToken, string id, string action, string legend) =>
        $"<form method=\"post\" action=\"{action}\" id=\"{E(id)}\" class=\"staff-action\" data-staff-action>\n"
        + $"<input type=\"hidden\" name=\"{StaffFormTokens.FieldName}\" value=\"{E(formToken)}\">\n<fieldset>\n<legend>{E(legend)}</legend>\n";

    private static string FormEnd(string button) =>
        $"<p class=\"field-error\" role=\"alert\" data-error></p>\n<button class=\"button\" type=\"submit\">{E(button)}</button>\n</fieldset>\n</form>\n";

    private static string SelectControl(string id, string name, string label, Language l, IEnumerable<(string, string)> options, string? selected, bool required) =>
        $"<div class=\"field\"><label for=\"{E(id)}\">{E(label)}</label>{SelectTag(E(id), name, l, options, selected, required)}</div>\n";

    private static string Input(string id, string name, string label, string type, bool required, int? maxLength = null, string? inputMode = null) =>
        $"<div class=\"field\"><label for=\"{E(id)}\">{E(label)}</label><input id=\"{E(id)}\" name=\"{name}\" type=\"{type}\"{(required ? " required" : string.Empty)}"
        + (maxLength is { } max ? $" maxlength=\"{max.ToString(CultureInfo.InvariantCulture)}\"" : string.Empty)
        + (inputMode is null ? string.Empty : $" inputmode=\"{inputMode}\"") + "></div>\n";

    private static string TextArea(string id, string name, string label, int maxLength, bool required) =>
        $"<div class=\"field\"><label for=\"{E(id)}\">{E(label)}</label><textarea id=\"{E(id)}\" name=\"{name}\" rows=\"3\" maxlength=\"{maxLength.ToString(CultureInfo.InvariantCulture)}\"{(required ? " required" : string.Empty)}></textarea></div>\n";
}
