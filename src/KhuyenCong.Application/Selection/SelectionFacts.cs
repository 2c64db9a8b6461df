using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Selection;

namespace KhuyenCong.Application.Selection;

/// <summary>
/// What the director's selection page shows: the call, the selection of the link's round, its proposals by id, and
/// whether approving it is the plan decision (local money where <c>Planning:LocalApprover</c> is <c>department-director</c>).
/// </summary>
public sealed record SelectionFacts(Call Call, CallSelection Selection, IReadOnlyDictionary<string, Proposal> Proposals, bool ApprovalIsPlanDecision = false);
