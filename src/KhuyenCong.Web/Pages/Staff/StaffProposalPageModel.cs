using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Email;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>What the staff page of one proposal shows.</summary>
/// <param name="Proposal">The record: submission, attachments, history.</param>
/// <param name="Case">What the workflow recorded: screenings, reviews, verdicts, approvals, contract, reports, acceptance.</param>
/// <param name="Payments">The payments recorded.</param>
/// <param name="Commitment">The money committed to it, when approved.</param>
/// <param name="Emails">The emails sent about it.</param>
/// <param name="Actions">The action forms to offer this staff member now.</param>
/// <param name="Forms">The CSRF token and the new payment's id the forms carry.</param>
/// <param name="Links">Addresses keeping the language and LocalHost's function key.</param>
/// <param name="Done">The page was opened after an action was recorded: say so.</param>
public sealed record StaffProposalPageModel(
    Proposal Proposal,
    ProposalCase Case,
    IReadOnlyList<BudgetPayment> Payments,
    Commitment? Commitment,
    IReadOnlyList<SentEmail> Emails,
    StaffActionChoices Actions,
    StaffFormValues Forms,
    StaffLinks Links,
    bool Done)
{
    /// <summary>A refused action form posted without JavaScript, shown again with its values and messages (null: the page as opened).</summary>
    public PostedAction? Posted { get; init; }
}

/// <summary>Values the action forms carry.</summary>
/// <param name="Token">The CSRF token issued for the staff member (ADR 0011).</param>
/// <param name="PaymentId">A new payment's id, so that sending the payment form twice records one payment.</param>
public sealed record StaffFormValues(string Token, string PaymentId);
