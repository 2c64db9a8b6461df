using KhuyenCong.Domain.Calls;

namespace KhuyenCong.Web.Pages.NewProposal;

/// <summary>What the proposal form page shows.</summary>
/// <param name="Rules">The data its script reads (<see cref="ProposalFormRules.Build"/>): field rules and messages, the caps in force.</param>
/// <param name="Posted">The form as sent, with its problems, when it is shown again after a post without JavaScript;
/// null for a blank form.</param>
public sealed record ProposalFormPageModel(FormRulesModel Rules, PostedProposalForm? Posted = null)
{
    /// <summary>Where the form posts (multipart/form-data), with <c>?lang=</c> added.</summary>
    public const string SubmitPath = "/api/proposals";

    /// <summary>The calls open today (Vietnam), one of which the applicant chooses (<c>callId</c>); none: the form has no call to choose.</summary>
    public IReadOnlyList<Call> OpenCalls { get; init; } = [];
}
