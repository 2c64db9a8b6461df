using KhuyenCong.Application.Approval;

namespace KhuyenCong.Web.Pages.Links.Approval;

/// <summary>The confirm step of an approval: what it commits, before any money is.</summary>
/// <param name="Form">Where the decision posts, and its token.</param>
/// <param name="ProposalTitle">The proposal's title.</param>
/// <param name="Preview">The decision checked, with the budget before and after it.</param>
/// <param name="Posted">What was posted, carried on in hidden fields (and back to the form with "change").</param>
public sealed record ApprovalConfirmPageModel(LinkFormTarget Form, string ProposalTitle, ApprovalPreview Preview, PostedValues Posted)
{
    /// <summary>The "change" button's name: back to the form with the values typed, nothing decided.</summary>
    public const string EditField = "edit";

    /// <summary>The fields carried from the form to the confirm step.</summary>
    public static IReadOnlyList<string> CarriedFields { get; } =
    [
        DirectorDecisionForm.DecisionField, DirectorDecisionForm.AmountField, DirectorDecisionForm.DecisionNumberField,
        DirectorDecisionForm.DecisionDateField, DirectorDecisionForm.CommentField,
    ];
}
