using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Links.Review;

/// <summary>A file of the dossier as a reviewer downloads it through their link.</summary>
/// <param name="FileName">The file's name.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Href">Its address behind the link (<c>/links/{token}/files/{id}</c>).</param>
public sealed record DossierFile(string FileName, long Size, string Href);

/// <summary>What the reviewer's page shows: the proposal and its files, the conflict declaration, the score sheet.</summary>
/// <param name="Form">Where the page's two forms post, and their token.</param>
/// <param name="Proposal">The proposal reviewed.</param>
/// <param name="Review">The reviewer's open review (name, due date).</param>
/// <param name="Rubric">The rubric it is scored against.</param>
/// <param name="Files">The dossier's files.</param>
/// <param name="Posted">What was posted, when the page is shown again with errors (its intent says which form).</param>
/// <param name="Errors">The errors by field of the form posted.</param>
public sealed record ReviewPageModel(
    LinkFormTarget Form,
    Proposal Proposal,
    ReviewRecord Review,
    Rubric Rubric,
    IReadOnlyList<DossierFile> Files,
    PostedValues Posted,
    BilingualErrors? Errors = null)
{
    /// <summary>The hidden field that says which of the page's forms was posted.</summary>
    public const string IntentField = "intent";

    public const string ScoreIntent = "review";

    public const string ConflictIntent = "conflict";

    /// <summary>The conflict declaration was posted (it is shown open again).</summary>
    public bool ConflictPosted => Posted[IntentField] == ConflictIntent;

    /// <summary>The score sheet was posted (its values are shown again).</summary>
    public bool ScoresPosted => !Posted.IsEmpty && !ConflictPosted;
}

/// <summary>What the page after a recorded review shows: the proposal's title, the review, its rubric.</summary>
public sealed record ReviewRecordedPageModel(string ProposalTitle, ReviewRecord Review, Rubric Rubric);
