using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Links;

/// <summary>
/// The pages behind emailed links. <c>GET</c> only shows (mail scanners open links and run their scripts: a GET never
/// changes anything and no page submits itself); <c>POST</c> decides, with the form token of the page. Forged or
/// unknown token: 404. Expired: 410. A decision already recorded: 409, showing it. Each action has its page
/// (<see cref="ILinkPage"/>): withdraw, review, approve, revise, report. A page that names a
/// <see cref="ILinkPage.DecidingRole"/> (the director's approval) decides only for the signed-in staff member with that
/// role: without one 401, with another role 403, before anything is read.
/// </summary>
public sealed class LinkFunctions(
    LinkService links,
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IAttachmentStore attachments,
    StaffIdentity identity,
    IEnumerable<ILinkPage> pages)
{
    public const string FormTokenField = LinkPageKit.FormTokenField;
    public const string ReasonField = WithdrawLinkPage.ReasonField;

    private readonly Dictionary<string, ILinkPage> byAction = pages.ToDictionary(p => p.Action, StringComparer.Ordinal);

    [Function(nameof(LinkPage))]
    public async Task<IActionResult> LinkPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var (link, refusal) = await OpenAsync(request, token, language, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return byAction.TryGetValue(link!.Claims.Action, out var page)
            ? await page.ShowAsync(link, cancellationToken)
            : LinkPageKit.NotFound(request, language);
    }

    [Function(nameof(LinkDecision))]
    public async Task<IActionResult> LinkDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var (link, refusal) = await OpenAsync(request, token, language, cancellationToken, deciding: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await ReadFormAsync(link!, cancellationToken) is { } unreadable)
        {
            return unreadable;
        }

        return byAction.TryGetValue(link!.Claims.Action, out var page)
            ? await page.DecideAsync(link, durableClient, cancellationToken)
            : LinkPageKit.NotFound(request, language);
    }

    /// <summary>
    /// Reads a link page's HTML form within limits before its page decides (the page then reads the same form), so a
    /// form too large (413) or malformed (400, a multipart body without its boundary) is refused with a page, never a
    /// 500. The pages that take files (revise, report) stream their multipart forms themselves, within the same kind of
    /// limits (<see cref="Proposals.ProposalRequestReader.ReadLinkFormAsync"/>).
    /// </summary>
    private static async Task<IActionResult?> ReadFormAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        if (link.Claims.Action is LinkActions.Revise or LinkActions.Report || !Http.RequestBody.IsForm(link.Http))
        {
            return null;
        }

        var (form, problem) = await Http.RequestBody.ReadFormAsync(link.Http, LinkForm, cancellationToken);
        return form is not null ? null : LinkPageKit.Refused(link, problem, problem == StatusCodes.Status413PayloadTooLarge
            ? link.T("Biểu mẫu có quá nhiều mục hoặc quá lớn.", "The form has too many fields or is too large.")
            : link.T("Dữ liệu biểu mẫu không đúng định dạng.", "The form data is malformed."));
    }

    /// <summary>The decision pages' forms: a few fields (a review: one score per criterion), no files.</summary>
    private static readonly Http.FormLimits LinkForm = new(MaxFields: 200, MaxFieldBytes: 64 * 1024, MaxBodyBytes: 1024 * 1024);

    /// <summary>
    /// <c>GET /links/{token}/files/{attachmentId}</c>: a file of the proposal's dossier, for the reviewer of a review link
    /// while the link is valid and the reviewer's review is open or submitted (<see cref="ReviewRecord.MayReadDossier"/>).
    /// Anything else (another proposal's file, another action, an unknown, replaced or conflicted reviewer): 404.
    /// </summary>
    [Function(nameof(LinkFile))]
    public async Task<IActionResult> LinkFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/{token}/files/{attachmentId}")] HttpRequest request,
        string token,
        string attachmentId,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var (link, refusal) = await OpenAsync(request, token, language, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var claims = link!.Claims;
        var attachment = link.Proposal.Attachments.FirstOrDefault(a => a.IsDossier && a.Id == attachmentId);
        if (claims.Action != LinkActions.Review || attachment is null
            || await cases.GetReviewAsync(claims.ProposalId, claims.Round, claims.Subject, cancellationToken) is not { MayReadDossier: true })
        {
            return LinkPageKit.NotFound(request, language);
        }

        return AttachmentDownload.Result(request, attachment, await attachments.OpenReadAsync(link.Proposal.Id, attachment.Id, cancellationToken));
    }

    private async Task<(LinkRequest? Link, IActionResult? Refusal)> OpenAsync(HttpRequest request, string token, Language language, CancellationToken cancellationToken, bool deciding = false)
    {
        var status = links.Verify(token, out var claims);
        if (status == LinkTokenStatus.Invalid)
        {
            return (null, LinkPageKit.NotFound(request, language));
        }

        if (status == LinkTokenStatus.Expired)
        {
            return (null, LinkPageKit.Expired(request, language));
        }

        var staff = StaffAccess.Principal(request);
        if (deciding && byAction.TryGetValue(claims!.Action, out var page) && page.DecidingRole is { } role && staff?.IsInRole(role) != true)
        {
            return (null, LinkPageKit.StaffOnly(request, language, staff is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, identity.IsLocalHost));
        }

        var proposal = await proposals.GetAsync(claims!.ProposalId, cancellationToken);
        return proposal is null
            ? (null, LinkPageKit.NotFound(request, language))
            : (new LinkRequest(request, token, language, claims, proposal, links, staff), null);
    }
}
