using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Links;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Links;

/// <summary>
/// The pages behind emailed links. <c>GET</c> only shows (mail scanners open links and run their scripts: a GET never
/// changes anything and no page submits itself); <c>POST</c> decides, with the form token of the page. Forged or
/// unknown token: 404. Expired: 410. A decision already recorded: 409, showing it. Each action has its page
/// (<see cref="ILinkPage"/>, the adapter of its use case in Application): withdraw, review, approve, revise, report. A
/// page that names a <see cref="ILinkPage.DecidingRole"/> (the director's approval) decides only for the signed-in staff
/// member with that role: without one 401, with another role 403, before anything is read.
/// </summary>
public sealed class LinkFunctions(
    LinkService links,
    IProposalRepository proposals,
    IAttachmentStore attachments,
    ReviewSubmission reviews,
    StaffIdentity identity,
    LinkPages pages,
    IEnumerable<ILinkPage> linkPages)
{
    /// <summary>The decision pages' forms: a few fields (a review: one score per criterion), no files.</summary>
    private static readonly FormLimits FormWithoutFiles = new(MaxFields: 200, MaxFieldBytes: 64 * 1024, MaxBodyBytes: 1024 * 1024);

    private readonly Dictionary<string, ILinkPage> byAction = linkPages.ToDictionary(p => p.Action, StringComparer.Ordinal);

    [Function(nameof(LinkPage))]
    public async Task<IActionResult> LinkPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var (link, page, refusal) = await OpenAsync(request, token, deciding: false, cancellationToken);
        return refusal ?? await page!.ShowAsync(link!, cancellationToken);
    }

    [Function(nameof(LinkDecision))]
    public async Task<IActionResult> LinkDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        var (link, page, refusal) = await OpenAsync(request, token, deciding: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!page!.ReadsFiles && await ReadFormAsync(link!, cancellationToken) is { } unreadable)
        {
            return unreadable;
        }

        return await page.DecideAsync(link!, new DurableWorkflowEvents(durableClient), cancellationToken);
    }

    /// <summary>
    /// <c>GET /links/{token}/files/{attachmentId}</c>: a file of the proposal's dossier, for the reviewer of a review link
    /// while the link is valid and the reviewer may read the dossier (<see cref="ReviewSubmission.DossierFileAsync"/>).
    /// Anything else (another proposal's file, another action, an unknown, replaced or conflicted reviewer): 404.
    /// </summary>
    [Function(nameof(LinkFile))]
    public async Task<IActionResult> LinkFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/{token}/files/{attachmentId}")] HttpRequest request,
        string token,
        string attachmentId,
        CancellationToken cancellationToken)
    {
        var (link, _, refusal) = await OpenAsync(request, token, deciding: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return await reviews.DossierFileAsync(link!.Opened, attachmentId, cancellationToken) is { } file
            ? AttachmentDownload.Result(request, file, await attachments.OpenReadAsync(link.Proposal.Id, file.Id, cancellationToken))
            : await pages.NotFoundAsync(request, link.Language);
    }

    /// <summary>
    /// Verifies the link: its token (404 forged, 410 expired), the role of the one deciding when its page needs one
    /// (401/403, before anything is read), its action and its proposal (404).
    /// </summary>
    private async Task<(LinkRequest? Link, ILinkPage? Page, IActionResult? Refusal)> OpenAsync(HttpRequest request, string token, bool deciding, CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var status = links.Verify(token, out var claims);
        if (status != LinkTokenStatus.Valid)
        {
            return (null, null, status == LinkTokenStatus.Expired ? await pages.ExpiredAsync(request, language) : await pages.NotFoundAsync(request, language));
        }

        var staff = StaffAccess.Principal(request);
        var page = byAction.GetValueOrDefault(claims!.Action);
        if (deciding && page?.DecidingRole is { } role && staff?.IsInRole(role) != true)
        {
            return (null, null, await pages.StaffOnlyAsync(request, language, signedIn: staff is not null, identity.IsLocalHost));
        }

        var proposal = page is null ? null : await proposals.GetAsync(claims.ProposalId, cancellationToken);
        return proposal is null
            ? (null, null, await pages.NotFoundAsync(request, language))
            : (new LinkRequest(request, token, language, claims, proposal, links, staff), page, null);
    }

    /// <summary>
    /// Reads the HTML form of a page without files within limits (413 too large, 400 malformed: a page, never a 500),
    /// then checks its form token (400). The pages with files read theirs themselves (<see cref="LinkUploads"/>).
    /// </summary>
    private async Task<IActionResult?> ReadFormAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        if (!RequestBody.IsForm(link.Http))
        {
            return await pages.InvalidFormAsync(link);
        }

        var (form, problem) = await RequestBody.ReadFormAsync(link.Http, FormWithoutFiles, cancellationToken);
        if (form is null)
        {
            var message = problem == StatusCodes.Status413PayloadTooLarge
                ? new Bilingual("Biểu mẫu có quá nhiều mục hoặc quá lớn.", "The form has too many fields or is too large.")
                : new Bilingual("Dữ liệu biểu mẫu không đúng định dạng.", "The form data is malformed.");
            return await pages.RefusedAsync(link, problem, message.In(link.Language));
        }

        link.Form = form;
        return link.IsValidFormToken(link.Field(LinkForm.TokenField)) ? null : await pages.InvalidFormAsync(link);
    }
}
