using KhuyenCong.Application.Funding;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Pages.Links.Report;

/// <summary>What the applicant's report page shows: the approved amount and contract, the reports sent, a new report's form.</summary>
/// <param name="Form">Where the report posts, and its token.</param>
/// <param name="Proposal">The proposal (its files name the reports' attachments).</param>
/// <param name="Context">The case and the approved amount.</param>
/// <param name="ReportId">The new report's id (a page posted twice records one report).</param>
/// <param name="Text">The report's text, when the form is shown again.</param>
/// <param name="IsAcceptance">The acceptance papers box, when the form is shown again.</param>
/// <param name="Errors">The errors by field of the report posted.</param>
public sealed record ReportPageModel(
    LinkFormTarget Form,
    Proposal Proposal,
    ReportContext Context,
    string ReportId,
    string? Text = null,
    bool IsAcceptance = false,
    BilingualErrors? Errors = null);

/// <summary>What the page after a report was sent shows; <paramref name="AnotherReport"/> is the link's page again.</summary>
public sealed record ReportSentPageModel(bool IsAcceptance, int FileCount, string AnotherReport);
