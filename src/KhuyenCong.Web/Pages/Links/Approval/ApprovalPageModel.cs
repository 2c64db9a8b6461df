using KhuyenCong.Application.Approval;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Links.Approval;

/// <summary>What the director's approval page shows: the proposal, the cap and budget, the council's appraisal, the decision form.</summary>
/// <param name="Form">Where the decision posts, and its token.</param>
/// <param name="Proposal">The proposal to decide on.</param>
/// <param name="Facts">The case, the cap in force, the largest amount that can be approved, the budget.</param>
/// <param name="SignedInDirector">The page was opened by the signed-in director (otherwise it says that only they decide).</param>
/// <param name="Today">Today in Vietnam, the decision date's default.</param>
/// <param name="Posted">What was posted, when the form is shown again.</param>
/// <param name="Errors">The errors by field of the decision posted (a budget refused is an error of the amount).</param>
public sealed record ApprovalPageModel(
    LinkFormTarget Form,
    Proposal Proposal,
    ApprovalFacts Facts,
    bool SignedInDirector,
    DateOnly Today,
    PostedValues Posted,
    BilingualErrors? Errors = null)
{
    /// <summary>A decision the budget (or the ledger) refused: the form again, the reason at the amount.</summary>
    public static BilingualErrors Refused(Bilingual reason) => new BilingualErrors().Add(DirectorDecisionForm.AmountField, reason);
}

/// <summary>What the page after the director's decision shows.</summary>
public sealed record ApprovalRecordedPageModel(string ProposalTitle, ApprovalRecord Approval);
