using System.Globalization;
using System.Text;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Functions.Links.LinkPageKit;

namespace KhuyenCong.Functions.Links;

/// <summary>
/// A reviewer's review link (subject = reviewer id, round = appraisal round): the proposal and its files, a
/// conflict-of-interest declaration, and the rubric's score sheet. Single-use through the conditional
/// <see cref="IProposalCaseStore.DecideReviewAsync"/>: of any number of posts, one moves the review out of Invited.
/// </summary>
public sealed class ReviewLinkPage(IProposalCaseStore cases, IRubricStore rubrics, TimeProvider time, ILogger<ReviewLinkPage> logger) : ILinkPage
{
    public const string IntentField = "intent";
    public const string PointsPrefix = "points-";
    public const string RecommendationField = "recommendation";
    public const string CommentField = "comment";
    public const string ConflictField = "conflict";
    public const string StatementField = "statement";

    public string Action => LinkActions.Review;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (review, rubric, refusal) = await OpenAsync(link, cancellationToken);
        return refusal ?? Render(link, review!, rubric!, Errors(), null);
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

        var (review, rubric, refusal) = await OpenAsync(link, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var posted = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var errors = Errors();
        ReviewRecord decided;
        AppraisalEventKind kind;
        switch (form[IntentField].ToString())
        {
            case "review":
                var points = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var criterion in rubric!.Criteria)
                {
                    var raw = form[PointsPrefix + criterion.Code].ToString().Trim();
                    if (raw.Length == 0)
                    {
                        continue;
                    }

                    if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                    {
                        points[criterion.Code] = value;
                    }
                    else
                    {
                        Add(errors, PointsPrefix + criterion.Code, link.T(
                            $"Điểm tiêu chí \"{criterion.NameVi}\" phải là số nguyên.", $"The points for \"{criterion.NameEn}\" must be a whole number."));
                    }
                }

                var hasRecommendation = RecommendationCodes.TryParse(form[RecommendationField], out var recommendation);
                if (!hasRecommendation)
                {
                    Add(errors, RecommendationField, link.T("Vui lòng chọn kiến nghị: đồng ý, đề nghị chỉnh sửa hoặc không đồng ý.", "Choose a recommendation: approve, revise or reject."));
                }

                foreach (var problem in CouncilVerdict.ValidateScore(rubric, new ReviewScore(review!.ReviewerId, points, hasRecommendation ? recommendation : Recommendation.Approve)))
                {
                    var field = problem.CriterionCode is null ? RecommendationField : PointsPrefix + problem.CriterionCode;
                    if (!errors.ContainsKey(field))
                    {
                        Add(errors, field, problem.Reason.Text(link.Language));
                    }
                }

                var comment = Text(form[CommentField]);
                if (comment.Length > MaxCommentLength)
                {
                    Add(errors, CommentField, TooLong(link));
                }

                if (errors.Count > 0)
                {
                    return Render(link, review, rubric, errors, posted, StatusCodes.Status422UnprocessableEntity);
                }

                decided = review with
                {
                    State = ReviewState.Submitted,
                    Points = points,
                    Recommendation = recommendation,
                    Comment = comment.Length == 0 ? null : comment,
                    DecidedAt = time.GetUtcNow(),
                    DecidedBy = review.ReviewerId,
                    RubricId = rubric.Id,
                    RubricVersion = rubric.Version,
                };
                kind = AppraisalEventKind.ReviewSubmitted;
                break;
            case "conflict":
                var statement = Text(form[StatementField]);
                if (!string.Equals(form[ConflictField].ToString(), "yes", StringComparison.Ordinal))
                {
                    Add(errors, ConflictField, link.T("Vui lòng đánh dấu ô xác nhận có xung đột lợi ích.", "Tick the box to confirm the conflict of interest."));
                }

                if (statement.Length == 0)
                {
                    Add(errors, StatementField, link.T("Vui lòng nêu ngắn gọn xung đột lợi ích.", "Describe the conflict of interest briefly."));
                }
                else if (statement.Length > MaxCommentLength)
                {
                    Add(errors, StatementField, TooLong(link));
                }

                if (errors.Count > 0)
                {
                    return Render(link, review!, rubric!, errors, posted, StatusCodes.Status422UnprocessableEntity);
                }

                decided = review! with
                {
                    State = ReviewState.Conflict,
                    Comment = statement,
                    DecidedAt = time.GetUtcNow(),
                    DecidedBy = review.ReviewerId,
                };
                kind = AppraisalEventKind.ConflictDeclared;
                break;
            default:
                return InvalidForm(link);
        }

