using System.Globalization;
using System.Text;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Web;
using KhuyenCong.Web.Pages.NewProposal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static KhuyenCong.Functions.Links.LinkPageKit;
using AttachmentRules = KhuyenCong.Domain.Attachments.AttachmentRules;

namespace KhuyenCong.Functions.Links;

/// <summary>
/// The applicant's report link (subject "applicant"; used many times): progress reports and the acceptance papers,
/// with files, while the proposal is approved, in progress or accepted. No event: officers read the reports from the
/// case. Each page carries a report id, so a form posted twice records one report.
/// </summary>
public sealed class ReportLinkPage(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IAttachmentStore attachments,
    ProposalRequestReader reader,
    IOptions<IntakeOptions> intake,
    TimeProvider time,
    ILogger<ReportLinkPage> logger) : ILinkPage
{
    public const string ReportIdField = "reportId";
    public const string TextField = "text";
    public const string AcceptanceField = "acceptance";

    public string Action => LinkActions.Report;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!IsOpen(link.Proposal.Status))
        {
            return Closed(link);
        }

        var @case = await cases.GetAsync(link.Proposal.Id, cancellationToken);
        return Render(link, @case, Errors(), Guid.NewGuid().ToString("N"), null, false);
    }

    public async Task<IActionResult> DecideAsync(LinkRequest link, DurableTaskClient durableClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var proposal = link.Proposal;
        if (!IsOpen(proposal.Status))
        {
            return Closed(link);
        }

        var limits = intake.Value;
        LinkFormContent content;
        try
        {
            content = await reader.ReadLinkFormAsync(link.Http, proposal.Id, link.Language, limits.MaxFiles, limits.MaxProposalBytes, cancellationToken);
        }
        catch (RequestRejectedException ex)
        {
            return Refused(link, ex.Status, ex.Message);
        }

        var stored = false;
        try
        {
            if (!link.IsValidFormToken(content[FormTokenField]))
            {
                return InvalidForm(link);
            }

            var @case = await cases.GetAsync(proposal.Id, cancellationToken);
            var reportId = content[ReportIdField] ?? string.Empty;
            if (reportId.Length != 32 || !reportId.All(char.IsAsciiHexDigitLower))
            {
                return InvalidForm(link);
            }

            if (@case.Reports.FirstOrDefault(r => r.Id == reportId) is { } earlier)
            {
                return AlreadyDecided(link, E(link.T("báo cáo đã gửi", "report sent")), earlier.At);
            }

            var text = Text(content[TextField]);
            var isAcceptance = content[AcceptanceField] == "yes";
            var errors = Errors();
            if (text.Length == 0)
            {
                Add(errors, TextField, link.T("Vui lòng nhập nội dung báo cáo.", "Write the report."));
            }
            else if (text.Length > MaxCommentLength)
            {
                Add(errors, TextField, link.T($"Nội dung không được dài quá {MaxCommentLength} ký tự.", $"At most {MaxCommentLength} characters."));
            }

            if (isAcceptance && content.Files.Count == 0)
            {
                Add(errors, AttachmentRules.FieldName, link.T("Vui lòng đính kèm biên bản nghiệm thu và hóa đơn.", "Attach the acceptance record and the invoices."));
            }

            if (errors.Count > 0)
            {
                return Render(link, @case, errors, reportId, text, isAcceptance, StatusCodes.Status422UnprocessableEntity);
            }

            var purpose = isAcceptance ? AttachmentPurposes.Acceptance : AttachmentPurposes.Progress;
            var now = time.GetUtcNow();
            var files = content.Files.Select(f => new AttachmentInfo(f.Id, f.FileName, AttachmentRules.ContentType(f.Kind), f.Size, f.Sha256, f.UploadedAt, purpose)).ToList();
            stored = true;
            await proposals.AddAttachmentsAsync(proposal.Id, files, cancellationToken);
            await cases.AddReportAsync(proposal.Id, new ProgressReport(reportId, isAcceptance, text, files.Select(f => f.Id).ToList(), now), cancellationToken);

            // Two posts of one page at once: the report row is insert-if-absent, so only one report is recorded; the
            // files of the other post are removed again.
            var recorded = (await cases.GetAsync(proposal.Id, cancellationToken)).Reports.First(r => r.Id == reportId);
            if (recorded.At != now || !recorded.AttachmentIds.SequenceEqual(files.Select(f => f.Id)))
            {
                foreach (var file in files)
                {
                    await proposals.RemoveAttachmentAsync(proposal.Id, file.Id, CancellationToken.None);
                    await attachments.DeleteAsync(proposal.Id, file.Id, CancellationToken.None);
                }

                return AlreadyDecided(link, E(link.T("báo cáo đã gửi", "report sent")), recorded.At);
            }

            LinkLog.Decided(logger, proposal.Id, Action);
            return Page(link, link.T("Đã gửi báo cáo", "Report sent"),
                "<h1 id=\"decision\">" + E(isAcceptance
                    ? link.T("Hồ sơ nghiệm thu đã được gửi", "Your acceptance papers have been sent")
                    : link.T("Báo cáo tiến độ đã được gửi", "Your progress report has been sent")) + "</h1><p>"
                + E(link.T("Số tệp đính kèm: ", "Files attached: ")) + E(files.Count.ToString(CultureInfo.InvariantCulture)) + ".</p><p><a href=\"" + link.FormAction + "\">"
                + E(link.T("Gửi báo cáo khác", "Send another report")) + "</a></p>");
        }
        finally
        {
            if (!stored)
            {
                foreach (var file in content.Files)
                {
                    await attachments.DeleteAsync(proposal.Id, file.Id, CancellationToken.None);
                }
            }
        }
    }

    private static bool IsOpen(ProposalStatus status) => status is ProposalStatus.Approved or ProposalStatus.InProgress or ProposalStatus.Accepted;

    private static ContentResult Render(LinkRequest link, ProposalCase @case, IReadOnlyDictionary<string, IReadOnlyList<string>> errors,
        string reportId, string? text, bool isAcceptance, int status = StatusCodes.Status200OK)
    {
        var l = link.Language;
        var proposal = link.Proposal;
        var html = new StringBuilder(16 * 1024);
        html.Append("<h1>").Append(E(link.T("Báo cáo thực hiện đề án", "Report on the proposal"))).Append("</h1>")
            .Append("<p class=\"intro\">").Append(E(link.T("Đề án: ", "Proposal: "))).Append("<strong id=\"proposal-title\">").Append(E(proposal.Submission.Title))
            .Append("</strong> (").Append(E(proposal.TrackingCode)).Append(").</p>");

        var approved = proposal.Funding.ApprovedAmount ?? @case.Approvals.LastOrDefault(a => a.Outcome == DirectorOutcome.Approve)?.Amount;
        html.Append("<section id=\"funding\" class=\"link-section\"><dl class=\"facts\">");
        Fact(html, "approved-amount", link.T("Kinh phí được phê duyệt", "Approved amount"), approved is { } a ? Money(a, l) : "—");
        if (@case.Contract is { } contract)
        {
            Fact(html, "contract", link.T("Hợp đồng", "Contract"), contract.ContractNumber + link.T(" ngày ", " of ") + Date(contract.ContractDate));
        }
        else
        {
            Fact(html, "contract", link.T("Hợp đồng", "Contract"), link.T("Chưa ký", "Not signed yet"));
        }

        html.Append("</dl></section>");

        html.Append("<section id=\"earlier-reports\" class=\"link-section\"><h2>").Append(E(link.T("Báo cáo đã gửi", "Reports sent"))).Append("</h2>");
        if (@case.Reports.Count == 0)
        {
            html.Append("<p>").Append(E(link.T("Chưa có báo cáo nào.", "No reports yet."))).Append("</p>");
        }
        else
        {
            html.Append("<ul class=\"file-list\">");
            foreach (var report in @case.Reports)
            {
                var names = report.AttachmentIds.Select(id => proposal.Attachments.FirstOrDefault(f => f.Id == id)?.FileName).Where(n => n is not null);
                html.Append("<li><strong>").Append(E(LinkPageKit.DateTime(report.At))).Append("</strong> – ")
                    .Append(E(report.IsAcceptancePapers ? link.T("Hồ sơ nghiệm thu", "Acceptance papers") : link.T("Báo cáo tiến độ", "Progress report")))
                    .Append("<p class=\"multiline\">").Append(E(report.Text)).Append("</p>");
                var list = string.Join(", ", names);
                if (list.Length > 0)
                {
                    html.Append("<p class=\"hint file-link\">").Append(E(list)).Append("</p>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>")
            .Append(ErrorSummary(link, errors))
            .Append("<section id=\"new-report\" class=\"link-section\"><h2>").Append(E(link.T("Gửi báo cáo mới", "Send a new report"))).Append("</h2>")
            .Append("<form method=\"post\" id=\"report-form\" action=\"").Append(link.FormAction).Append("\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\">")
            .Append(HiddenFormToken(link))
            .Append("<input type=\"hidden\" name=\"").Append(ReportIdField).Append("\" value=\"").Append(E(reportId)).Append("\">")
            .Append("<div class=\"field\"><label for=\"").Append(TextField).Append("\">").Append(E(link.T("Nội dung báo cáo", "Report"))).Append(" <span class=\"required\">(")
            .Append(E(ProposalFormTexts.Required.In(l))).Append(")</span></label>")
            .Append(FieldError(errors, TextField))
            .Append("<textarea id=\"").Append(TextField).Append("\" name=\"").Append(TextField).Append("\" rows=\"6\" required maxlength=\"").Append(MaxCommentLength.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(E(text)).Append("</textarea></div>")
            .Append("<div class=\"field\"><label class=\"check\"><input type=\"checkbox\" id=\"").Append(AcceptanceField).Append("\" name=\"").Append(AcceptanceField).Append("\" value=\"yes\"")
            .Append(isAcceptance ? " checked" : string.Empty).Append("> ")
            .Append(E(link.T("Đây là hồ sơ nghiệm thu (biên bản nghiệm thu, hóa đơn)", "These are the acceptance papers (biên bản nghiệm thu, invoices)"))).Append("</label></div>");
        const string name = AttachmentRules.FieldName;
        html.Append("<div class=\"field\"><label for=\"").Append(name).Append("\">").Append(E(link.T("Tệp đính kèm", "Files"))).Append("</label>")
            .Append("<p class=\"hint\" id=\"").Append(name).Append("-hint\">").Append(E(link.T("Nhận tệp PDF, DOCX, XLSX, JPG, PNG.", "PDF, DOCX, XLSX, JPG or PNG files."))).Append("</p>")
            .Append(FieldError(errors, name))
            .Append("<input type=\"file\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" multiple accept=\"").Append(E(AttachmentRules.Accept))
            .Append("\" aria-describedby=\"").Append(name).Append("-hint ").Append(name).Append("-error\"></div>")
            .Append("<button type=\"submit\" id=\"submit-report\" class=\"button\">").Append(E(link.T("Gửi báo cáo", "Send the report"))).Append("</button></form></section>");
        return Page(link, link.T("Báo cáo thực hiện", "Report"), html.ToString(), status);
    }
}
