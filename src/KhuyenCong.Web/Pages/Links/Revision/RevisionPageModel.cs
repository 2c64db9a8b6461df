using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Links.Revision;

/// <summary>What the applicant's revision page shows: what was asked, the proposal's fields, the dossier.</summary>
/// <param name="Form">Where the corrections post, and their token.</param>
/// <param name="Proposal">The proposal (its dossier, its tax code).</param>
/// <param name="Screening">The screening round whose request the page answers (comment, blocking findings, deadline).</param>
/// <param name="Values">The fields' values: the proposal's on a fresh page, what was typed on a page shown again.</param>
/// <param name="Removed">The dossier's files ticked for removal.</param>
/// <param name="Hints">The fields' hints, by field name.</param>
/// <param name="AttachmentsHint">The hint of the files field (types and sizes accepted).</param>
/// <param name="Errors">The errors by field of the corrections posted; the files chosen were then not kept.</param>
public sealed record RevisionPageModel(
    LinkFormTarget Form,
    Proposal Proposal,
    ScreeningRecord Screening,
    ProposalForm Values,
    IReadOnlySet<string> Removed,
    IReadOnlyDictionary<string, Bilingual> Hints,
    Bilingual AttachmentsHint,
    BilingualErrors? Errors = null);

/// <summary>What the page after corrections were sent shows.</summary>
public sealed record RevisionSentPageModel(string ProposalTitle, string TrackingCode);