        var change = await cases.DecideReviewAsync(decided, cancellationToken);
        if (!change.Applied)
        {
            return change.Current is null ? NotFound(link.Http, link.Language) : Decided(link, change.Current);
        }

        try
        {
            await durableClient.RaiseEventAsync(link.Proposal.Id, WorkflowEvents.AppraisalChanged,
                new AppraisalEvent(decided.Round, kind, decided.ReviewerId, decided.ReviewerId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LinkLog.EventNotRaised(logger, ex, link.Proposal.Id, Action);
            throw;
        }

        LinkLog.Decided(logger, link.Proposal.Id, Action);
        return kind == AppraisalEventKind.ReviewSubmitted
            ? Page(link, link.T("Đã gửi phiếu chấm", "Review sent"),
                "<h1 id=\"decision\">" + E(link.T("Cảm ơn! Phiếu chấm của ông/bà đã được ghi nhận", "Thank you: your review has been recorded")) + "</h1><p>"
                + E(link.T("Đề án: ", "Proposal: ")) + "<strong>" + E(link.Proposal.Submission.Title) + "</strong>. "
                + E(link.T("Tổng điểm: ", "Total: ")) + "<strong id=\"recorded-total\">" + E(decided.Total?.ToString(CultureInfo.InvariantCulture)) + "</strong> / "
                + E(rubric!.TotalPoints.ToString(CultureInfo.InvariantCulture)) + "; "
                + E(link.T("kiến nghị: ", "recommendation: ")) + "<strong id=\"recorded-recommendation\">" + E(RecommendationLabel(decided.Recommendation!.Value, link.Language)) + "</strong>.</p>")
            : Page(link, link.T("Đã ghi nhận xung đột lợi ích", "Conflict of interest recorded"),
                "<h1 id=\"decision\">" + E(link.T("Đã ghi nhận xung đột lợi ích", "Your conflict of interest has been recorded")) + "</h1><p>"
                + E(link.T("Trung tâm sẽ mời thành viên khác thẩm định đề án này. Cảm ơn ông/bà.", "The Centre will invite another reviewer for this proposal. Thank you.")) + "</p>");
    }

    public static string RecommendationLabel(Recommendation recommendation, Language language) => recommendation switch
    {
        Recommendation.Approve => PageLayout.Choose(language, "Đồng ý hỗ trợ", "Approve"),
        Recommendation.Revise => PageLayout.Choose(language, "Đề nghị chỉnh sửa, bổ sung", "Revise"),
        _ => PageLayout.Choose(language, "Không đồng ý", "Reject"),
    };

    private async Task<(ReviewRecord? Review, Rubric? Rubric, IActionResult? Refusal)> OpenAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var review = await cases.GetReviewAsync(claims.ProposalId, claims.Round, claims.Subject, cancellationToken);
        if (review is null)
        {
            // Not this reviewer's review (or not this round's): say nothing more.
            return (null, null, NotFound(link.Http, link.Language));
        }

        if (!review.IsOpen)
        {
            return (review, null, Decided(link, review));
        }

        if (link.Proposal.Status != ProposalStatus.InReview)
        {
            return (review, null, Closed(link));
        }

        var rubric = review.RubricId is { } id && review.RubricVersion is { } version
            ? await rubrics.GetAsync(id, version, cancellationToken)
            : await rubrics.GetCurrentAsync(cancellationToken);
        return rubric is null ? (review, null, NotFound(link.Http, link.Language)) : (review, rubric, null);
    }

    private static ContentResult Decided(LinkRequest link, ReviewRecord review)
    {
        var what = review.State switch
        {
            ReviewState.Submitted => link.T("phiếu chấm đã gửi", "review submitted")
                + (review.Total is { } total ? ", " + link.T("tổng điểm ", "total ") + total.ToString(CultureInfo.InvariantCulture) : string.Empty)
                + (review.Recommendation is { } r ? ", " + RecommendationLabel(r, link.Language) : string.Empty),
            ReviewState.Conflict => link.T("đã khai báo xung đột lợi ích", "conflict of interest declared"),
            ReviewState.Replaced => link.T("cán bộ đã mời thành viên khác thay thế", "replaced by another reviewer by an officer"),
            _ => review.State.ToString(),
        };
        return AlreadyDecided(link, E(what), review.DecidedAt);
    }

    private static string TooLong(LinkRequest link) =>
        link.T($"Nội dung không được dài quá {MaxCommentLength} ký tự.", $"At most {MaxCommentLength} characters.");

