using System.Globalization;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Appraisal;

/// <summary>A score sheet as posted: the points typed for each criterion (by code), the recommendation's code, the comment.</summary>
public sealed record ScoreSheet(IReadOnlyDictionary<string, string?> Points, string? Recommendation, string? Comment);

/// <summary>A conflict-of-interest declaration as posted: the confirmation box and the statement.</summary>
public sealed record ConflictDeclaration(bool Confirmed, string? Statement);

/// <summary>A reviewer's review and the rubric it is scored against: what the review page shows, and what a decision recorded.</summary>
public sealed record ReviewAssignment(ReviewRecord Review, Rubric Rubric);

/// <summary>
/// A council member's answer through their review link (subject = reviewer id, round = appraisal round): a score sheet
/// or a conflict-of-interest declaration, while the proposal is in review and the review is open. First decision wins
/// through the conditional <see cref="IProposalCaseStore.DecideReviewAsync"/>: of any number of posts, one moves the
/// review out of Invited and raises <see cref="WorkflowEvents.AppraisalChanged"/>; the others see it recorded.
/// </summary>
public sealed class ReviewSubmission(IProposalCaseStore cases, IRubricStore rubrics, TimeProvider time, ILogger<ReviewSubmission> logger)
{
    public const string PointsPrefix = "points-";
    public const string RecommendationField = "recommendation";
    public const string CommentField = "comment";
    public const string ConflictField = "conflict";
    public const string StatementField = "statement";

    /// <summary>The reviewer's open review and its rubric; refused when the review is not theirs, decided, or the proposal left review.</summary>
    public async Task<Decision<ReviewAssignment>> OpenAsync(OpenedLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var claims = link.Claims;
        var review = await cases.GetReviewAsync(claims.ProposalId, claims.Round, claims.Subject, cancellationToken);
        if (review is null)
        {
            // Not this reviewer's review (or not this round's): say nothing more.
            return Decision<ReviewAssignment>.NotFound(LinkRefusals.NotFound);
        }

        if (!review.IsOpen)
        {
            return Decision<ReviewAssignment>.Conflict(LinkRefusals.Recorded(Recorded(review), review.DecidedAt));
        }

        if (link.Proposal.Status != ProposalStatus.InReview)
        {
            return Decision<ReviewAssignment>.Conflict(LinkRefusals.Closed(link.Proposal.Status));
        }

        var rubric = review.RubricId is { } id && review.RubricVersion is { } version
            ? await rubrics.GetAsync(id, version, cancellationToken)
            : await rubrics.GetCurrentAsync(cancellationToken);
        return rubric is null ? Decision<ReviewAssignment>.NotFound(LinkRefusals.NotFound) : Decision<ReviewAssignment>.Done(new(review, rubric));
    }

    /// <summary>Records the score sheet (every criterion scored within its range, a recommendation, a comment of at most 4,000 characters).</summary>
    public async Task<Decision<ReviewAssignment>> SubmitScoresAsync(OpenedLink link, ScoreSheet sheet, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var open = await OpenAsync(link, cancellationToken);
        if (!open.IsDone)
        {
            return open;
        }

        var (review, rubric) = open.Value!;
        var (errors, points, recommendation, comment) = ValidateScores(rubric, sheet);
        if (!errors.IsEmpty)
        {
            return Decision<ReviewAssignment>.Invalid(errors);
        }

        var decided = review with
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
        return await RecordAsync(link, decided, rubric, AppraisalEventKind.ReviewSubmitted, events, cancellationToken);
    }

    /// <summary>Records a conflict of interest (the box ticked, a statement of at most 4,000 characters): the Centre invites another reviewer.</summary>
    public async Task<Decision<ReviewAssignment>> DeclareConflictAsync(OpenedLink link, ConflictDeclaration declaration, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var open = await OpenAsync(link, cancellationToken);
        if (!open.IsDone)
        {
            return open;
        }

        var (review, rubric) = open.Value!;
        var statement = LinkRefusals.Text(declaration.Statement);
        var errors = new BilingualErrors();
        if (!declaration.Confirmed)
        {
            errors.Add(ConflictField, "Vui lòng đánh dấu ô xác nhận có xung đột lợi ích.", "Tick the box to confirm the conflict of interest.");
        }

        if (statement.Length == 0)
        {
            errors.Add(StatementField, "Vui lòng nêu ngắn gọn xung đột lợi ích.", "Describe the conflict of interest briefly.");
        }
        else if (statement.Length > LinkRefusals.MaxTextLength)
        {
            errors.Add(StatementField, LinkRefusals.TooLong());
        }

        if (!errors.IsEmpty)
        {
            return Decision<ReviewAssignment>.Invalid(errors);
        }

        var decided = review with { State = ReviewState.Conflict, Comment = statement, DecidedAt = time.GetUtcNow(), DecidedBy = review.ReviewerId };
        return await RecordAsync(link, decided, rubric, AppraisalEventKind.ConflictDeclared, events, cancellationToken);
    }

