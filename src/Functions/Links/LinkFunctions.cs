using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
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
public sealed class LinkFunctions(LinkOpener opener, IAttachmentStore attachments, ReviewSubmission reviews, LinkPages pages)
{
    [Function(nameof(LinkPage))]
    public async Task<IActionResult> LinkPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var (link, page, refusal) = await opener.OpenAsync(request, token, deciding: false, cancellationToken);
        return refusal ?? await page!.ShowAsync(link!, cancellationToken);
    }

    [Function(nameof(LinkDecision))]
    public async Task<IActionResult> LinkDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        var (link, page, refusal) = await opener.OpenAsync(request, token, deciding: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!page!.ReadsFiles && await opener.ReadFormAsync(link!, cancellationToken) is { } unreadable)
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
        var (link, _, refusal) = await opener.OpenAsync(request, token, deciding: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return await reviews.DossierFileAsync(link!.Opened, attachmentId, cancellationToken) is { } file
            ? AttachmentDownload.Result(request, file, await attachments.OpenReadAsync(link.Proposal.Id, file.Id, cancellationToken))
            : await pages.NotFoundAsync(request, link.Language);
    }
}
