using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.Links.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// A reviewer's review link (subject = reviewer id, round = appraisal round): the page of <see cref="ReviewSubmission"/>,
/// with its two forms (the score sheet, the conflict-of-interest declaration) and the dossier's download links.
/// </summary>
public sealed class ReviewLinkPage(ReviewSubmission reviews, LinkPages pages) : ILinkPage
{
    public string Action => LinkActions.Review;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await pages.ShowAsync(link, await reviews.OpenAsync(link.Opened, cancellationToken),
            open => Page(link, open, PostedValues.None, null, StatusCodes.Status200OK));
    }

    public async Task<IActionResult> DecideAsync(LinkRequest link, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        Decision<ReviewAssignment>? decision = link.Field(ReviewPageModel.IntentField) switch
        {
            ReviewPageModel.ScoreIntent => await reviews.SubmitScoresAsync(link.Opened, Sheet(link), events, cancellationToken),
            ReviewPageModel.ConflictIntent => await reviews.DeclareConflictAsync(link.Opened,
                new ConflictDeclaration(link.Field(ReviewSubmission.ConflictField) == "yes", link.Field(ReviewSubmission.StatementField)), events, cancellationToken),
            _ => null,
        };
        if (decision is null)
        {
            return await pages.InvalidFormAsync(link);
        }

        return await pages.AnswerAsync(link, decision, () => reviews.OpenAsync(link.Opened, cancellationToken),
            (open, status) => Page(link, open, link.Posted(), decision.Errors, status),
            done => pages.PageAsync<ReviewRecordedPage, ReviewRecordedPageModel>(link, new(link.Proposal.Submission.Title, done.Review, done.Rubric)));
    }

    /// <summary>The points posted for each criterion (fields <c>points-{code}</c>), the recommendation and the comment.</summary>
    private static ScoreSheet Sheet(LinkRequest link) => new(
        link.Form!.Keys.Where(k => k.StartsWith(ReviewSubmission.PointsPrefix, StringComparison.Ordinal))
            .ToDictionary(k => k[ReviewSubmission.PointsPrefix.Length..], link.Field, StringComparer.Ordinal),
        link.Field(ReviewSubmission.RecommendationField),
        link.Field(ReviewSubmission.CommentField));

    private Task<IActionResult> Page(LinkRequest link, ReviewAssignment open, PostedValues posted, BilingualErrors? errors, int status)
    {
        var files = link.Proposal.Attachments.Where(a => a.IsDossier)
            .Select(a => new DossierFile(a.FileName, a.Size, "/links/" + Uri.EscapeDataString(link.Token) + "/files/" + Uri.EscapeDataString(a.Id)))
            .ToList();
        return pages.PageAsync<ReviewPage, ReviewPageModel>(link, new(link.FormTarget, link.Proposal, open.Review, open.Rubric, files, posted, errors), status);
    }
}
