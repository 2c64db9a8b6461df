using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Application.WorkQueue;

/// <summary>Why a proposal waits on an officer (the step the officer must take next).</summary>
public enum WorkReason
{
    /// <summary>Submitted or in screening: the officer checks the dossier and decides.</summary>
    Screening,

    /// <summary>The applicant sent the documents asked for: screening again.</summary>
    DocumentsReturned,

    /// <summary>In appraisal with reviews past their due date: remind or replace the reviewers.</summary>
    ReviewsOverdue,

    /// <summary>Approved: the contract to sign and record.</summary>
    Contract,

    /// <summary>In progress with the acceptance papers sent: the acceptance (nghiệm thu) to record.</summary>
    Acceptance,

    /// <summary>Accepted: the payment to record.</summary>
    Payment,
}

/// <summary>One proposal waiting on an officer.</summary>
/// <param name="Proposal">The proposal (its index row).</param>
/// <param name="Reason">The step waiting.</param>
/// <param name="Since">When it started waiting (the status's or the returned documents' time).</param>
/// <param name="DueAt">When the step is due, if it has a deadline (screening's wait limit, the reviews' due date).</param>
/// <param name="Flags">The automatic screening checks' findings of the current round (screening steps only).</param>
/// <param name="OverdueReviews">Open reviews past their due date.</param>
public sealed record WorkItem(ProposalSummary Proposal, WorkReason Reason, DateTimeOffset Since, DateTimeOffset? DueAt,
    IReadOnlyList<ScreeningFinding> Flags, int OverdueReviews) : IWaitingWork
{
    /// <summary>True when an automatic check found something that keeps the dossier from being accepted as is.</summary>
    public bool HasBlockingFlag => Flags.Any(f => f.Blocking);

    /// <summary>The reasons by their codes in addresses (<c>?reason=reviews-overdue</c>).</summary>
    public static IReadOnlyDictionary<string, WorkReason> Codes { get; } = new Dictionary<string, WorkReason>(StringComparer.Ordinal)
    {
        ["screening"] = WorkReason.Screening,
        ["documents-returned"] = WorkReason.DocumentsReturned,
        ["reviews-overdue"] = WorkReason.ReviewsOverdue,
        ["contract"] = WorkReason.Contract,
        ["acceptance"] = WorkReason.Acceptance,
        ["payment"] = WorkReason.Payment,
    };

    /// <summary>The reason's code in addresses.</summary>
    public static string Code(WorkReason reason) => Codes.First(c => c.Value == reason).Key;

    /// <summary>The step's name for the page and the exports.</summary>
    public static Bilingual Label(WorkReason reason) => reason switch
    {
        WorkReason.Screening => new("Kiểm tra hồ sơ", "Screen the dossier"),
        WorkReason.DocumentsReturned => new("Hồ sơ bổ sung đã nộp: kiểm tra lại", "Documents returned: screen again"),
        WorkReason.ReviewsOverdue => new("Chuyên gia quá hạn nhận xét", "Reviews overdue"),
        WorkReason.Contract => new("Ký hợp đồng", "Sign the contract"),
        WorkReason.Acceptance => new("Nghiệm thu", "Record the acceptance"),
        _ => new("Thanh toán", "Record the payment"),
    };
}