    private static ContentResult Render(LinkRequest link, ReviewRecord review, Rubric rubric, IReadOnlyDictionary<string, IReadOnlyList<string>> errors,
        IReadOnlyDictionary<string, string>? posted, int status = StatusCodes.Status200OK)
    {
        string Value(string field) => posted is not null && posted.TryGetValue(field, out var v) ? v : string.Empty;
        var conflictPosted = posted is not null && Value(IntentField) == "conflict";
        var l = link.Language;
        var html = new StringBuilder(16 * 1024);
        html.Append("<h1>").Append(E(link.T("Phiếu chấm thẩm định đề án", "Proposal review"))).Append("</h1>")
            .Append("<p class=\"intro\">").Append(E(link.T("Kính gửi ", "Dear "))).Append(E(review.ReviewerName)).Append(". ")
            .Append(E(link.T("Hạn gửi phiếu chấm: ", "Please answer by "))).Append(E(LinkPageKit.DateTime(review.DueAt))).Append(".</p>")
            .Append(ErrorSummary(link, errors))
            .Append(Summary(link));

        var files = link.Proposal.Attachments.Where(a => a.IsDossier).ToList();
        html.Append("<section id=\"files\" class=\"link-section\"><h2>").Append(E(link.T("Hồ sơ đính kèm", "Attached documents"))).Append("</h2>");
        if (files.Count == 0)
        {
            html.Append("<p>").Append(E(link.T("Không có tệp đính kèm.", "No files were attached."))).Append("</p>");
        }
        else
        {
            html.Append("<ul class=\"file-list\">");
            foreach (var file in files)
            {
                var href = "/links/" + Uri.EscapeDataString(link.Token) + "/files/" + Uri.EscapeDataString(file.Id);
                html.Append("<li><a class=\"file-link\" href=\"").Append(E(href)).Append("\" download>").Append(E(file.FileName)).Append("</a> <span class=\"hint\">(")
                    .Append(E(FileSize(file.Size))).Append(")</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");

        // The conflict declaration comes first: a reviewer with a conflict must not score.
        html.Append("<section id=\"conflict-section\" class=\"link-section\"><h2>").Append(E(link.T("Xung đột lợi ích", "Conflict of interest"))).Append("</h2>")
            .Append("<details").Append(conflictPosted ? " open" : string.Empty).Append("><summary>")
            .Append(E(link.T("Tôi có xung đột lợi ích với đề án này", "I have a conflict of interest with this proposal"))).Append("</summary>")
            .Append("<form method=\"post\" id=\"conflict-form\" action=\"").Append(link.FormAction).Append("\">")
            .Append(HiddenFormToken(link))
            .Append("<input type=\"hidden\" name=\"").Append(IntentField).Append("\" value=\"conflict\">")
            .Append("<div class=\"field\">").Append(FieldError(errors, ConflictField))
            .Append("<label class=\"check\"><input type=\"checkbox\" id=\"").Append(ConflictField).Append("\" name=\"").Append(ConflictField).Append("\" value=\"yes\"")
            .Append(conflictPosted && Value(ConflictField) == "yes" ? " checked" : string.Empty).Append("> ")
            .Append(E(link.T("Tôi xác nhận có xung đột lợi ích (quan hệ với cơ sở đề xuất, lợi ích tài chính, ...) và không thể thẩm định đề án này.",
                "I confirm a conflict of interest (a tie to the establishment, a financial interest, ...) and cannot review this proposal.")))
            .Append("</label></div>")
            .Append("<div class=\"field\"><label for=\"").Append(StatementField).Append("\">").Append(E(link.T("Nội dung xung đột lợi ích", "What the conflict is"))).Append("</label>")
            .Append(FieldError(errors, StatementField))
            .Append("<textarea id=\"").Append(StatementField).Append("\" name=\"").Append(StatementField).Append("\" rows=\"3\" maxlength=\"").Append(MaxCommentLength.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(E(conflictPosted ? Value(StatementField) : string.Empty)).Append("</textarea></div>")
            .Append("<button type=\"submit\" id=\"declare-conflict\" class=\"button secondary\">").Append(E(link.T("Gửi khai báo xung đột lợi ích", "Declare the conflict"))).Append("</button>")
            .Append("</form></details></section>");

        var reviewPosted = posted is not null && !conflictPosted;
        html.Append("<section id=\"score-section\" class=\"link-section\"><h2>").Append(E(link.T("Chấm điểm", "Scores"))).Append("</h2>")
            .Append("<form method=\"post\" id=\"review-form\" class=\"review-form\" action=\"").Append(link.FormAction).Append("\">")
            .Append(HiddenFormToken(link))
            .Append("<input type=\"hidden\" name=\"").Append(IntentField).Append("\" value=\"review\">");
        int? total = 0;
        foreach (var criterion in rubric.Criteria)
        {
            var field = PointsPrefix + criterion.Code;
            var value = reviewPosted ? Value(field) : string.Empty;
            total = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && total is not null ? total + v : null;
            var max = criterion.MaxPoints.ToString(CultureInfo.InvariantCulture);
            var description = l == Language.English ? criterion.DescriptionEn : criterion.DescriptionVi;
            html.Append("<div class=\"field criterion").Append(errors.ContainsKey(field) ? " has-error" : string.Empty).Append("\">")
                .Append("<label for=\"").Append(E(field)).Append("\">").Append(E(criterion.Name(l))).Append(" <span class=\"optional\">(")
                .Append(E(link.T("tối đa ", "max "))).Append(E(max)).Append(E(link.T(" điểm", " points"))).Append(")</span></label>");
            if (!string.IsNullOrEmpty(description))
            {
                html.Append("<p class=\"hint\" id=\"").Append(E(field)).Append("-hint\">").Append(E(description)).Append("</p>");
            }

            html.Append(FieldError(errors, field))
                .Append("<input type=\"number\" class=\"input-number score\" id=\"").Append(E(field)).Append("\" name=\"").Append(E(field))
                .Append("\" min=\"0\" max=\"").Append(E(max)).Append("\" step=\"1\" inputmode=\"numeric\" required value=\"").Append(E(value)).Append('"')
                .Append(errors.ContainsKey(field) ? " aria-invalid=\"true\"" : string.Empty)
                .Append(" aria-describedby=\"").Append(string.IsNullOrEmpty(description) ? string.Empty : E(field) + "-hint ").Append(E(field)).Append("-error\"></div>");
        }

        html.Append("<p class=\"score-total\" id=\"score-total\" aria-live=\"polite\">").Append(E(link.T("Tổng điểm: ", "Total: ")))
            .Append("<output id=\"total\">").Append(E(reviewPosted && total is { } t ? t.ToString(CultureInfo.InvariantCulture) : "—")).Append("</output> / ")
            .Append(E(rubric.TotalPoints.ToString(CultureInfo.InvariantCulture)))
            .Append(" <span class=\"hint\">(").Append(E(link.T("điểm đạt: ", "pass mark: "))).Append(E(rubric.PassMark.ToString(CultureInfo.InvariantCulture))).Append(")</span></p>");

        html.Append("<fieldset id=\"").Append(RecommendationField).Append("\"><legend>").Append(E(link.T("Kiến nghị", "Recommendation"))).Append("</legend>")
            .Append(FieldError(errors, RecommendationField));
        foreach (var r in (Recommendation[])[Recommendation.Approve, Recommendation.Revise, Recommendation.Reject])
        {
            var code = r.ToCode();
            html.Append("<label class=\"check\"><input type=\"radio\" name=\"").Append(RecommendationField).Append("\" id=\"recommendation-").Append(code)
                .Append("\" value=\"").Append(code).Append('"').Append(reviewPosted && Value(RecommendationField) == code ? " checked" : string.Empty).Append(" required> ")
                .Append(E(RecommendationLabel(r, l))).Append("</label>");
        }

        html.Append("</fieldset>")
            .Append("<div class=\"field\"><label for=\"").Append(CommentField).Append("\">").Append(E(link.T("Nhận xét (không bắt buộc)", "Comments (optional)"))).Append("</label>")
            .Append(FieldError(errors, CommentField))
            .Append("<textarea id=\"").Append(CommentField).Append("\" name=\"").Append(CommentField).Append("\" rows=\"5\" maxlength=\"").Append(MaxCommentLength.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(E(reviewPosted ? Value(CommentField) : string.Empty)).Append("</textarea></div>")
            .Append("<button type=\"submit\" id=\"submit-review\" class=\"button\">").Append(E(link.T("Gửi phiếu chấm", "Send the review"))).Append("</button>")
            .Append("</form></section>");

        return Page(link, link.T("Phiếu chấm thẩm định", "Proposal review"), html.ToString(), status,
            "<script src=\"" + E(StaticAssets.Url("review.js")) + "\" defer></script>");
    }

    private static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
