using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Funding;

/// <summary>A report as posted: the page's report id, the text, whether these are the acceptance papers, the files (already stored).</summary>
/// <param name="ReportId">The id the page gave the report (32 lower-case hex digits): a page posted twice records one report.</param>
/// <param name="Text">The report.</param>
/// <param name="IsAcceptance">These are the acceptance papers (biên bản nghiệm thu, invoices): at least one file is needed.</param>
/// <param name="Files">The files, streamed to the proposal's storage by the adapter; removed again unless the report is stored.</param>
public sealed record ReportForm(string ReportId, string? Text, bool IsAcceptance, IReadOnlyList<IncomingAttachment> Files)
{
    public const string ReportIdField = "reportId";
    public const string TextField = "text";
    public const string AcceptanceField = "acceptance";

    /// <summary>A report id as pages give them: 32 lower-case hex digits.</summary>
    public static bool IsReportId(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);

    /// <summary>A new report id, for a page.</summary>
    public static string NewReportId() => Guid.NewGuid().ToString("N");
}

/// <summary>What the report page shows: the case (approval, contract, reports sent) and the approved amount.</summary>
public sealed record ReportContext(ProposalCase Case, long? ApprovedAmount);

/// <summary>
/// The applicant's progress reports and acceptance papers through the report link (subject "applicant"; used many
/// times) while the proposal is approved, in progress or accepted. No workflow event: officers read the reports from
/// the case. The report row is insert-if-absent by its id, so a page posted twice (or twice at once) records one
/// report; the files of the other post are removed again.
/// </summary>
public sealed class ReportSubmission(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IAttachmentStore attachments,
    TimeProvider time,
    ILogger<ReportSubmission> logger)
{
    private static readonly Bilingual Sent = new("báo cáo đã gửi", "report sent");

    /// <summary>The case, while reports are taken; refused before approval and once the proposal is settled or ended.</summary>
    public async Task<Decision<ReportContext>> OpenAsync(OpenedLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!IsOpen(link.Proposal.Status))
        {
            return Decision<ReportContext>.Conflict(LinkRefusals.Closed(link.Proposal.Status));
        }

        var @case = await cases.GetAsync(link.ProposalId, cancellationToken);
        var approved = link.Proposal.Funding.ApprovedAmount ?? @case.Approvals.LastOrDefault(a => a.Outcome == DirectorOutcome.Approve)?.Amount;
        return Decision<ReportContext>.Done(new(@case, approved));
    }

    /// <summary>Records the report with its files (a text of at most 4,000 characters; acceptance papers need a file).</summary>
    public async Task<Decision<ProgressReport>> SubmitAsync(OpenedLink link, ReportForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stored = false;
        try
        {
            var open = await OpenAsync(link, cancellationToken);
            if (!open.IsDone)
            {
                return open.Refusal<ProgressReport>();
            }

            if (!ReportForm.IsReportId(form.ReportId))
            {
                throw new ArgumentException("A report id is 32 lower-case hex digits (the adapter checks the page's form).", nameof(form));
            }

            if (open.Value!.Case.Reports.FirstOrDefault(r => r.Id == form.ReportId) is { } earlier)
            {
                return Decision<ProgressReport>.Conflict(LinkRefusals.Recorded(Sent, earlier.At));
            }

            var (text, errors) = Validate(form);
            if (!errors.IsEmpty)
            {
                return Decision<ProgressReport>.Invalid(errors);
            }

            stored = true;
            return await StoreAsync(link, form, text, cancellationToken);
        }
        finally
        {
            if (!stored)
            {
                await attachments.DiscardAsync(link.ProposalId, form.Files);
            }
        }
    }

    private static bool IsOpen(ProposalStatus status) => status is ProposalStatus.Approved or ProposalStatus.InProgress or ProposalStatus.Accepted;

    private static (string Text, BilingualErrors Errors) Validate(ReportForm form)
    {
        var text = LinkRefusals.Text(form.Text);
        var errors = new BilingualErrors();
        if (text.Length == 0)
        {
            errors.Add(ReportForm.TextField, "Vui lòng nhập nội dung báo cáo.", "Write the report.");
        }
        else if (text.Length > LinkRefusals.MaxTextLength)
        {
            errors.Add(ReportForm.TextField, LinkRefusals.TooLong());
        }

        if (form.IsAcceptance && form.Files.Count == 0)
        {
            errors.Add(AttachmentRules.FieldName, "Vui lòng đính kèm biên bản nghiệm thu và hóa đơn.", "Attach the acceptance record and the invoices.");
        }

        return (text, errors);
    }

    private async Task<Decision<ProgressReport>> StoreAsync(OpenedLink link, ReportForm form, string text, CancellationToken cancellationToken)
    {
        var purpose = form.IsAcceptance ? AttachmentPurposes.Acceptance : AttachmentPurposes.Progress;
        var files = form.Files.Select(f => new AttachmentInfo(f.Id, f.FileName, AttachmentRules.ContentType(f.Kind), f.Size, f.Sha256, f.UploadedAt, purpose)).ToList();
        var report = new ProgressReport(form.ReportId, form.IsAcceptance, text, files.Select(f => f.Id).ToList(), time.GetUtcNow());
        await proposals.AddAttachmentsAsync(link.ProposalId, files, cancellationToken);
        await cases.AddReportAsync(link.ProposalId, report, cancellationToken);

        // Two posts of one page at once: the report row is insert-if-absent, so only one report is recorded; the files
        // of the other post are removed again.
        var recorded = (await cases.GetAsync(link.ProposalId, cancellationToken)).Reports.First(r => r.Id == form.ReportId);
        if (recorded.At != report.At || !recorded.AttachmentIds.SequenceEqual(report.AttachmentIds))
        {
            foreach (var file in files)
            {
                await proposals.RemoveAttachmentAsync(link.ProposalId, file.Id, CancellationToken.None);
                await attachments.DeleteAsync(link.ProposalId, file.Id, CancellationToken.None);
            }

            return Decision<ProgressReport>.Conflict(LinkRefusals.Recorded(Sent, recorded.At));
        }

        LinkDecisionLog.Decided(logger, link.ProposalId, link.Claims.Action);
        return Decision<ProgressReport>.Done(report);
    }
}
