using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Selection;
using KhuyenCong.Application.Selection.Approval;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Components;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.Links.Selection;
using KhuyenCong.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The director's emailed link to a call's selection (<c>/links/selection/{token}</c>, <see cref="SelectionApprovals"/>),
/// with the link pages' properties (ADR 0018): GET only shows; forged or another action's token 404, expired 410; the
/// POST needs the signed-in director (401/403 before anything is read, ADR 0010), the page's form token (400), and
/// answers done with the recorded page, an invalid form again with 422, a decided or replaced round with 409.
/// </summary>
public sealed class SelectionLinkPages(LinkService links, SelectionApprovals approvals, StaffIdentity identity, LinkPages linkPages, PageRenderer renderer)
{
    private static readonly FormLimits DecisionForm = new(MaxFields: 10, MaxFieldBytes: 16 * 1024, MaxBodyBytes: 64 * 1024);

    /// <summary>The page (GET): the selection to decide, or why it cannot be.</summary>
    public async Task<IActionResult> ShowAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var (claims, refusal) = await VerifyAsync(request, token, deciding: false);
        if (refusal is not null)
        {
            return refusal;
        }

        var open = await approvals.OpenAsync(claims!, cancellationToken);
        return open.IsDone ? await FormAsync(request, claims!, open.Value!, PostedValues.None, null, StatusCodes.Status200OK) : await RefusalAsync(request, open);
    }

    /// <summary>The director's decision (POST), raised to the call's process through <paramref name="events"/>.</summary>
    public async Task<IActionResult> DecideAsync(HttpRequest request, string token, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        var (claims, refusal) = await VerifyAsync(request, token, deciding: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = RequestBody.IsForm(request) ? (await RequestBody.ReadFormAsync(request, DecisionForm, cancellationToken)).Form : null;
        if (form is null || !links.IsValidFormToken(claims!, form[LinkForm.TokenField].ToString()))
        {
            return await renderer.PageAsync<LinkInvalidFormPage>(request, RequestLanguage.From(request), null, PageOptions.EmailedLink with { StatusCode = StatusCodes.Status400BadRequest });
        }

        var input = new SelectionDecisionForm(form[SelectionDecisionForm.DecisionField].ToString(), form[SelectionDecisionForm.CommentField].ToString(),
            form[SelectionDecisionForm.DecisionNumberField].ToString(), form[SelectionDecisionForm.DecisionDateField].ToString());
        var decision = await approvals.DecideAsync(claims!, input, StaffAccess.Principal(request)!, events, cancellationToken);
        if (decision.IsDone)
        {
            return await PageAsync<SelectionDecidedPage, SelectionDecidedPageModel>(request, new(decision.Value!.Call.Title, decision.Value.Selection), StatusCodes.Status200OK);
        }

        if (decision.Kind != DecisionKind.Invalid)
        {
            return await RefusalAsync(request, decision);
        }

        var reopen = await approvals.OpenAsync(claims!, cancellationToken);
        var posted = new PostedValues(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        return reopen.IsDone ? await FormAsync(request, claims!, reopen.Value!, posted, decision.Errors, StatusCodes.Status422UnprocessableEntity) : await RefusalAsync(request, reopen);
    }

    /// <summary>The token (404 forged or another action's, 410 expired), then, to decide, the signed-in director (401/403).</summary>
    private async Task<(LinkClaims? Claims, IActionResult? Refusal)> VerifyAsync(HttpRequest request, string token, bool deciding)
    {
        var language = RequestLanguage.From(request);
        var status = links.Verify(token, out var claims);
        if (status != LinkTokenStatus.Valid || claims!.Action != LinkActions.ApproveSelection)
        {
            return (null, status == LinkTokenStatus.Expired ? await linkPages.ExpiredAsync(request, language) : await linkPages.NotFoundAsync(request, language));
        }

        var staff = StaffAccess.Principal(request);
        return deciding && staff?.IsInRole(StaffRoles.Director) != true
            ? (null, await linkPages.StaffOnlyAsync(request, language, signedIn: staff is not null, identity.IsLocalHost))
            : (claims, null);
    }

    private Task<IActionResult> FormAsync(HttpRequest request, LinkClaims claims, SelectionFacts facts, PostedValues posted, BilingualErrors? errors, int status) =>
        PageAsync<SelectionApprovalPage, SelectionApprovalPageModel>(request, new(new LinkFormTarget(request.Path + request.QueryString, links.FormToken(claims)), facts,
            StaffAccess.Principal(request)?.IsInRole(StaffRoles.Director) == true, posted, errors), status);

    private async Task<IActionResult> RefusalAsync<T>(HttpRequest request, Decision<T> refusal) => refusal.Kind == DecisionKind.NotFound
        ? await linkPages.NotFoundAsync(request, RequestLanguage.From(request))
        : await PageAsync<SelectionClosedPage, SelectionClosedPageModel>(request, new(refusal.Reason!), StatusCodes.Status409Conflict);

    private async Task<IActionResult> PageAsync<TPage, TModel>(HttpRequest request, TModel model, int status)
        where TPage : PageComponent<TModel> =>
        await renderer.PageAsync<TPage, TModel>(request, RequestLanguage.From(request), model, PageOptions.EmailedLink with { StatusCode = status });
}
