using KhuyenCong.Application.Links;
using KhuyenCong.Application.Revision;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Links.Revision;
using KhuyenCong.Web.Pages.NewProposal;
using KhuyenCong.Web.Pages.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The applicant's revision link (subject "applicant", round = screening round): the page of
/// <see cref="RevisionSubmission"/>. The stage is checked before the form (and its files) is read.
/// </summary>
public sealed class RevisionLinkPage(RevisionSubmission revisions, LinkUploads uploads, LinkPages pages) : ILinkPage
{
    /// <summary>The fields' hints (the intake form's), in both languages.</summary>
    private static readonly IReadOnlyDictionary<string, Bilingual> Hints = ProposalFieldRules.All
        .Where(r => ProposalFormTexts.Hint(r.Name) is not null)
        .ToDictionary(r => r.Name, r => ProposalFormTexts.Hint(r.Name)!, StringComparer.Ordinal);

    private static readonly Bilingual AttachmentsHint = ProposalFormTexts.AttachmentsHint;

    public string Action => LinkActions.Revise;

    public bool ReadsFiles => true;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await pages.ShowAsync(link, await revisions.OpenAsync(link.Opened, cancellationToken),
            screening => Page(link, screening, link.Proposal.Submission.ToForm(), new HashSet<string>(StringComparer.Ordinal), null, StatusCodes.Status200OK));
    }

    public async Task<IActionResult> DecideAsync(LinkRequest link, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (await revisions.OpenAsync(link.Opened, cancellationToken) is { IsDone: false } closed)
        {
            return await pages.RefusalAsync(link, closed);
        }

        var (content, unreadable) = await uploads.ReadAsync(link, null, cancellationToken);
        if (content is null)
        {
            return unreadable!;
        }

        var fields = ProposalForm.FromFields(name => content[name]);
        var removed = content.All(RevisionForm.RemoveField);
        var decision = await revisions.SubmitAsync(link.Opened, new RevisionForm(fields, removed, content.Files), events, cancellationToken);
        return await pages.AnswerAsync(link, decision, () => revisions.OpenAsync(link.Opened, cancellationToken),
            (screening, status) => Page(link, screening, fields, removed.ToHashSet(StringComparer.Ordinal), decision.Errors, status),
            submission => pages.PageAsync<RevisionSentPage, RevisionSentPageModel>(link, new(submission.Title, link.Proposal.TrackingCode)));
    }

    private Task<IActionResult> Page(LinkRequest link, ScreeningRecord screening, ProposalForm values, IReadOnlySet<string> removed, BilingualErrors? errors, int status) =>
        pages.PageAsync<RevisionPage, RevisionPageModel>(link, new(link.FormTarget, link.Proposal, screening, values, removed, Hints, AttachmentsHint, errors), status);
}
