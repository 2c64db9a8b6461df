using KhuyenCong.Application.Approval;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.Links.Approval;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The director's approval link (subject "director", round = approval round): the page of <see cref="ApprovalDecisions"/>.
/// The link shows the page to whoever holds it; only the signed-in director decides (<see cref="DecidingRole"/>: a
/// forwarded email commits no budget). An approval is posted twice: the form, then the confirm step (the amount, the
/// budget after it), which alone commits money; both work without JavaScript. A budget refused shows the form again
/// (409) with the reason at the amount.
/// </summary>
public sealed class ApprovalLinkPage(ApprovalDecisions approvals, LinkPages pages, TimeProvider time) : ILinkPage
{
    public string Action => LinkActions.Approve;

    public string? DecidingRole => StaffRoles.Director;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await pages.ShowAsync(link, await approvals.OpenAsync(link.Opened, cancellationToken),
            facts => Page(link, facts, PostedValues.None, null, StatusCodes.Status200OK));
    }

    /// <summary>
    /// A post of the decision form: "edit" (the confirm step's way back) shows the form again with what was typed; an
    /// approval not yet confirmed shows the confirm step (nothing committed); anything else is decided.
    /// </summary>
    public async Task<IActionResult> DecideAsync(LinkRequest link, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var form = FormOf(link);
        if (link.Field(EditField) is not null)
        {
            return await pages.ShowAsync(link, await approvals.OpenAsync(link.Opened, cancellationToken),
                facts => Page(link, facts, link.Posted(), null, StatusCodes.Status200OK));
        }

        if (!form.Confirmed && await approvals.PreviewAsync(link.Opened, form, cancellationToken) is { IsDone: true, Value.NeedsConfirmation: true } preview)
        {
            return await pages.PageAsync<ApprovalConfirmPage, ApprovalConfirmPageModel>(link,
                new(link.FormTarget, link.Proposal.Submission.Title, preview.Value!, link.Posted()));
        }

        var director = link.Staff ?? throw new InvalidOperationException("An approval decision reached the page without the director's principal.");
        var decision = await approvals.DecideAsync(link.Opened, form, director, events, cancellationToken);
        return await pages.AnswerAsync(link, decision, () => approvals.OpenAsync(link.Opened, cancellationToken),
            (facts, status) => Page(link, facts, link.Posted(), decision.Errors ?? ApprovalPageModel.Refused(decision.Reason!), status),
            approval => pages.PageAsync<ApprovalRecordedPage, ApprovalRecordedPageModel>(link, new(link.Proposal.Submission.Title, approval)),
            conflictShowsForm: true);
    }

    /// <summary>The confirm step's "change" button: back to the form with the values posted.</summary>
    public const string EditField = ApprovalConfirmPageModel.EditField;

    private static DirectorDecisionForm FormOf(LinkRequest link) =>
        new(link.Field(DirectorDecisionForm.DecisionField), link.Field(DirectorDecisionForm.AmountField), link.Field(DirectorDecisionForm.DecisionNumberField),
            link.Field(DirectorDecisionForm.DecisionDateField), link.Field(DirectorDecisionForm.CommentField))
        {
            Confirmed = link.Field(DirectorDecisionForm.ConfirmField) == DirectorDecisionForm.ConfirmedValue,
        };

    private Task<IActionResult> Page(LinkRequest link, ApprovalFacts facts, PostedValues posted, BilingualErrors? errors, int status) =>
        pages.PageAsync<ApprovalPage, ApprovalPageModel>(link, new(link.FormTarget, link.Proposal, facts,
            link.Staff?.IsInRole(StaffRoles.Director) == true, VietnamTime.Today(time), posted, errors), status);
}
