using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Options;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Application.Revision;

/// <summary>The applicant's corrections as posted: the proposal's fields, the dossier files to remove, the new files (already stored).</summary>
/// <param name="Fields">Every field as typed (the tax code is ignored: it identifies the establishment and never changes).</param>
/// <param name="Remove">Ids of the dossier's files to remove (ids not in the dossier are ignored).</param>
/// <param name="Files">New files, streamed to the proposal's storage by the adapter; removed again unless the corrections are stored.</param>
public sealed record RevisionForm(ProposalForm Fields, IReadOnlyCollection<string> Remove, IReadOnlyList<IncomingAttachment> Files)
{
    public const string RemoveField = "remove";

    /// <summary>The lists an applicant does not correct through the link (not on its page): they keep their stored values.</summary>
    public static IReadOnlyList<string> KeptAsStored { get; } = [ProposalFields.Beneficiaries, ProposalFields.Priorities];
}

/// <summary>
/// The applicant answers a request for documents through the revision link (subject "applicant", round = screening
/// round): the proposal's fields corrected (validated as at intake: fields and the cap in force today), files removed
/// from the dossier and new ones added (within the dossier's limits). Single use through <see cref="ILinkUseStore"/>;
/// stored first (submission, files, the round marked revised), then <see cref="WorkflowEvents.RevisionSubmitted"/>. A
/// failure part-way frees the link again (every write is safe to repeat). New files of corrections not stored are
/// removed.
/// </summary>
public sealed class RevisionSubmission(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IAttachmentStore attachments,
    CapAssessment caps,
    Places.ProposalPlaces places,
    ILinkUseStore uses,
    IOptions<IntakeOptions> intake,
    TimeProvider time,
    ILogger<RevisionSubmission> logger)
{
    private const string UseCode = "revised";

    private static readonly Bilingual Sent = new("đã gửi hồ sơ chỉnh sửa", "corrections sent");

    /// <summary>The screening round whose request the link answers; refused once answered, or when the proposal no longer needs revision.</summary>
    public async Task<Decision<ScreeningRecord>> OpenAsync(OpenedLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (await uses.GetAsync(link.Claims.LinkId, cancellationToken) is { } used)
        {
            return Decision<ScreeningRecord>.Conflict(LinkRefusals.Recorded(Sent, used.At));
        }

        if (link.Proposal.Status != ProposalStatus.NeedsRevision)
        {
            return Decision<ScreeningRecord>.Conflict(LinkRefusals.Closed(link.Proposal.Status));
        }

        var current = (await cases.GetAsync(link.ProposalId, cancellationToken)).CurrentScreening;
        if (current is null || current.Round != link.Claims.Round)
        {
            return Decision<ScreeningRecord>.Conflict(LinkRefusals.Closed(link.Proposal.Status));
        }

        return current.RevisedAt is { } revisedAt
            ? Decision<ScreeningRecord>.Conflict(LinkRefusals.Recorded(Sent, revisedAt))
            : Decision<ScreeningRecord>.Done(current);
    }

    /// <summary>Stores the corrections and tells the workflow; the corrected submission when done.</summary>
    public async Task<Decision<ProposalSubmission>> SubmitAsync(OpenedLink link, RevisionForm form, IWorkflowEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(events);
        var stored = false;
        try
        {
            var open = await OpenAsync(link, cancellationToken);
            if (!open.IsDone)
            {
                return open.Refusal<ProposalSubmission>();
            }

            var removed = link.Proposal.Attachments.Where(a => a.IsDossier && form.Remove.Contains(a.Id)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var (submission, errors) = await ValidateAsync(link.Proposal, form, removed, cancellationToken);
            if (submission is null)
            {
                return Decision<ProposalSubmission>.Invalid(errors);
            }

            var (first, use) = await uses.TryUseAsync(link.Claims.LinkId, link.ProposalId, UseCode, cancellationToken);
            if (!first)
            {
                return Decision<ProposalSubmission>.Conflict(LinkRefusals.Recorded(Sent, use.At));
            }

            stored = true;
            await StoreAsync(link, submission, form.Files, removed, events, cancellationToken);
            LinkDecisionLog.Decided(logger, link.ProposalId, link.Claims.Action);
            return Decision<ProposalSubmission>.Done(submission);
        }
        finally
        {
            if (!stored)
            {
                await attachments.DiscardAsync(link.ProposalId, form.Files);
            }
        }
    }

    /// <summary>
    /// The fields as at intake (the tax code kept, and the lists the page does not show), the commune in the province's
    /// official list, the cap in force today, the dossier's file count and size.
    /// </summary>
    private async Task<(ProposalSubmission? Submission, BilingualErrors Errors)> ValidateAsync(
        Proposal proposal, RevisionForm form, IReadOnlySet<string> removed, CancellationToken cancellationToken)
    {
        // The tax code identifies the establishment: it is never changed here; nor are the lists the page does not show
        // (beneficiaries, priorities), which keep their stored values.
        var before = proposal.Submission.ToForm();
        var fields = form.Fields with { TaxCode = before.TaxCode, Beneficiaries = before.Beneficiaries, Priorities = before.Priorities };
        var errors = new BilingualErrors();
        var validation = ProposalValidator.Validate(fields);
        BilingualFieldErrors.Add(errors, language => ProposalValidator.Validate(fields, language).FieldErrors);
        var corrected = validation.Submission;
        if (corrected is not null)
        {
            var (placed, placeErrors) = await places.PlaceAsync(corrected, cancellationToken);
            errors.AddAll(placeErrors);
            corrected = placed ?? corrected;
            var cap = await caps.AssessAsync(corrected, proposal.Id, VietnamTime.Today(time), Language.Vietnamese, cancellationToken);
            var valid = corrected;
            BilingualFieldErrors.Add(errors, language => CapCheck.Check(valid, cap.Cap, language, cap.AlreadyReceived).FieldErrors);
        }

        var limits = intake.Value;
        var kept = proposal.Attachments.Where(a => a.IsDossier && !removed.Contains(a.Id)).ToList();
        if (kept.Count + form.Files.Count > limits.MaxFiles)
        {
            errors.Add(AttachmentRules.FieldName, $"Hồ sơ chỉ được có tối đa {limits.MaxFiles} tệp.", $"The dossier can hold at most {limits.MaxFiles} files.");
        }
        else if (kept.Sum(a => a.Size) + form.Files.Sum(f => f.Size) > limits.MaxProposalBytes)
        {
            errors.Add(AttachmentRules.FieldName, "Tổng dung lượng các tệp của hồ sơ vượt quá giới hạn.", "The dossier's files together are larger than allowed.");
        }

        return (errors.IsEmpty ? corrected : null, errors);
    }

    private async Task StoreAsync(OpenedLink link, ProposalSubmission submission, IReadOnlyList<IncomingAttachment> files, IReadOnlySet<string> removed,
        IWorkflowEvents events, CancellationToken cancellationToken)
    {
        var id = link.ProposalId;
        try
        {
            await proposals.UpdateSubmissionAsync(id, submission, cancellationToken);
            await proposals.AddAttachmentsAsync(id, files
                .Select(f => new AttachmentInfo(f.Id, f.FileName, AttachmentRules.ContentType(f.Kind), f.Size, f.Sha256, f.UploadedAt))
                .ToList(), cancellationToken);
            foreach (var removedId in removed)
            {
                await proposals.RemoveAttachmentAsync(id, removedId, cancellationToken);
                await attachments.DeleteAsync(id, removedId, cancellationToken);
            }

            await cases.MarkRevisedAsync(id, link.Claims.Round, time.GetUtcNow(), cancellationToken);
            await events.RaiseAsync(id, WorkflowEvents.RevisionSubmitted, new RevisionNotice(link.Claims.Round, "applicant"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not delivered: free the link so the applicant can send again (the writes above are safe to repeat).
            LinkDecisionLog.EventNotRaised(logger, ex, id, link.Claims.Action);
            await uses.ReleaseAsync(link.Claims.LinkId, CancellationToken.None);
            throw;
        }
    }
}
