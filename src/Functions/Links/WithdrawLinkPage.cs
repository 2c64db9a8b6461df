using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using static KhuyenCong.Functions.Links.LinkPageKit;

namespace KhuyenCong.Functions.Links;

/// <summary>The applicant's withdraw link (in the acknowledgement email): single-use through <see cref="ILinkUseStore"/>.</summary>
public sealed class WithdrawLinkPage(ILinkUseStore uses, ILogger<WithdrawLinkPage> logger) : ILinkPage
{
    public const string ReasonField = "reason";

    public string Action => LinkActions.Withdraw;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (await uses.GetAsync(link.Claims.LinkId, cancellationToken) is { } used)
        {
            return Used(link, used);
        }

        if (link.Proposal.Status.IsFinal())
        {
            return Closed(link);
        }

        return Page(link, link.T("Rút đề án", "Withdraw the proposal"), Form(link));
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

        var proposal = link.Proposal;
        if (proposal.Status.IsFinal())
        {
            return Closed(link);
        }

        var reason = Text(form[ReasonField].ToString());
        if (reason.Length > 1000)
        {
            reason = reason[..1000];
        }

        var instance = await durableClient.GetInstanceAsync(proposal.Id, cancellationToken);
        if (instance?.RuntimeStatus is not OrchestrationRuntimeStatus.Running and not OrchestrationRuntimeStatus.Pending)
        {
            return Closed(link);
        }

        var (first, use) = await uses.TryUseAsync(link.Claims.LinkId, proposal.Id, ProposalStatus.Withdrawn.ToCode(), cancellationToken);
        if (!first)
        {
            return Used(link, use);
        }

        try
        {
            await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.Withdrawn,
                new WithdrawalRequest("applicant", reason.Length == 0 ? null : reason), cancellationToken);
        }
        catch
        {
            // The decision did not reach the workflow: free the link so the applicant can try again.
            await uses.ReleaseAsync(link.Claims.LinkId, CancellationToken.None);
            throw;
        }

        LinkLog.Decided(logger, proposal.Id, link.Claims.Action);
        return Page(link, link.T("Đã rút đề án", "Proposal withdrawn"),
            "<h1 id=\"decision\">" + E(link.T("Yêu cầu rút đề án đã được ghi nhận", "Your request to withdraw has been recorded")) + "</h1><p>"
            + E(link.T("Trung tâm Khuyến công sẽ không tiếp tục xem xét đề án ", "The Industrial Promotion Centre will not consider the proposal "))
            + "<strong>" + E(proposal.Submission.Title) + "</strong>. "
            + E(link.T("Một email xác nhận sẽ được gửi tới cơ sở.", "A confirmation email is on its way."))
            + "</p><p><a href=\"/track/" + E(proposal.TrackingCode) + "\">"
            + E(link.T("Xem tình trạng đề án", "See the proposal's status")) + "</a></p>");
    }

    private static IActionResult Used(LinkRequest link, LinkUse use)
    {
        var decision = ProposalStatusCodes.TryParse(use.Decision, out var s) ? ProposalStatusLabels.Label(s, link.Language) : use.Decision;
        return AlreadyDecided(link, E(decision), use.At);
    }

    private static string Form(LinkRequest link) =>
        "<h1>" + E(link.T("Rút đề án", "Withdraw the proposal")) + "</h1>"
        + "<p>" + E(link.T("Đề án: ", "Proposal: ")) + "<strong id=\"proposal-title\">" + E(link.Proposal.Submission.Title) + "</strong> ("
        + E(link.Proposal.TrackingCode) + ")</p>"
        + "<p>" + E(link.T(
            "Sau khi rút, Trung tâm sẽ không tiếp tục xem xét đề án này. Thao tác này không thể hoàn tác.",
            "Once withdrawn, the Centre will not consider this proposal any further. This cannot be undone.")) + "</p>"
        + "<form method=\"post\" action=\"" + link.FormAction + "\">"
        + HiddenFormToken(link)
        + "<label for=\"reason\">" + E(link.T("Lý do (không bắt buộc)", "Reason (optional)")) + "</label>"
        + "<textarea id=\"reason\" name=\"" + ReasonField + "\" maxlength=\"1000\" rows=\"3\"></textarea>"
        + "<button type=\"submit\" id=\"confirm\">" + E(link.T("Xác nhận rút đề án", "Confirm withdrawal")) + "</button>"
        + "</form>";
}
