using KhuyenCong.Application.Calls;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Plans;

/// <summary>
/// A call's plan as the officers' plan page shows it: the call, its current selection (null: none proposed yet), its
/// proposals by id, and whether the director's approval is the plan decision (local money, <c>Planning:LocalApprover</c>
/// = <c>department-director</c>).
/// </summary>
public sealed record CallPlanView(Call Call, CallSelection? Selection, IReadOnlyDictionary<string, Proposal> Proposals, bool ApprovalIsPlanDecision)
{
    /// <summary>The selection's facts, as the director's page and the plan page show its lines.</summary>
    public SelectionFacts? Facts => Selection is null ? null : new SelectionFacts(Call, Selection, Proposals, ApprovalIsPlanDecision);
}

/// <summary>Reads a call's plan (<see cref="CallPlanView"/>) for the staff plan page: 404 for an unknown call.</summary>
public sealed class CallPlanViews(ICallStore calls, ISelectionStore selections, IProposalRepository proposals, IOptions<PlanningOptions> planning)
{
    public async Task<Decision<CallPlanView>> ViewAsync(string callId, CancellationToken cancellationToken)
    {
        if (await calls.GetAsync(callId, cancellationToken) is not { } call)
        {
            return Decision<CallPlanView>.NotFound(CallRankings.CallNotFound);
        }

        var selection = (await selections.GetAsync(call.Id, cancellationToken))?.Selection;
        var byId = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        foreach (var line in selection?.Lines ?? [])
        {
            if (await proposals.GetAsync(line.ProposalId, cancellationToken) is { } p)
            {
                byId.Add(p.Id, p);
            }
        }

        return Decision<CallPlanView>.Done(new CallPlanView(call, selection, byId, call.FundingSource == FundingSource.Local && planning.Value.Delegated));
    }
}
