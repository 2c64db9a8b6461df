using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.Application.Workflow.Steps;

public sealed partial class WorkflowSteps
{
    /// <summary>Reads the director's decision of a round; for an approval, writes the amount and decision to the record.</summary>
    public async Task<ApprovalRecord> ApplyApprovalAsync(RoundInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        var approval = (await cases.GetAsync(input.ProposalId, cancellationToken)).Approvals.FirstOrDefault(a => a.Round == input.Round)
            ?? throw new InvalidOperationException($"Proposal {input.ProposalId} has no decision for approval round {input.Round}.");
        if (approval.Outcome == DirectorOutcome.Approve)
        {
            var proposal = await RequireAsync(input.ProposalId, cancellationToken);
            await proposals.SaveFundingAsync(proposal.Id, proposal.Funding with
            {
                ApprovedAmount = approval.Amount,
                DecisionNumber = approval.DecisionNumber,
                DecisionDate = approval.DecisionDate,
            }, cancellationToken);
        }

        return approval;
    }

    /// <summary>
    /// Version 2: writes an included proposal's plan decision (amount, number, date) to the record. The money is not
    /// touched here: the decision's use case committed it before raising the event.
    /// </summary>
    public async Task ApplyPlanDecisionAsync(PlanDecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = logger.ProposalScope(input.ProposalId);
        var proposal = await RequireAsync(input.ProposalId, cancellationToken);
        await proposals.SaveFundingAsync(proposal.Id, proposal.Funding with
        {
            ApprovedAmount = input.Amount,
            DecisionNumber = input.DecisionNumber,
            DecisionDate = input.DecisionDate,
        }, cancellationToken);
    }

    /// <summary>Writes the contract to the record; returns its number.</summary>
    public async Task<string> ApplyContractAsync(string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        var contract = (await cases.GetAsync(proposalId, cancellationToken)).Contract
            ?? throw new InvalidOperationException($"Proposal {proposalId} has no contract recorded.");
        var proposal = await RequireAsync(proposalId, cancellationToken);
        await proposals.SaveFundingAsync(proposalId, proposal.Funding with { ContractNumber = contract.ContractNumber, ContractDate = contract.ContractDate }, cancellationToken);
        return contract.ContractNumber;
    }

    /// <summary>Copies what the ledger says was paid to the record.</summary>
    public async Task ApplyPaymentAsync(string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        var proposal = await RequireAsync(proposalId, cancellationToken);
        var commitment = await ProposalCommitments.AcrossYearsAsync(ledger, proposal, cancellationToken);
        await proposals.SaveFundingAsync(proposalId, proposal.Funding with { PaidAmount = commitment?.Paid ?? 0 }, cancellationToken);
    }

    /// <summary>Writes the acceptance date and the actual results recorded with it to the record.</summary>
    public async Task ApplyAcceptanceAsync(string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        var acceptance = (await cases.GetAsync(proposalId, cancellationToken)).Acceptance
            ?? throw new InvalidOperationException($"Proposal {proposalId} has no acceptance recorded.");
        var proposal = await RequireAsync(proposalId, cancellationToken);
        await proposals.SaveFundingAsync(proposalId, proposal.Funding with { AcceptedOn = acceptance.AcceptedOn, Results = acceptance.Results ?? proposal.Funding.Results }, cancellationToken);
    }

    /// <summary>Settlement: what was approved but not paid goes back to the budget, and the record is closed.</summary>
    public async Task SettleAsync(string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        var proposal = await RequireAsync(proposalId, cancellationToken);
        var released = await ledger.ReleaseAsync(BudgetOf(proposal), proposalId, "system", cancellationToken);
        await proposals.SaveFundingAsync(proposalId, proposal.Funding with
        {
            PaidAmount = released.Commitment?.Paid ?? proposal.Funding.PaidAmount,
            SettledOn = proposal.Funding.SettledOn ?? VietnamTime.Today(time),
        }, cancellationToken);
    }

    /// <summary>A proposal withdrawn or cancelled after approval gives its unpaid money back to the budget.</summary>
    public async Task ReleaseFundingAsync(string proposalId, CancellationToken cancellationToken)
    {
        using var scope = logger.ProposalScope(proposalId);
        var proposal = await RequireAsync(proposalId, cancellationToken);
        await ledger.ReleaseAsync(BudgetOf(proposal), proposalId, "system", cancellationToken);
    }
}
