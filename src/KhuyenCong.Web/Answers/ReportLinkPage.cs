using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Pages.Links.Report;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The applicant's report link (subject "applicant"; used many times): the page of <see cref="ReportSubmission"/>. Each
/// page carries a new report id, so a form posted twice records one report. The stage is checked before the form (and
/// its files) is read.
/// </summary>
public sealed class ReportLinkPage(ReportSubmission reports, LinkUploads uploads, LinkPages pages) : ILinkPage
{
    public string Action => LinkActions.Report;

    public bool ReadsFiles => true;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await pages.ShowAsync(link, await reports.OpenAsync(link.Opened, cancellationToken),
            context => pages.PageAsync<ReportPage, ReportPageModel>(link, new(link.FormTarget, link.Proposal, context, ReportForm.NewReportId())));
    }

    public async Task<IActionResult> DecideAsync(LinkRequest link, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (await reports.OpenAsync(link.Opened, cancellationToken) is { IsDone: false } closed)
        {
            return await pages.RefusalAsync(link, closed);
        }

        var (content, unreadable) = await uploads.ReadAsync(link, c => ReportForm.IsReportId(c[ReportForm.ReportIdField]), cancellationToken);
        if (content is null)
        {
            return unreadable!;
        }

        var form = new ReportForm(content[ReportForm.ReportIdField]!, content[ReportForm.TextField], content[ReportForm.AcceptanceField] == "yes", content.Files);
        var decision = await reports.SubmitAsync(link.Opened, form, cancellationToken);
        return await pages.AnswerAsync(link, decision, () => reports.OpenAsync(link.Opened, cancellationToken),
            (context, status) => pages.PageAsync<ReportPage, ReportPageModel>(link,
                new(link.FormTarget, link.Proposal, context, form.ReportId, form.Text, form.IsAcceptance, decision.Errors), status),
            report => pages.PageAsync<ReportSentPage, ReportSentPageModel>(link, new(report.IsAcceptancePapers, report.AttachmentIds.Count, link.FormTarget.Action)));
    }
}
