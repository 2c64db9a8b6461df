using System.Globalization;
using System.Text;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Functions.Links.LinkPageKit;

namespace KhuyenCong.Functions.Links;

/// <summary>
/// The director's approval link (subject "director", round = approval round): the proposal, the reviews, the council's
/// verdict, the cap and the budget, and the decision form. Approving first commits the amount in the budget ledger
/// (refused: nothing is stored and the link stays usable); single-use through <see cref="ILinkUseStore"/>, so a
/// double post never commits or decides twice. The link shows the page to whoever holds it, but only the signed-in
/// director decides (<see cref="DecidingRole"/>; a forwarded email commits no budget), and the decision records who
/// (<see cref="KhuyenCong.Application.Identity.StaffPrincipal.Actor"/>: name and Entra object id).
/// </summary>
public sealed class ApprovalLinkPage(
    IProposalCaseStore cases,
    IBudgetLedger ledger,
    CapAssessment caps,
    ILinkUseStore uses,
    TimeProvider time,
    ILogger<ApprovalLinkPage> logger) : ILinkPage
{
    public const string DecisionField = "decision";
    public const string AmountField = "amount";
    public const string DecisionNumberField = "decisionNumber";
    public const string DecisionDateField = "decisionDate";
    public const string CommentField = "comment";
    public const int MaxDecisionNumberLength = 50;

    public string Action => LinkActions.Approve;

    public string? DecidingRole => StaffRoles.Director;

    private sealed record Facts(ProposalCase Case, SupportCap? Cap, long MaxAmount, BudgetLine Budget);

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (facts, refusal) = await OpenAsync(link, cancellationToken);
        return refusal ?? Render(link, facts!, Errors(), null);
    }

    public async Task<IActionResult> DecideAsync(LinkRequest link, DurableTaskClient durableClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(durableClient);
        var form = link.Http.HasFormContentType ? await link.Http.ReadFormAsync(cancellationToken) : null;
        if (form is null || !link.IsValidFormToken(form[FormTokenField]))
        {
            return InvalidForm(link);
        }

        var (facts, refusal) = await OpenAsync(link, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var posted = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var errors = Errors();
        var requested = link.Proposal.Submission.RequestedSupport;
        long? amount = null;
        string? number = null;
        DateOnly? date = null;
        var comment = Text(form[CommentField]);
        if (!TryParseOutcome(form[DecisionField], out var outcome))
        {
            Add(errors, DecisionField, link.T("Vui lòng chọn quyết định: phê duyệt, yêu cầu chỉnh sửa hoặc không phê duyệt.", "Choose a decision: approve, revise or reject."));
        }
        else if (outcome == DirectorOutcome.Approve)
        {
            var digits = (form[AmountField].ToString() ?? string.Empty).Replace(".", string.Empty, StringComparison.Ordinal)
                .Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (digits.Length == 0)
            {
                Add(errors, AmountField, link.T("Vui lòng nhập số tiền phê duyệt.", "Enter the approved amount."));
            }
            else if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > requested)
            {
                Add(errors, AmountField, link.T(
                    $"Số tiền phê duyệt phải từ 1 đến {Money(requested, Language.Vietnamese)} (số đề nghị hỗ trợ).",
                    $"The approved amount must be from 1 to {Money(requested, Language.English)} (the support requested)."));
            }
            else if (value > facts!.MaxAmount)
            {
                Add(errors, AmountField, link.T(
                    $"Số tiền phê duyệt vượt mức trần hỗ trợ {Money(facts.MaxAmount, Language.Vietnamese)} ({facts.Cap?.Basis}).",
                    $"The approved amount is above the cap of {Money(facts.MaxAmount, Language.English)} ({facts.Cap?.Basis})."));
            }
            else
            {
                amount = value;
            }

            number = Text(form[DecisionNumberField], TextMode.SingleLine);
            if (number.Length == 0)
            {
                Add(errors, DecisionNumberField, link.T("Vui lòng nhập số quyết định.", "Enter the decision number."));
            }
            else if (number.Length > MaxDecisionNumberLength)
            {
                Add(errors, DecisionNumberField, link.T($"Số quyết định không được dài quá {MaxDecisionNumberLength} ký tự.", $"The decision number is at most {MaxDecisionNumberLength} characters."));
            }

            if (DateOnly.TryParseExact(form[DecisionDateField].ToString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && d.Year is >= 2000 and <= 2100)
            {
                date = d;
            }
            else
            {
                Add(errors, DecisionDateField, link.T("Vui lòng nhập ngày quyết định (ngày/tháng/năm).", "Enter the decision date."));
            }
        }
        else if (comment.Length == 0)
        {
            Add(errors, CommentField, outcome == DirectorOutcome.Reject
                ? link.T("Vui lòng nêu lý do không phê duyệt (cơ sở sẽ nhận được nội dung này).", "Give the reason for rejecting (the applicant receives it).")
                : link.T("Vui lòng nêu nội dung cần chỉnh sửa, bổ sung (cơ sở sẽ nhận được nội dung này).", "Say what must be revised (the applicant receives it)."));
        }

        if (comment.Length > MaxCommentLength)
        {
            Add(errors, CommentField, link.T($"Nội dung không được dài quá {MaxCommentLength} ký tự.", $"At most {MaxCommentLength} characters."));
        }

        if (errors.Count > 0)
        {
            return Render(link, facts!, errors, posted, StatusCodes.Status422UnprocessableEntity);
        }

        var proposal = link.Proposal;
        var claims = link.Claims;
        // LinkFunctions lets a decision through only with the director's principal; never decide without one.
        var by = link.Staff?.Actor ?? throw new InvalidOperationException("An approval decision reached the page without the director's principal.");
        var (first, use) = await uses.TryUseAsync(claims.LinkId, proposal.Id, OutcomeCode(outcome), cancellationToken);
        if (!first)
        {
            return Used(link, use);
        }

        if (outcome == DirectorOutcome.Approve)
        {
            var key = new BudgetKey(proposal.Year, proposal.Submission.FundingSource);
            var commit = await ledger.CommitAsync(key, proposal.Id, amount!.Value, by, cancellationToken);
            if (commit.Outcome != CommitOutcome.Committed)
            {
                // Nothing was committed: the director may choose another amount, or decide otherwise, with the same link.
                await uses.ReleaseAsync(claims.LinkId, CancellationToken.None);
                Add(errors, AmountField, commit.Refusal?.Message(link.Language) ?? link.T("Không cam kết được kinh phí.", "The amount could not be committed."));
                var budget = await ledger.GetAsync(key, cancellationToken);
                return Render(link, facts! with { Budget = budget }, errors, posted, StatusCodes.Status409Conflict);
            }
        }

        var approval = new ApprovalRecord(claims.Round, outcome, amount, number, date, comment.Length == 0 ? null : comment, by, time.GetUtcNow());
        if (!await cases.SaveApprovalAsync(proposal.Id, approval, cancellationToken))
        {
            var existing = (await cases.GetAsync(proposal.Id, cancellationToken)).Approvals.First(a => a.Round == claims.Round);
            return AlreadyDecided(link, E(OutcomeLabel(existing.Outcome, link.Language)), existing.At);
        }

        try
        {
            await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.DirectorDecided, new DirectorDecision(claims.Round, outcome, by), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LinkLog.EventNotRaised(logger, ex, proposal.Id, Action);
            throw;
        }

        LinkLog.Decided(logger, proposal.Id, Action);
        var detail = outcome == DirectorOutcome.Approve
            ? link.T("Số tiền phê duyệt: ", "Approved amount: ") + Money(amount!.Value, link.Language) + link.T(", quyết định số ", ", decision no. ") + number
                + link.T(" ngày ", " of ") + Date(date!.Value) + "."
            : link.T("Nội dung đã được ghi nhận và sẽ được gửi tới cơ sở.", "The comment is recorded and will be sent to the applicant.");
        return Page(link, link.T("Đã ghi nhận quyết định", "Decision recorded"),
            "<h1 id=\"decision\">" + E(link.T("Đã ghi nhận quyết định: ", "Decision recorded: ")) + E(OutcomeLabel(outcome, link.Language)) + "</h1><p>"
            + E(link.T("Đề án: ", "Proposal: ")) + "<strong>" + E(proposal.Submission.Title) + "</strong>. " + E(detail) + "</p>");
    }

    public static string OutcomeCode(DirectorOutcome outcome) => outcome switch
    {
        DirectorOutcome.Approve => "approve",
        DirectorOutcome.Revise => "revise",
        _ => "reject",
    };

    public static bool TryParseOutcome(string? code, out DirectorOutcome outcome)
    {
        foreach (var candidate in (DirectorOutcome[])[DirectorOutcome.Approve, DirectorOutcome.Revise, DirectorOutcome.Reject])
        {
            if (string.Equals(OutcomeCode(candidate), code?.Trim(), StringComparison.Ordinal))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }

    public static string OutcomeLabel(DirectorOutcome outcome, Language language) => outcome switch
    {
        DirectorOutcome.Approve => language == Language.English ? "Approve" : "Phê duyệt",
        DirectorOutcome.Revise => language == Language.English ? "Revise" : "Yêu cầu chỉnh sửa, bổ sung",
        _ => language == Language.English ? "Reject" : "Không phê duyệt",
    };

    private async Task<(Facts? Facts, IActionResult? Refusal)> OpenAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        var proposal = link.Proposal;
        var @case = await cases.GetAsync(proposal.Id, cancellationToken);
        if (@case.Approvals.FirstOrDefault(a => a.Round == link.Claims.Round) is { } decided)
        {
            return (null, AlreadyDecided(link, E(OutcomeLabel(decided.Outcome, link.Language)), decided.At));
        }

        if (await uses.GetAsync(link.Claims.LinkId, cancellationToken) is { } used)
        {
            return (null, Used(link, used));
        }

        if (proposal.Status != ProposalStatus.AwaitingApproval)
        {
            return (null, Closed(link));
        }

        // The cap the intake applied: the one in force on the day the proposal was submitted, less what the establishment
        // already received under a per-establishment cap. An example cap limits nothing.
        var s = proposal.Submission;
        var submittedOn = DateOnly.FromDateTime(proposal.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime);
        var check = await caps.AssessAsync(s, proposal.Id, submittedOn, link.Language, cancellationToken);
        var cap = check.Cap;
        var max = Math.Min(s.RequestedSupport, cap is { IsExample: false } ? check.MaxSupport ?? long.MaxValue : long.MaxValue);
        var budget = await ledger.GetAsync(new BudgetKey(proposal.Year, s.FundingSource), cancellationToken);
        return (new Facts(@case, cap, max, budget), null);
    }

    private static ContentResult Used(LinkRequest link, LinkUse use) =>
        AlreadyDecided(link, E(TryParseOutcome(use.Decision, out var o) ? OutcomeLabel(o, link.Language) : use.Decision), use.At);

    private ContentResult Render(LinkRequest link, Facts facts, IReadOnlyDictionary<string, IReadOnlyList<string>> errors,
        IReadOnlyDictionary<string, string>? posted, int status = StatusCodes.Status200OK)
    {
        string? Posted(string field) => posted is not null && posted.TryGetValue(field, out var v) ? v : null;
        var l = link.Language;
        var s = link.Proposal.Submission;
        var html = new StringBuilder(16 * 1024);
        html.Append("<h1>").Append(E(link.T("Phê duyệt đề án khuyến công", "Approve an industrial promotion proposal"))).Append("</h1>")
            .Append(ErrorSummary(link, errors))
            .Append(Summary(link));

        // Cap and budget.
        html.Append("<section id=\"funding\" class=\"link-section\"><h2>").Append(E(link.T("Mức trần và dự toán", "Cap and budget"))).Append("</h2><dl class=\"facts\">");
        Fact(html, "requested-amount", link.T("Kinh phí đề nghị hỗ trợ", "Support requested"), Money(s.RequestedSupport, l));
        Fact(html, "cap", link.T("Mức trần áp dụng", "Applicable cap"), facts.Cap is { } cap
            ? (cap.MaxPercent is { } percent ? DisplayFormat.Percent(percent, l) + "%, " : string.Empty)
                + (cap.MaxAmount is { } amount ? link.T("tối đa ", "at most ") + Money(amount, l) + cap.Unit.Suffix(l) : string.Empty)
                + " (" + cap.Basis + ")" + (cap.IsExample ? link.T(" (mức ví dụ, chưa áp dụng)", " (example, not applied)") : string.Empty)
            : link.T("Không có mức trần", "No cap"));
        Fact(html, "max-amount", link.T("Số tiền phê duyệt tối đa", "Largest amount that can be approved"), Money(facts.MaxAmount, l));
        Fact(html, "funding-source", link.T("Nguồn kinh phí", "Funding source"), s.FundingSource.DisplayName(l) + " " + link.Proposal.Year.ToString(CultureInfo.InvariantCulture));
        Fact(html, "budget-remaining", link.T("Dự toán còn lại", "Budget remaining"), Money(Math.Max(0, facts.Budget.Remaining), l)
            + link.T(" (được giao ", " (allocated ") + Money(facts.Budget.Allocated, l) + ")");
        html.Append("</dl></section>");

        // The council.
        var verdict = facts.Case.CurrentVerdict;
        var round = verdict?.Round ?? facts.Case.AppraisalRound;
        var reviews = facts.Case.ReviewsOf(round).Where(r => r.State == ReviewState.Submitted).ToList();
        html.Append("<section id=\"council\" class=\"link-section\"><h2>").Append(E(link.T("Kết quả thẩm định", "Appraisal"))).Append("</h2>");
        if (verdict is not null)
        {
            html.Append("<dl class=\"facts\">");
            Fact(html, "verdict-passed", link.T("Kết luận của hội đồng", "Council verdict"), verdict.Passed ? link.T("Đạt", "Passed") : link.T("Không đạt", "Not passed"));
            Fact(html, "verdict-average", link.T("Điểm trung bình", "Average score"), DisplayFormat.Percent(verdict.AverageTotal, l) + " / " + verdict.MaxTotal.ToString(CultureInfo.InvariantCulture));
            Fact(html, "verdict-recommendation", link.T("Kiến nghị của hội đồng", "Council recommendation"), ReviewLinkPage.RecommendationLabel(verdict.Recommendation, l));
            html.Append("</dl>");
        }

        if (reviews.Count > 0)
        {
            html.Append("<div class=\"table-scroll\"><table id=\"reviews\"><thead><tr><th scope=\"col\">").Append(E(link.T("Thành viên", "Reviewer")))
                .Append("</th><th scope=\"col\">").Append(E(link.T("Tổng điểm", "Total"))).Append("</th><th scope=\"col\">").Append(E(link.T("Kiến nghị", "Recommendation")))
                .Append("</th></tr></thead><tbody>");
            foreach (var review in reviews)
            {
                html.Append("<tr><td>").Append(E(review.ReviewerName)).Append("</td><td>").Append(E(review.Total?.ToString(CultureInfo.InvariantCulture)))
                    .Append("</td><td>").Append(E(review.Recommendation is { } r ? ReviewLinkPage.RecommendationLabel(r, l) : string.Empty)).Append("</td></tr>");
                if (!string.IsNullOrEmpty(review.Comment))
                {
                    html.Append("<tr><td colspan=\"3\" class=\"multiline hint\">").Append(E(review.Comment)).Append("</td></tr>");
                }
            }

            html.Append("</tbody></table></div>");
        }
        else if (verdict is null)
        {
            html.Append("<p>").Append(E(link.T("Chưa có phiếu chấm.", "No reviews yet."))).Append("</p>");
        }

        html.Append("</section>");

        // The decision.
        var decision = Posted(DecisionField);
        var today = VietnamTime.Today(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        html.Append("<section id=\"decision-section\" class=\"link-section\"><h2>").Append(E(link.T("Quyết định", "Decision"))).Append("</h2>")
            .Append(link.Staff?.IsInRole(StaffRoles.Director) == true ? string.Empty
                : "<p class=\"hint\" id=\"director-sign-in\">" + E(link.T("Chỉ Giám đốc đã đăng nhập mới ghi nhận được quyết định; khi gửi, trang sẽ đề nghị đăng nhập.",
                    "Only the signed-in director can record the decision; sending will ask you to sign in.")) + "</p>")
            .Append("<form method=\"post\" id=\"approval-form\" action=\"").Append(link.FormAction).Append("\">")
            .Append(HiddenFormToken(link))
            .Append("<fieldset id=\"").Append(DecisionField).Append("\"><legend>").Append(E(link.T("Quyết định của Giám đốc", "The director's decision"))).Append("</legend>")
            .Append(FieldError(errors, DecisionField));
        foreach (var o in (DirectorOutcome[])[DirectorOutcome.Approve, DirectorOutcome.Revise, DirectorOutcome.Reject])
        {
            var code = OutcomeCode(o);
            html.Append("<label class=\"check\"><input type=\"radio\" name=\"").Append(DecisionField).Append("\" id=\"decision-").Append(code).Append("\" value=\"").Append(code).Append('"')
                .Append(decision == code ? " checked" : string.Empty).Append(" required> ").Append(E(OutcomeLabel(o, l))).Append("</label>");
        }

        html.Append("</fieldset>");
        Input(html, errors, AmountField, link.T("Số tiền phê duyệt (đồng)", "Approved amount (VND)"), Posted(AmountField) ?? s.RequestedSupport.ToString(CultureInfo.InvariantCulture),
            "text\" inputmode=\"numeric\" class=\"input-number", link.T("Khi phê duyệt: từ 1 đến ", "When approving: from 1 to ") + Money(facts.MaxAmount, l) + ".");
        Input(html, errors, DecisionNumberField, link.T("Số quyết định", "Decision number"), Posted(DecisionNumberField) ?? string.Empty,
            "text\" maxlength=\"" + MaxDecisionNumberLength.ToString(CultureInfo.InvariantCulture), link.T("Ví dụ 125/QĐ-SCT (khi phê duyệt).", "For example 125/QĐ-SCT (when approving)."));
        Input(html, errors, DecisionDateField, link.T("Ngày quyết định", "Decision date"), Posted(DecisionDateField) ?? today, "date", null);
        html.Append("<div class=\"field\"><label for=\"").Append(CommentField).Append("\">").Append(E(link.T("Ý kiến, lý do", "Comment or reason"))).Append("</label>")
            .Append("<p class=\"hint\" id=\"").Append(CommentField).Append("-hint\">").Append(E(link.T("Bắt buộc khi không phê duyệt hoặc yêu cầu chỉnh sửa; cơ sở sẽ nhận được nội dung này.", "Required to reject or to ask for a revision; the applicant receives it."))).Append("</p>")
            .Append(FieldError(errors, CommentField))
            .Append("<textarea id=\"").Append(CommentField).Append("\" name=\"").Append(CommentField).Append("\" rows=\"4\" maxlength=\"").Append(MaxCommentLength.ToString(CultureInfo.InvariantCulture))
            .Append("\" aria-describedby=\"").Append(CommentField).Append("-hint ").Append(CommentField).Append("-error\">").Append(E(Posted(CommentField))).Append("</textarea></div>")
            .Append("<button type=\"submit\" id=\"submit-decision\" class=\"button\">").Append(E(link.T("Ghi nhận quyết định", "Record the decision"))).Append("</button>")
            .Append("</form></section>");
        return Page(link, link.T("Phê duyệt đề án", "Approve a proposal"), html.ToString(), status);
    }

    private static void Input(StringBuilder html, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, string field, string label, string value, string typeAndMore, string? hint)
    {
        html.Append("<div class=\"field").Append(errors.ContainsKey(field) ? " has-error" : string.Empty).Append("\"><label for=\"").Append(field).Append("\">").Append(E(label)).Append("</label>");
        if (hint is not null)
        {
            html.Append("<p class=\"hint\" id=\"").Append(field).Append("-hint\">").Append(E(hint)).Append("</p>");
        }

        html.Append(FieldError(errors, field))
            .Append("<input type=\"").Append(typeAndMore).Append("\" id=\"").Append(field).Append("\" name=\"").Append(field).Append("\" value=\"").Append(E(value)).Append('"')
            .Append(errors.ContainsKey(field) ? " aria-invalid=\"true\"" : string.Empty)
            .Append(" aria-describedby=\"").Append(hint is null ? string.Empty : field + "-hint ").Append(field).Append("-error\"></div>");
    }
}