    /// <summary>
    /// A file of the proposal's dossier that the link's reviewer may download: only through a review link, while their
    /// review is open or submitted (<see cref="ReviewRecord.MayReadDossier"/>: a replaced reviewer, one who declared a
    /// conflict of interest, or one whose review was closed no longer may). Null otherwise.
    /// </summary>
    public async Task<AttachmentInfo?> DossierFileAsync(OpenedLink link, string attachmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var attachment = link.Proposal.Attachments.FirstOrDefault(a => a.IsDossier && a.Id == attachmentId);
        if (link.Claims.Action != LinkActions.Review || attachment is null)
        {
            return null;
        }

        var claims = link.Claims;
        return await cases.GetReviewAsync(claims.ProposalId, claims.Round, claims.Subject, cancellationToken) is { MayReadDossier: true } ? attachment : null;
    }

    /// <summary>What a decided review reads as where the link shows it again.</summary>
    public static Bilingual Recorded(ReviewRecord review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.State switch
        {
            ReviewState.Submitted => new(
                "phiếu chấm đã gửi" + Detail(review, "tổng điểm ", Language.Vietnamese),
                "review submitted" + Detail(review, "total ", Language.English)),
            ReviewState.Conflict => new("đã khai báo xung đột lợi ích", "conflict of interest declared"),
            ReviewState.Replaced => new("cán bộ đã mời thành viên khác thay thế", "replaced by another reviewer by an officer"),
            ReviewState.Closed => new("đề án đã kết thúc trước khi có phiếu chấm", "the proposal ended before the review was given"),
            _ => Bilingual.Same(review.State.ToString()),
        };
    }

    /// <summary>
    /// The score sheet checked against the rubric: each criterion a whole number within its range, a recommendation
    /// chosen, the comment within its length. One message per field, in both languages.
    /// </summary>
    public static (BilingualErrors Errors, IReadOnlyDictionary<string, int> Points, Recommendation Recommendation, string Comment) ValidateScores(Rubric rubric, ScoreSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(sheet);
        var errors = new BilingualErrors();
        var points = ParsePoints(rubric, sheet, errors);
        var hasRecommendation = RecommendationCodes.TryParse(sheet.Recommendation, out var recommendation);
        if (!hasRecommendation)
        {
            errors.Add(RecommendationField, "Vui lòng chọn kiến nghị: đồng ý, đề nghị chỉnh sửa hoặc không đồng ý.", "Choose a recommendation: approve, revise or reject.");
        }

        foreach (var problem in CouncilVerdict.ValidateScore(rubric, new ReviewScore("reviewer", points, hasRecommendation ? recommendation : Recommendation.Approve)))
        {
            var field = problem.CriterionCode is null ? RecommendationField : PointsPrefix + problem.CriterionCode;
            if (!errors.Contains(field))
            {
                errors.Add(field, problem.Reason.Vi, problem.Reason.En);
            }
        }

        var comment = LinkRefusals.Text(sheet.Comment);
        if (comment.Length > LinkRefusals.MaxTextLength)
        {
            errors.Add(CommentField, LinkRefusals.TooLong());
        }

        return (errors, points, recommendation, comment);
    }

    /// <summary>The points typed for each criterion that are whole numbers; an error for each that is not (blanks are left to the rubric's check).</summary>
    private static Dictionary<string, int> ParsePoints(Rubric rubric, ScoreSheet sheet, BilingualErrors errors)
    {
        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var criterion in rubric.Criteria)
        {
            var raw = (sheet.Points.TryGetValue(criterion.Code, out var typed) ? typed : null)?.Trim() ?? string.Empty;
            if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                points[criterion.Code] = value;
            }
            else if (raw.Length > 0)
            {
                errors.Add(PointsPrefix + criterion.Code,
                    $"Điểm tiêu chí \"{criterion.NameVi}\" phải là số nguyên.", $"The points for \"{criterion.NameEn}\" must be a whole number.");
            }
        }

        return points;
    }

    private async Task<Decision<ReviewAssignment>> RecordAsync(OpenedLink link, ReviewRecord decided, Rubric rubric, AppraisalEventKind kind,
        IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var change = await cases.DecideReviewAsync(decided, cancellationToken);
        if (!change.Applied)
        {
            return change.Current is { } current
                ? Decision<ReviewAssignment>.Conflict(LinkRefusals.Recorded(Recorded(current), current.DecidedAt))
                : Decision<ReviewAssignment>.NotFound(LinkRefusals.NotFound);
        }

        try
        {
            await events.RaiseAsync(link.ProposalId, WorkflowEvents.AppraisalChanged,
                new AppraisalEvent(decided.Round, kind, decided.ReviewerId, decided.ReviewerId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LinkDecisionLog.EventNotRaised(logger, ex, link.ProposalId, link.Claims.Action);
            throw;
        }

        LinkDecisionLog.Decided(logger, link.ProposalId, link.Claims.Action);
        return Decision<ReviewAssignment>.Done(new(decided, rubric));
    }

    private static string Detail(ReviewRecord review, string totalWord, Language language) =>
        (review.Total is { } total ? ", " + totalWord + total.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + (review.Recommendation is { } r ? ", " + RecommendationLabels.Of(r).In(language) : string.Empty);
}
