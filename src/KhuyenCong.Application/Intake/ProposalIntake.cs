using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Caps;
using KhuyenCong.Application.Places;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Attachments;
using KhuyenCong.Domain.Calls;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Intake;

public sealed record IntakeRequest(string ProposalId, ProposalForm Form, IReadOnlyList<IncomingAttachment> Attachments, Submitter Submitter, Language Language);

public abstract record IntakeOutcome;

public sealed record IntakeAccepted(Proposal Proposal) : IntakeOutcome;

public sealed record IntakeRejected(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors) : IntakeOutcome;

/// <summary>The call chosen does not take proposals today (409): the message under <c>callId</c>, with the call's dates.</summary>
public sealed record IntakeCallConflict(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors, Call Call, CallStatus Status) : IntakeOutcome;

/// <summary>Starts the proposal's durable workflow (instance id = proposal id).</summary>
public interface IProposalWorkflowStarter
{
    Task StartAsync(string proposalId, CancellationToken cancellationToken);
}

/// <summary>
/// Accepts a proposal: the same validation as the web form (entity type and tax code, activity, beneficiaries), its call
/// (<see cref="CallPlacement"/>: required while a call is open; its plan year becomes the proposal's), who may propose
/// the activity (a typical-product round is entered by an officer only), its commune in the province's official list,
/// the support cap in force for its funding source, place and activity (counting what the establishment already
/// received under a per-establishment cap), the flag for earlier support of the same establishment, then the record and
/// its workflow.
/// All or nothing: a rejected or failed submission leaves no record behind (the caller removes its files).
/// </summary>
public sealed partial class ProposalIntake(
    IProposalRepository proposals,
    CapAssessment caps,
    ProposalPlaces places,
    CallPlacement placement,
    TimeProvider time,
    ILogger<ProposalIntake> logger)
{
    public static readonly TimeSpan DuplicateLookBack = TimeSpan.FromDays(5 * 365 + 1);

    /// <summary>How long a failed submission waits for storage to remove its rows before answering.</summary>
    public static readonly TimeSpan CleanUpBudget = TimeSpan.FromSeconds(60);

    public async Task<IntakeOutcome> SubmitAsync(IntakeRequest request, IProposalWorkflowStarter workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflow);
        var (admission, refusal) = await AdmitAsync(request, cancellationToken);
        if (admission is null)
        {
            return refusal!;
        }

        var proposal = await NewProposalAsync(request, admission, cancellationToken);
        await CreateWithWorkflowAsync(proposal, workflow, cancellationToken);
        LogAccepted(logger, proposal.Id, proposal.Channel, proposal.Attachments.Count, proposal.EarlierProposalCount);
        CountSubmitted(proposal);
        return new IntakeAccepted(proposal);
    }

    /// <summary>What a submission passed on its way in: its checked and placed submission, its call, the documents it needs.</summary>
    private sealed record Admission(ProposalSubmission Submission, CallPlacementResult Call, IReadOnlyList<DocumentType> Required);

    /// <summary>
    /// The checks in order: the form and its call, the call taking proposals today, the files' document marks, who may
    /// propose the activity, the commune, the support cap. The first that fails refuses the submission.
    /// </summary>
    private async Task<(Admission? Admission, IntakeOutcome? Refusal)> AdmitAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var validation = ProposalValidator.Validate(request.Form, request.Language);
        var call = await placement.PlaceAsync(request.Form, request.Submitter, cancellationToken);
        if (!validation.IsValid || !call.Errors.IsEmpty)
        {
            return (null, new IntakeRejected(Merge(validation.Errors, call.Errors.In(request.Language))));
        }

        if (call.Conflict is { } conflict)
        {
            return (null, new IntakeCallConflict(
                new Dictionary<string, IReadOnlyList<string>> { [ProposalFields.CallId] = [conflict.Message.In(request.Language)] }, conflict.Call, conflict.Status));
        }

        var required = CallDocuments.Required(validation.Submission!, call.Call);
        if ((UnknownDocument(request, required) ?? NotForThisChannel(request, validation.Submission!)) is { } refused)
        {
            return (null, new IntakeRejected(refused));
        }

        var (placed, placeErrors) = await places.PlaceAsync(validation.Submission!, request.Language, cancellationToken);
        if (placed is null)
        {
            return (null, new IntakeRejected(placeErrors));
        }

        var capCheck = await caps.AssessAsync(placed, null, VietnamTime.Today(time), request.Language, cancellationToken);
        return capCheck.IsWithinCap ? (new Admission(placed, call, required), null) : (null, new IntakeRejected(capCheck.Errors));
    }

    /// <summary>A file's mark is a document of the catalogue, or one the call asks for by its text (CallDocuments); else the error.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? UnknownDocument(IntakeRequest request, IReadOnlyList<DocumentType> required)
    {
        if (request.Attachments.FirstOrDefault(a => a.Document is not null && CallDocuments.CodeOf(a.Document, required) is null) is not { } unknown)
        {
            return null;
        }

        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DossierDocuments.AttachmentField] = [new Bilingual(
                $"Tệp '{unknown.FileName}' được ghi là loại giấy tờ không có trong danh mục '{unknown.Document}' (xem danh mục hồ sơ của từng nội dung).",
                $"The file '{unknown.FileName}' is marked as an unknown document '{unknown.Document}' (see GET /api/kinds for the documents of each activity).")
                .In(request.Language)],
        };
    }

    /// <summary>An activity organised by an authority is entered by an officer only; else the error.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? NotForThisChannel(IntakeRequest request, ProposalSubmission submission)
    {
        var activity = ProposalActivity.Of(submission);

        // TT 26/2014/TT-BCT (as amended): typical-product rounds are organised by a People's Committee or the Ministry.
        return activity.ImplementedBy == Implementation.Authority && request.Submitter.Channel != SubmissionChannel.Officer
            ? AuthorityOnly(request.Form, activity, request.Language)
            : null;
    }

    /// <summary>The new record: submitted now, with its files, its call and plan year, and the establishment's earlier proposals flagged.</summary>
    private async Task<Proposal> NewProposalAsync(IntakeRequest request, Admission admission, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (submission, call) = (admission.Submission, admission.Call);
        var earlier = await proposals.FindByTaxCodeAsync(submission.TaxCode, submission.Kind, now - DuplicateLookBack, cancellationToken);
        return new Proposal
        {
            Id = request.ProposalId,
            TrackingCode = Domain.Tracking.TrackingCode.New().Value,
            Submission = submission,
            Status = ProposalStatus.Submitted,
            SubmittedAt = now,
            Channel = request.Submitter.Channel,
            EnteredBy = request.Submitter.EnteredBy,
            Attachments = Attachments(request.Attachments, admission.Required),
            EarlierProposals = earlier.OrderByDescending(e => e.SubmittedAt).Take(Proposal.MaxEarlierProposalsListed).ToList(),
            EarlierProposalCount = earlier.Count,
            History = [new StatusChange(now, null, ProposalStatus.Submitted, request.Submitter.EnteredBy,
                call.LateReason is null ? null : "Nộp muộn / Late entry: " + call.LateReason)],
            CallId = call.Call?.Id,
            AssignedPlanYear = call.Call?.PlanYear,
            LateReason = call.LateReason,
        };
    }

    private static List<AttachmentInfo> Attachments(IReadOnlyList<IncomingAttachment> attachments, IReadOnlyList<DocumentType> required) =>
        attachments
            .Select(a => new AttachmentInfo(a.Id, a.FileName, AttachmentRules.ContentType(a.Kind), a.Size, a.Sha256, a.UploadedAt)
            {
                Document = a.Document is null ? null : CallDocuments.CodeOf(a.Document, required),
            })
            .ToList();

    /// <summary>Stores the record and starts its workflow; on failure removes what was written and rethrows (all or nothing).</summary>
    private async Task CreateWithWorkflowAsync(Proposal proposal, IProposalWorkflowStarter workflow, CancellationToken cancellationToken)
    {
        try
        {
            await proposals.CreateAsync(proposal, cancellationToken);
            await workflow.StartAsync(proposal.Id, cancellationToken);
        }
        catch
        {
            // Not accepted after all (storage or the durable engine failed part-way): remove whatever was written,
            // waiting (within a budget) for storage to come back, then answer the original failure.
            if (!await BestEffort.RetryAsync(() => proposals.DeleteAsync(proposal, CancellationToken.None), CleanUpBudget, _ => true))
            {
                LogCleanupFailed(logger, proposal.Id);
            }

            throw;
        }
    }

    private static void CountSubmitted(Proposal proposal) =>
        Telemetry.KhuyenCongTelemetry.ProposalsSubmitted.Add(1,
            new KeyValuePair<string, object?>("kind", proposal.Submission.Kind.ToCode()),
            new KeyValuePair<string, object?>("funding_source", proposal.Submission.FundingSource.ToCode()),
            new KeyValuePair<string, object?>("channel", proposal.Channel.ToString()));

    private static Dictionary<string, IReadOnlyList<string>> AuthorityOnly(ProposalForm form, Activity activity, Domain.Text.Language language)
    {
        var field = string.IsNullOrWhiteSpace(form.Activity) ? ProposalFields.Kind : ProposalFields.Activity;
        var message = new Bilingual(
            $"\"{activity.Vi}\" do Ủy ban nhân dân hoặc Bộ Công Thương tổ chức theo từng đợt (Thông tư 26/2014/TT-BCT đã sửa đổi), không nộp qua biểu mẫu này: cơ sở đăng ký sản phẩm khi đợt bình chọn mở; cán bộ Trung tâm ghi nhận đợt bình chọn.",
            $"\"{activity.En}\" is organised in rounds by the People's Committee or the Ministry (Circular 26/2014/TT-BCT as amended), not proposed through this form: register the product when the round opens; the Centre's officers record the round.")
            .In(language);
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [field] = [message] };
    }

    private static Dictionary<string, IReadOnlyList<string>> Merge(IReadOnlyDictionary<string, IReadOnlyList<string>> first,
        IReadOnlyDictionary<string, IReadOnlyList<string>> second)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(first, StringComparer.Ordinal);
        foreach (var (field, messages) in second)
        {
            merged[field] = [.. merged.GetValueOrDefault(field) ?? [], .. messages];
        }

        return merged;
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Could not remove the rows of failed submission {ProposalId}: storage stayed unreachable")]
    private static partial void LogCleanupFailed(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Proposal {ProposalId} accepted ({Channel}, {AttachmentCount} attachments, {EarlierCount} earlier proposals flagged)")]
    private static partial void LogAccepted(ILogger logger, string proposalId, SubmissionChannel channel, int attachmentCount, int earlierCount);
}
