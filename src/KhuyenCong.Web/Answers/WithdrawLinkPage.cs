using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Web.Pages.Links.Withdrawal;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>The applicant's withdraw link (in the acknowledgement email): the page of <see cref="Withdrawal"/>.</summary>
public sealed class WithdrawLinkPage(Withdrawal withdrawal, LinkPages pages) : ILinkPage
{
    public string Action => LinkActions.Withdraw;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await pages.ShowAsync(link, await withdrawal.OpenAsync(link.Opened, cancellationToken),
            _ => pages.PageAsync<WithdrawalPage, WithdrawalPageModel>(link, Model(link)));
    }

    public async Task<IActionResult> DecideAsync(LinkRequest link, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var decision = await withdrawal.WithdrawAsync(link.Opened, link.Field(Withdrawal.ReasonField), events, cancellationToken);
        return decision.IsDone
            ? await pages.PageAsync<WithdrawalRecordedPage, WithdrawalPageModel>(link, Model(link))
            : await pages.RefusalAsync(link, decision);
    }

    private static WithdrawalPageModel Model(LinkRequest link) => new(link.FormTarget, link.Proposal.Submission.Title, link.Proposal.TrackingCode);
}
