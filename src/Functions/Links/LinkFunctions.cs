using KhuyenCong.Application.Workflow;
using System.Globalization;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Links;

/// <summary>
/// The pages behind emailed links. <c>GET</c> only shows (mail scanners open links and run their scripts: a GET never
/// changes anything and no page submits itself); <c>POST</c> decides, with the form token of the page. Forged or
/// unknown token: 404. Expired: 410. A decision already recorded on the link: 409, showing it.
/// </summary>
public sealed partial class LinkFunctions(LinkService links, ILinkUseStore uses, IProposalRepository proposals, ILogger<LinkFunctions> logger)
{
    public const string FormTokenField = "formToken";
    public const string ReasonField = "reason";

    [Function(nameof(LinkPage))]
    public async Task<IActionResult> LinkPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "links/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var (claims, proposal, refusal) = await OpenAsync(request, token, language, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await uses.GetAsync(claims!.LinkId, cancellationToken) is { } used)
        {
            return AlreadyDecided(request, language, proposal!, used);
        }

        if (proposal!.Status.IsFinal())
        {
            return Closed(request, language, proposal);
        }

        return claims.Action switch
        {
            LinkActions.Withdraw => Page(request, language, PageLayout.Choose(language, "Rút đề án", "Withdraw the proposal"), WithdrawForm(request, language, proposal, links.FormToken(claims))),
            _ => NotFound(request, language),
        };
    }

    [Function(nameof(LinkDecision))]
    public async Task<IActionResult> LinkDecision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        var (claims, proposal, refusal) = await OpenAsync(request, token, language, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        if (form is null || !links.IsValidFormToken(claims!, form[FormTokenField]))
        {
            return Page(request, language, PageLayout.Choose(language, "Yêu cầu không hợp lệ", "Invalid request"),
                "<h1>" + PageLayout.Encode(PageLayout.Choose(language, "Yêu cầu không hợp lệ", "Invalid request")) + "</h1><p role=\"alert\">"
                + PageLayout.Encode(PageLayout.Choose(language, "Vui lòng mở lại đường liên kết trong email và dùng nút trên trang.", "Open the link in your email again and use the button on its page."))
                + "</p>", StatusCodes.Status400BadRequest);
        }

        if (proposal!.Status.IsFinal())
        {
            return Closed(request, language, proposal);
        }

        switch (claims!.Action)
        {
            case LinkActions.Withdraw:
                var reason = VietnameseText.Normalize(form[ReasonField].ToString(), TextMode.MultiLine);
                if (reason.Length > 1000)
                {
                    reason = reason[..1000];
                }

                var instance = await durableClient.GetInstanceAsync(proposal.Id, cancellationToken);
                if (instance?.RuntimeStatus is not OrchestrationRuntimeStatus.Running and not OrchestrationRuntimeStatus.Pending)
                {
                    return Closed(request, language, proposal);
                }

                var (first, use) = await uses.TryUseAsync(claims.LinkId, proposal.Id, ProposalStatus.Withdrawn.ToCode(), cancellationToken);
                if (!first)
                {
                    return AlreadyDecided(request, language, proposal, use);
                }

                try
                {
                    await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.Withdrawn,
                        new WithdrawalRequest("applicant", reason.Length == 0 ? null : reason), cancellationToken);
                }
                catch
                {
                    // The decision did not reach the workflow: free the link so the applicant can try again.
                    await uses.ReleaseAsync(claims.LinkId, CancellationToken.None);
                    throw;
                }

                LogDecided(logger, proposal.Id, claims.Action);
                return Page(request, language, PageLayout.Choose(language, "Đã rút đề án", "Proposal withdrawn"),
                    "<h1 id=\"decision\">" + PageLayout.Encode(PageLayout.Choose(language, "Yêu cầu rút đề án đã được ghi nhận", "Your request to withdraw has been recorded")) + "</h1><p>"
                    + PageLayout.Encode(PageLayout.Choose(language, "Trung tâm Khuyến công sẽ không tiếp tục xem xét đề án ", "The Industrial Promotion Centre will not consider the proposal "))
                    + "<strong>" + PageLayout.Encode(proposal.Submission.Title) + "</strong>. "
                    + PageLayout.Encode(PageLayout.Choose(language, "Một email xác nhận sẽ được gửi tới cơ sở.", "A confirmation email is on its way."))
                    + "</p><p><a href=\"/track/" + PageLayout.Encode(proposal.TrackingCode) + "\">"
                    + PageLayout.Encode(PageLayout.Choose(language, "Xem tình trạng đề án", "See the proposal's status")) + "</a></p>");
            default:
                return NotFound(request, language);
        }
    }

    private async Task<(LinkClaims? Claims, Proposal? Proposal, IActionResult? Refusal)> OpenAsync(HttpRequest request, string token, Language language, CancellationToken cancellationToken)
    {
        var status = links.Verify(token, out var claims);
        if (status == LinkTokenStatus.Invalid)
        {
            return (null, null, NotFound(request, language));
        }

        if (status == LinkTokenStatus.Expired)
        {
            return (null, null, Page(request, language, PageLayout.Choose(language, "Đường liên kết đã hết hạn", "Link expired"),
                "<h1>" + PageLayout.Encode(PageLayout.Choose(language, "Đường liên kết đã hết hạn", "This link has expired")) + "</h1><p>"
                + PageLayout.Encode(PageLayout.Choose(language, "Vui lòng liên hệ Trung tâm Khuyến công để được gửi đường liên kết mới.", "Contact the Industrial Promotion Centre for a new link."))
                + "</p>", StatusCodes.Status410Gone));
        }

        var proposal = await proposals.GetAsync(claims!.ProposalId, cancellationToken);
        return proposal is null ? (null, null, NotFound(request, language)) : (claims, proposal, null);
    }

    private static string WithdrawForm(HttpRequest request, Language language, Proposal proposal, string formToken)
    {
        var action = PageLayout.Encode(request.Path + request.QueryString);
        return "<h1>" + PageLayout.Encode(PageLayout.Choose(language, "Rút đề án", "Withdraw the proposal")) + "</h1>"
            + "<p>" + PageLayout.Encode(PageLayout.Choose(language, "Đề án: ", "Proposal: ")) + "<strong id=\"proposal-title\">" + PageLayout.Encode(proposal.Submission.Title) + "</strong> ("
            + PageLayout.Encode(proposal.TrackingCode) + ")</p>"
            + "<p>" + PageLayout.Encode(PageLayout.Choose(language,
                "Sau khi rút, Trung tâm sẽ không tiếp tục xem xét đề án này. Thao tác này không thể hoàn tác.",
                "Once withdrawn, the Centre will not consider this proposal any further. This cannot be undone.")) + "</p>"
            + "<form method=\"post\" action=\"" + action + "\">"
            + "<input type=\"hidden\" name=\"" + FormTokenField + "\" value=\"" + PageLayout.Encode(formToken) + "\">"
            + "<label for=\"reason\">" + PageLayout.Encode(PageLayout.Choose(language, "Lý do (không bắt buộc)", "Reason (optional)")) + "</label>"
            + "<textarea id=\"reason\" name=\"" + ReasonField + "\" maxlength=\"1000\" rows=\"3\"></textarea>"
            + "<button type=\"submit\" id=\"confirm\">" + PageLayout.Encode(PageLayout.Choose(language, "Xác nhận rút đề án", "Confirm withdrawal")) + "</button>"
            + "</form>";
    }

    private static IActionResult AlreadyDecided(HttpRequest request, Language language, Proposal proposal, LinkUse use)
    {
        var decision = ProposalStatusCodes.TryParse(use.Decision, out var s) ? ProposalStatusLabels.Label(s, language) : use.Decision;
        var at = use.At.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        return Page(request, language, PageLayout.Choose(language, "Đã có quyết định", "Already decided"),
            "<h1>" + PageLayout.Encode(PageLayout.Choose(language, "Đường liên kết này đã được sử dụng", "This link has already been used")) + "</h1><p>"
            + PageLayout.Encode(PageLayout.Choose(language, "Quyết định đã ghi nhận: ", "Decision recorded: ")) + "<strong id=\"recorded-decision\">" + PageLayout.Encode(decision) + "</strong> ("
            + PageLayout.Encode(at) + "), " + PageLayout.Encode(PageLayout.Choose(language, "đề án ", "proposal ")) + PageLayout.Encode(proposal.TrackingCode) + ".</p>",
            StatusCodes.Status409Conflict);
    }

    private static IActionResult Closed(HttpRequest request, Language language, Proposal proposal) =>
        Page(request, language, PageLayout.Choose(language, "Đề án đã kết thúc", "Proposal closed"),
            "<h1>" + PageLayout.Encode(PageLayout.Choose(language, "Đề án không còn chờ thao tác này", "This proposal no longer awaits this action")) + "</h1><p>"
            + PageLayout.Encode(PageLayout.Choose(language, "Tình trạng hiện tại: ", "Current status: ")) + "<strong id=\"recorded-decision\">"
            + PageLayout.Encode(ProposalStatusLabels.Label(proposal.Status, language)) + "</strong></p>",
            StatusCodes.Status409Conflict);

    private static IActionResult NotFound(HttpRequest request, Language language) =>
        Page(request, language, PageLayout.Choose(language, "Không tìm thấy", "Not found"),
            "<h1>" + PageLayout.Encode(PageLayout.Choose(language, "Không tìm thấy đường liên kết", "Link not found")) + "</h1><p>"
            + PageLayout.Encode(PageLayout.Choose(language, "Vui lòng kiểm tra lại đường liên kết trong email.", "Check the link in your email.")) + "</p>",
            StatusCodes.Status404NotFound);

    private static ContentResult Page(HttpRequest request, Language language, string title, string main, int status = StatusCodes.Status200OK)
    {
        var page = PageLayout.Page(request, language, title, main, statusCode: status);
        // Tokens are in the URL: never send them to another site in a Referer, never cache them.
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return page;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Proposal {ProposalId}: decision through a {Action} link")]
    private static partial void LogDecided(ILogger logger, string proposalId, string action);
}
