using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Functions.Workflow;

internal sealed partial class ProposalProcess
{
    /// <summary>The director decides through the emailed link: approve (the amount is committed), reject or send back for revision.</summary>
    private async Task<Step> ApproveAsync()
    {
        var round = ++ApprovalRound;
        Publish();
        await SendAsync(WorkflowEmailKind.ApprovalRequest, round);
        var decided = Listen<DirectorDecision>(WorkflowEvents.DirectorDecided);
        var start = Context.CurrentUtcDateTime;
        var reminders = 0;
        while (true)
        {
            var (outcome, decision) = await WaitForRoundAsync(decided, d => d.Round == round, start + (Settings.ApprovalReminderInterval * (reminders + 1)));
            if (outcome == WaitOutcome.Ended)
            {
                return Step.Done;
            }

            if (outcome == WaitOutcome.Woke)
            {
                reminders++;
                await SendAsync(WorkflowEmailKind.ApprovalRequest, round, reminders);
                continue;
            }

            return await DecidedAsync(round, decision!);
        }
    }

    /// <summary>The director's decision, as stored by the approval link (for an approval, the amount is already committed).</summary>
    private async Task<Step> DecidedAsync(int round, DirectorDecision decision)
    {
        var approval = await CallAsync<ApprovalRecord>(nameof(ProposalActivities.ApplyApproval), new RoundInput(ProposalId, round));
        switch (decision.Outcome)
        {
            case DirectorOutcome.Approve:
                Committed = true;
                await ChangeStatusAsync(ProposalStatus.Approved, decision.By, approval.DecisionNumber is null ? null : "QĐ " + approval.DecisionNumber);
                await SendAsync(WorkflowEmailKind.Approved, round);
                return Step.AwaitContract;
            case DirectorOutcome.Reject:
                await ChangeStatusAsync(ProposalStatus.Rejected, decision.By, approval.Comment);
                await SendAsync(WorkflowEmailKind.Rejected, round);
                return Step.Done;
            default:
                ScreeningRound++;
                directorRevision = new RevisionAsk(decision.By, approval.Comment);
                await ChangeStatusAsync(ProposalStatus.NeedsRevision, decision.By, approval.Comment);
                return Step.AwaitRevision;
        }
    }

    /// <summary>An officer records the contract: the work starts.</summary>
    private async Task<Step> AwaitContractAsync()
    {
        var contract = Listen<ContractNotice>(WorkflowEvents.ContractRecorded);
        var (outcome, notice) = await WaitForRoundAsync(contract, _ => true, wakeAt: null);
        if (outcome == WaitOutcome.Ended)
        {
            return Step.Done;
        }

        var number = await CallAsync<string>(nameof(ProposalActivities.ApplyContract), ProposalId);
        await ChangeStatusAsync(ProposalStatus.InProgress, notice!.By, "HĐ " + number);
        await SendAsync(WorkflowEmailKind.ContractRecorded, 1);
        return Step.Implement;
    }

    /// <summary>Payments as finance records them; acceptance confirmed by an officer; the final payment settles the proposal.</summary>
    private async Task<Step> ImplementAsync()
    {
        var payment = Listen<PaymentNotice>(WorkflowEvents.PaymentRecorded);
        var acceptance = Listen<AcceptanceNotice>(WorkflowEvents.AcceptanceConfirmed);
        while (true)
        {
            var winner = await WaitAsync(null, payment.Task, acceptance.Task);
            if (await EndedAsync(winner))
            {
                return Step.Done;
            }

            if (winner == acceptance.Task)
            {
                var accepted = await acceptance.Task;
                acceptance.Renew();
                await AcceptedAsync(accepted);
                continue;
            }

            var paid = await payment.Task;
            payment.Renew();
            if (await PaidAsync(paid))
            {
                return Step.Done;
            }
        }
    }

    /// <summary>Acceptance counts once, while the work is in progress.</summary>
    private async Task AcceptedAsync(AcceptanceNotice notice)
    {
        if (Status == ProposalStatus.InProgress)
        {
            await CallAsync(nameof(ProposalActivities.ApplyAcceptance), ProposalId);
            await ChangeStatusAsync(ProposalStatus.Accepted, notice.By, null);
            await SendAsync(WorkflowEmailKind.Accepted, 1);
        }
    }

    /// <summary>A payment is copied to the record; the final one after acceptance settles the proposal (true).</summary>
    private async Task<bool> PaidAsync(PaymentNotice paid)
    {
        await CallAsync(nameof(ProposalActivities.ApplyPayment), ProposalId);
        if (paid.Kind != PaymentKind.Final || Status != ProposalStatus.Accepted)
        {
            return false;
        }

        await CallAsync(nameof(ProposalActivities.Settle), ProposalId);
        await ChangeStatusAsync(ProposalStatus.Settled, paid.By, null);
        await SendAsync(WorkflowEmailKind.Settled, 1);
        return true;
    }
}
