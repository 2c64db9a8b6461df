using System.Globalization;
using System.Text;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static KhuyenCong.Functions.Links.LinkPageKit;
using AttachmentRules = KhuyenCong.Domain.Attachments.AttachmentRules;

namespace KhuyenCong.Functions.Links;

/// <summary>
/// The applicant's revision link (subject "applicant", round = screening round): what the officer (or the director)
/// asked for, the proposal's fields to correct (the intake form's names, labels and rules; the tax code stays), the
/// dossier's files to remove and new files to add. Validated as at intake (fields and cap); single-use through
/// <see cref="ILinkUseStore"/>.
/// </summary>
public sealed class RevisionLinkPage(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IAttachmentStore attachments,
    CapAssessment caps,
    Application.Places.ProposalPlaces places,
    ILinkUseStore uses,
    ProposalRequestReader reader,
    IOptions<IntakeOptions> intake,
    TimeProvider time,
    ILogger<RevisionLinkPage> logger) : ILinkPage
{
    public const string RemoveField = "remove";
    private const string Decision = "revised";

    public string Action => LinkActions.Revise;

    public async Task<IActionResult> ShowAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (screening, refusal) = await OpenAsync(link, cancellationToken);
        return refusal ?? Render(link, screening!, Errors(), link.Proposal.Submission.ToForm(), new HashSet<string>(StringComparer.Ordinal));
    }

    public async Task<IActionResult> DecideAsync(LinkRequest link, DurableTaskClient durableClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(durableClient);
        var (screening, refusal) = await OpenAsync(link, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var proposal = link.Proposal;
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

            // The tax code identifies the establishment: it is never changed here; nor are the fields this page does not
            // show (beneficiaries, priorities), which keep their stored values.
            var before = proposal.Submission.ToForm();
            var form = ProposalForm.FromFields(name => name is ProposalFields.TaxCode || NotShown(name) ? before.Get(name) : content[name]);
            var dossier = proposal.Attachments.Where(a => a.IsDossier).ToList();
            var removed = content.All(RemoveField).Where(id => dossier.Any(a => a.Id == id)).ToHashSet(StringComparer.Ordinal);
            var validation = ProposalValidator.Validate(form, link.Language);
            var errors = Errors();
            foreach (var (field, messages) in validation.Errors)
            {
                foreach (var message in messages)
                {
                    Add(errors, field, message);
                }
            }

            var corrected = validation.Submission;
            if (validation.IsValid)
            {
                var (placed, placeErrors) = await places.PlaceAsync(validation.Submission, link.Language, cancellationToken);
                foreach (var (field, messages) in placeErrors)
                {
                    foreach (var message in messages)
                    {
                        Add(errors, field, message);
                    }
                }

                corrected = placed ?? validation.Submission;
                var cap = await caps.AssessAsync(corrected, proposal.Id, VietnamTime.Today(time), link.Language, cancellationToken);
                foreach (var (field, messages) in cap.Errors)
                {
                    foreach (var message in messages)
                    {
                        Add(errors, field, message);
                    }
                }
            }

            var kept = dossier.Where(a => !removed.Contains(a.Id)).ToList();
            if (kept.Count + content.Files.Count > limits.MaxFiles)
            {
                Add(errors, AttachmentRules.FieldName, link.T($"Hồ sơ chỉ được có tối đa {limits.MaxFiles} tệp.", $"The dossier can hold at most {limits.MaxFiles} files."));
            }
            else if (kept.Sum(a => a.Size) + content.Files.Sum(f => f.Size) > limits.MaxProposalBytes)
            {
                Add(errors, AttachmentRules.FieldName, link.T("Tổng dung lượng các tệp của hồ sơ vượt quá giới hạn.", "The dossier's files together are larger than allowed."));
            }

            if (errors.Count > 0)
            {
                return Render(link, screening!, errors, form, removed, StatusCodes.Status422UnprocessableEntity,
                    link.T("Các tệp vừa chọn chưa được lưu: vui lòng chọn lại sau khi sửa.", "The files you chose were not kept: choose them again once corrected."));
            }

            var (first, use) = await uses.TryUseAsync(link.Claims.LinkId, proposal.Id, Decision, cancellationToken);
            if (!first)
            {
                return AlreadyDecided(link, E(link.T("đã gửi hồ sơ chỉnh sửa", "corrections sent")), use.At);
            }

            stored = true;
            try
            {
                await proposals.UpdateSubmissionAsync(proposal.Id, corrected!, cancellationToken);
                await proposals.AddAttachmentsAsync(proposal.Id, content.Files
                    .Select(f => new AttachmentInfo(f.Id, f.FileName, AttachmentRules.ContentType(f.Kind), f.Size, f.Sha256, f.UploadedAt))
                    .ToList(), cancellationToken);
                foreach (var id in removed)
                {
                    await proposals.RemoveAttachmentAsync(proposal.Id, id, cancellationToken);
                    await attachments.DeleteAsync(proposal.Id, id, cancellationToken);
                }

                await cases.MarkRevisedAsync(proposal.Id, link.Claims.Round, time.GetUtcNow(), cancellationToken);
                await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.RevisionSubmitted, new RevisionNotice(link.Claims.Round, "applicant"), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not delivered: free the link so the applicant can send again (the writes above are safe to repeat).
                LinkLog.EventNotRaised(logger, ex, proposal.Id, Action);
                await uses.ReleaseAsync(link.Claims.LinkId, CancellationToken.None);
                throw;
            }

            LinkLog.Decided(logger, proposal.Id, Action);
            return Page(link, link.T("Đã gửi hồ sơ chỉnh sửa", "Corrections sent"),
                "<h1 id=\"decision\">" + E(link.T("Hồ sơ chỉnh sửa, bổ sung đã được gửi", "Your corrections have been sent")) + "</h1><p>"
                + E(link.T("Trung tâm Khuyến công sẽ xem xét lại đề án ", "The Industrial Promotion Centre will look at the proposal "))
                + "<strong>" + E(validation.Submission!.Title) + "</strong> "
                + E(link.T("và thông báo kết quả qua email.", "again and tell you the outcome by email.")) + "</p><p><a href=\"/track/" + E(proposal.TrackingCode) + "\">"
                + E(link.T("Xem tình trạng đề án", "See the proposal's status")) + "</a></p>");
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

    private async Task<(ScreeningRecord? Screening, IActionResult? Refusal)> OpenAsync(LinkRequest link, CancellationToken cancellationToken)
    {
        if (await uses.GetAsync(link.Claims.LinkId, cancellationToken) is { } used)
        {
            return (null, AlreadyDecided(link, E(link.T("đã gửi hồ sơ chỉnh sửa", "corrections sent")), used.At));
        }

        if (link.Proposal.Status != ProposalStatus.NeedsRevision)
        {
            return (null, Closed(link));
        }

        var @case = await cases.GetAsync(link.Proposal.Id, cancellationToken);
        var current = @case.CurrentScreening;
        if (current is null || current.Round != link.Claims.Round)
        {
            return (null, Closed(link));
        }

        if (current.RevisedAt is { } revisedAt)
        {
            return (null, AlreadyDecided(link, E(link.T("đã gửi hồ sơ chỉnh sửa", "corrections sent")), revisedAt));
        }

        return (current, null);
    }

    private static ContentResult Render(LinkRequest link, ScreeningRecord screening, IReadOnlyDictionary<string, IReadOnlyList<string>> errors,
        ProposalForm values, IReadOnlySet<string> removed, int status = StatusCodes.Status200OK, string? filesNote = null)
    {
        var l = link.Language;
        var html = new StringBuilder(32 * 1024);
        html.Append("<h1>").Append(E(link.T("Chỉnh sửa, bổ sung hồ sơ đề án", "Correct and complete your proposal"))).Append("</h1>")
            .Append("<p class=\"intro\">").Append(E(link.T("Đề án: ", "Proposal: "))).Append("<strong id=\"proposal-title\">").Append(E(link.Proposal.Submission.Title))
            .Append("</strong> (").Append(E(link.Proposal.TrackingCode)).Append(").");
        if (screening.RevisionDueAt is { } due)
        {
            html.Append(' ').Append(E(link.T("Hạn gửi: ", "Send by: "))).Append(E(LinkPageKit.DateTime(due))).Append('.');
        }

        html.Append("</p>");

        // What was asked.
        html.Append("<section id=\"request\" class=\"link-section\"><h2>").Append(E(link.T("Nội dung cần chỉnh sửa, bổ sung", "What was asked"))).Append("</h2>");
        if (!string.IsNullOrEmpty(screening.Comment))
        {
            html.Append("<p id=\"request-comment\" class=\"multiline\">").Append(E(screening.Comment)).Append("</p>");
        }

        var blocking = screening.Findings.Where(f => f.Blocking).ToList();
        if (blocking.Count > 0)
        {
            html.Append("<ul id=\"findings\">");
            foreach (var finding in blocking)
            {
                html.Append("<li>").Append(E(l == Language.English ? finding.En : finding.Vi)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>")
            .Append(ErrorSummary(link, errors))
            .Append("<form method=\"post\" id=\"revision-form\" class=\"proposal-form\" action=\"").Append(link.FormAction)
            .Append("\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\">")
            .Append(HiddenFormToken(link));

        html.Append("<fieldset id=\"group-fields\"><legend>").Append(E(link.T("Thông tin đề án", "The proposal"))).Append("</legend>");
        foreach (var rule in ProposalFieldRules.All.Where(r => !NotShown(r.Name)))
        {
            Field(html, rule, values.Get(rule.Name), errors, l);
        }

        html.Append("</fieldset>");

        // The dossier.
        var dossier = link.Proposal.Attachments.Where(a => a.IsDossier).ToList();
        html.Append("<fieldset id=\"group-attachments\"><legend>").Append(E(link.T("Hồ sơ đính kèm", "Attached documents"))).Append("</legend>");
        if (dossier.Count > 0)
        {
            html.Append("<p class=\"hint\">").Append(E(link.T("Đánh dấu tệp cần bỏ khỏi hồ sơ.", "Tick the files to remove from the dossier."))).Append("</p><ul class=\"file-list\" id=\"current-files\">");
            foreach (var file in dossier)
            {
                html.Append("<li><label class=\"check\"><input type=\"checkbox\" name=\"").Append(RemoveField).Append("\" value=\"").Append(E(file.Id)).Append("\" id=\"remove-").Append(E(file.Id)).Append('"')
                    .Append(removed.Contains(file.Id) ? " checked" : string.Empty).Append("> ")
                    .Append(E(link.T("Bỏ tệp ", "Remove "))).Append("<span class=\"file-link\">").Append(E(file.FileName)).Append("</span></label></li>");
            }

            html.Append("</ul>");
        }

        const string name = AttachmentRules.FieldName;
        html.Append("<div class=\"field\" id=\"field-").Append(name).Append("\"><label for=\"").Append(name).Append("\">").Append(E(link.T("Thêm tệp", "Add files"))).Append("</label>")
            .Append("<p class=\"hint\" id=\"").Append(name).Append("-hint\">").Append(E(ProposalFormTexts.AttachmentsHint.In(l))).Append("</p>");
        if (filesNote is not null)
        {
            html.Append("<p class=\"hint\" role=\"note\">").Append(E(filesNote)).Append("</p>");
        }

        html.Append(FieldError(errors, name))
            .Append("<input type=\"file\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" multiple accept=\"").Append(E(AttachmentRules.Accept))
            .Append("\" aria-describedby=\"").Append(name).Append("-hint ").Append(name).Append("-error\"></div></fieldset>")
            .Append("<div class=\"submit-area\"><button type=\"submit\" id=\"submit-revision\" class=\"button\">")
            .Append(E(link.T("Gửi hồ sơ chỉnh sửa", "Send the corrections"))).Append("</button></div></form>");
        return Page(link, link.T("Chỉnh sửa hồ sơ", "Correct the proposal"), html.ToString(), status);
    }

    /// <summary>Fields this page does not show (lists an applicant does not correct here): they keep their stored values.</summary>
    private static bool NotShown(string field) => field is ProposalFields.Beneficiaries or ProposalFields.Priorities;

    private static void Field(StringBuilder html, ProposalFieldRule rule, string? value, IReadOnlyDictionary<string, IReadOnlyList<string>> errors, Language l)
    {
        var name = E(rule.Name);
        var hint = ProposalFormTexts.Hint(rule.Name, l);
        var hasError = errors.ContainsKey(rule.Name);
        html.Append("<div class=\"field").Append(hasError ? " has-error" : string.Empty).Append("\" id=\"field-").Append(name).Append("\">")
            .Append("<label for=\"").Append(name).Append("\">").Append(E(rule.Label(l))).Append(" <span class=\"").Append(rule.Required ? "required" : "optional").Append("\">(")
            .Append(E((rule.Required ? ProposalFormTexts.Required : ProposalFormTexts.Optional).In(l))).Append(")</span></label>");
        if (rule.Name == ProposalFields.TaxCode)
        {
            // Shown, not sent: the establishment's tax code cannot be changed.
            html.Append("<p class=\"hint\" id=\"taxCode-hint\">").Append(E(PageLayout.Choose(l, "Mã số thuế không thể thay đổi.", "The tax code cannot be changed."))).Append("</p>")
                .Append("<input type=\"text\" id=\"taxCode\" value=\"").Append(E(value)).Append("\" readonly aria-describedby=\"taxCode-hint\"></div>");
            return;
        }

        if (hint is not null)
        {
            html.Append("<p class=\"hint\" id=\"").Append(name).Append("-hint\">").Append(E(hint)).Append("</p>");
        }

        html.Append(FieldError(errors, rule.Name));
        var common = " id=\"" + name + "\" name=\"" + name + "\" aria-describedby=\"" + (hint is null ? string.Empty : name + "-hint ") + name + "-error\""
            + (rule.Required ? " required" : string.Empty) + (hasError ? " aria-invalid=\"true\"" : string.Empty);
        switch (rule.Kind)
        {
            case FieldValueKind.Choice:
                html.Append("<select").Append(common).Append("><option value=\"\">").Append(E(ProposalFormTexts.ChooseOption.In(l))).Append("</option>");
                foreach (var (optionValue, text) in ProposalFormPage.Options(rule.Name, l))
                {
                    html.Append("<option value=\"").Append(E(optionValue)).Append('"').Append(string.Equals(optionValue, value, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty)
                        .Append('>').Append(E(text)).Append("</option>");
                }

                html.Append("</select>");
                break;
            case FieldValueKind.MultilineText:
                html.Append("<textarea").Append(common).Append(" rows=\"6\" maxlength=\"").Append(rule.MaxLength.ToString(CultureInfo.InvariantCulture)).Append("\">")
                    .Append(E(value)).Append("</textarea>");
                break;
            default:
                var type = rule.Kind switch
                {
                    FieldValueKind.Date => "date",
                    FieldValueKind.Email => "email",
                    FieldValueKind.Phone => "tel",
                    _ => "text",
                };
                html.Append("<input type=\"").Append(type).Append('"').Append(common).Append(" value=\"").Append(E(value)).Append('"')
                    .Append(" maxlength=\"").Append(rule.MaxLength.ToString(CultureInfo.InvariantCulture)).Append('"');
                if (rule.Kind is FieldValueKind.Amount or FieldValueKind.Integer)
                {
                    html.Append(" inputmode=\"numeric\" class=\"input-number\"");
                }

                if (rule.Kind == FieldValueKind.Date)
                {
                    html.Append(" min=\"").Append(E(rule.Min)).Append("\" max=\"").Append(E(rule.Max)).Append('"');
                }

                html.Append('>');
                break;
        }

        html.Append("</div>");
    }
}
