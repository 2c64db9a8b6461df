using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Problems;
using KhuyenCong.Web.Rendering;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The staff page of one proposal (<c>GET /staff/proposals/{id}</c>), and the same page answering a refused action
/// form posted without JavaScript: the values as sent, each message at its field and in the summary, with the
/// problem's status (<see cref="IStaffActionPages"/>). A refused cancellation comes back on its confirm page.
/// </summary>
public sealed class StaffProposalPages(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IProposalPayments payments,
    IBudgetLedger ledger,
    IEmailLog emailLog,
    StaffFormTokens tokens,
    PageRenderer pages) : IStaffActionPages
{
    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal) { "screening", "contract", "decision-number", "payment", "acceptance", "cancel" };

    public bool ShowsAgain(string action) => Actions.Contains(action);

    /// <summary>The page; <paramref name="posted"/> null for the page as opened, otherwise the refused form again with <paramref name="status"/>.</summary>
    public async Task<IActionResult> PageAsync(StaffRequest call, string id, PostedAction? posted, int status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var dossier = await ProposalDossier.LoadAsync(id, proposals, cases, payments, ledger, emailLog, cancellationToken);
        if (dossier is null)
        {
            return await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(call.Http, call.Language, StaffPageModels.ProposalNotFound(call),
                PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound });
        }

        var model = StaffPageModels.Proposal(call, dossier, tokens.Issue(call.Staff)) with { Posted = posted };
        return await pages.PageAsync<StaffProposalPage, StaffProposalPageModel>(call.Http, call.Language, model, Options(posted, status, PagePath(id)));
    }

    /// <summary>The cancellation's confirm step (<c>GET /staff/proposals/{id}/cancel</c>), or it again with the refused reason.</summary>
    public async Task<IActionResult> CancelPageAsync(StaffRequest call, string id, PostedAction? posted, int status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var proposal = await proposals.GetAsync(id, cancellationToken);
        return proposal is null
            ? await pages.PageAsync<StaffNotFoundPage, StaffNotFoundPageModel>(call.Http, call.Language, StaffPageModels.ProposalNotFound(call),
                PageOptions.Standard with { StatusCode = StatusCodes.Status404NotFound })
            : await pages.PageAsync<StaffCancelPage, StaffCancelPageModel>(call.Http, call.Language,
                new StaffCancelPageModel(proposal, tokens.Issue(call.Staff), StaffLinks.From(call.Http, call.Language)) { Posted = posted },
                Options(posted, status, PagePath(id) + "/cancel"));
    }

    public async Task<IActionResult?> AgainAsync(StaffRequest call, string proposalId, string action, ProblemView problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(problem);
        var posted = new PostedAction(action, Posted(call.Form), problem);
        return action == "cancel"
            ? await CancelPageAsync(call, proposalId, posted, problem.Status, cancellationToken)
            : await PageAsync(call, proposalId, posted, problem.Status, cancellationToken);
    }

    /// <summary>The form's fields as sent, without its CSRF token.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Posted(IFormCollection? form) =>
        (form ?? FormCollection.Empty).Where(f => f.Key != StaffActionForm.TokenFieldName)
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.Ordinal);

    private static string PagePath(string id) => "/staff/proposals/" + Uri.EscapeDataString(id);

    /// <summary>
    /// A page shown again carries what was typed: never stored by a cache; its language switch opens the page itself
    /// (<paramref name="path"/>), since the post's address answers no GET.
    /// </summary>
    private static PageOptions Options(PostedAction? posted, int status, string path) =>
        posted is null ? PageOptions.Standard
            : PageOptions.Standard with { StatusCode = status, CacheControl = "no-store", LanguageSwitchPath = path };
}
