using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.WorkQueue;

/// <summary>What the director decides on.</summary>
public enum DirectorTask
{
    /// <summary>A proposal the council appraised, awaiting the director's approval (per-proposal approval).</summary>
    ProposalApproval,

    /// <summary>A call's selection the officers proposed, awaiting the director's approval (the plan decision where delegated).</summary>
    SelectionApproval,
}

/// <summary>
/// A proposal awaiting approval, with what the top of its approval page shows: the amount asked, the council's verdict
/// (passed or not, average score) and what is left of its budget line (never below 0).
/// </summary>
public sealed record ProposalAwaitingApproval(string Id, string TrackingCode, string OrganizationName, long Requested, VerdictRecord? Verdict, long BudgetLeft);

/// <summary>
/// A call's selection awaiting approval, with what its approval page shows: the lines included of all, their total,
/// the money left for the plan year when it was proposed (null for national money: the Ministry decides), and whether
/// approving it is the plan decision (delegation).
/// </summary>
public sealed record SelectionAwaitingApproval(string CallId, int PlanYear, FundingSource FundingSource, int Included, int Lines, long Total, long? Available,
    bool IsPlanDecision);

/// <summary>One decision waiting on the director.</summary>
/// <param name="Task">What is decided.</param>
/// <param name="Title">The proposal's or the call's title.</param>
/// <param name="Round">The approval round (a proposal's) or the selection round (a call's) the decision is for.</param>
/// <param name="Since">When it started waiting (the proposal entered "awaiting approval"; the selection was proposed).</param>
/// <param name="DueAt">When the decision is due, if it has a deadline (a proposal's: the approval wait limit).</param>
/// <param name="DecisionUrl">A freshly signed link to its decision page, for the signed-in director (ADR 0031).</param>
public sealed record DirectorWorkItem(DirectorTask Task, string Title, int Round, DateTimeOffset Since, DateTimeOffset? DueAt, string DecisionUrl) : IWaitingWork
{
    /// <summary>The proposal's figures (<see cref="DirectorTask.ProposalApproval"/> only).</summary>
    public ProposalAwaitingApproval? Proposal { get; init; }

    /// <summary>The selection's figures (<see cref="DirectorTask.SelectionApproval"/> only).</summary>
    public SelectionAwaitingApproval? Selection { get; init; }

    /// <summary>The task's code in the page (<c>data-task</c>).</summary>
    public static string Code(DirectorTask task) => task == DirectorTask.ProposalApproval ? "proposal-approval" : "selection-approval";

    /// <summary>The task's name for the page.</summary>
    public static Bilingual Label(DirectorTask task) => task == DirectorTask.ProposalApproval
        ? new("Phê duyệt đề án", "Approve a proposal")
        : new("Duyệt danh sách lựa chọn", "Approve a call's selection");
}
