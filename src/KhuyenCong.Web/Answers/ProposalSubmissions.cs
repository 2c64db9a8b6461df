using System.Globalization;
using System.Text.Json;
using KhuyenCong.Application;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Intake;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// <c>POST /api/proposals</c> at the HTTP edge: a proposal from the public form (or JSON), or entered by an officer on
/// an establishment's behalf, read, limited (per address and per email, not for officers), made idempotent by its
/// <c>Idempotency-Key</c> and handed to <see cref="ProposalIntake"/>. 201 with the tracking code, or a problem response
/// that changes nothing (the files of a refused submission are removed); a browser gets pages (<see cref="BrowserAnswers"/>).
/// </summary>
public sealed partial class ProposalSubmissions(
    ProposalRequestReader reader,
    ProposalIntake intake,
    IAttachmentStore attachments,
    IIdempotencyStore idempotency,
    SubmissionLimits limits,
    BrowserAnswers browser,
    IOutageClassifier outages,
    ILogger<ProposalSubmissions> logger)
{
    /// <summary>How long a failed submission waits for storage to remove what it wrote before answering.</summary>
    internal static readonly TimeSpan CleanUpBudget = TimeSpan.FromSeconds(60);

    private const string IdempotencyScope = "submit";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Bilingual CallNotOpen = new("Đợt đăng ký không nhận hồ sơ lúc này.", "The call does not take proposals now.");

    /// <summary>The answer to the submission <paramref name="request"/>; an accepted proposal's process is started by <paramref name="workflow"/>.</summary>
    public async Task<IActionResult> SubmitAsync(HttpRequest request, IProposalWorkflowStarter workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var submission = new Submission(request, RequestLanguage.From(request), request.Headers["Idempotency-Key"], StaffAccess.Principal(request), workflow);
        var result = await AdmitAsync(submission, cancellationToken);
        return BrowserAnswers.WantsHtml(request) ? await browser.AnswerAsync(request, submission.Language, result, submission.Form, cancellationToken) : result;
    }

    /// <summary>The checks before anything is stored: the key's length, the address's limit, a key already used.</summary>
    private async Task<IActionResult> AdmitAsync(Submission s, CancellationToken cancellationToken)
    {
        if (s.Key is { Length: > 200 })
        {
            return Http.Problems.Field(StatusCodes.Status400BadRequest, "Idempotency-Key", new Bilingual(
                "Tiêu đề Idempotency-Key dài quá 200 ký tự.", "The Idempotency-Key header is longer than 200 characters.").In(s.Language), s.Language);
        }

        if (!s.Officer && await limits.HitAddressAsync(ClientAddress.Of(s.Request), cancellationToken) is { Allowed: false } byAddress)
        {
            await DrainAsync(s.Request, cancellationToken);
            return TooMany(s, byAddress.RetryAfter, null);
        }

        if (!string.IsNullOrEmpty(s.Key))
        {
            var (claim, previous) = await idempotency.ClaimAsync(IdempotencyScope, s.Key, cancellationToken);
            if (claim == IdempotencyClaim.Completed)
            {
                return await ReplayAsync(s, previous!, cancellationToken);
            }

            if (claim == IdempotencyClaim.InProgress)
            {
                await DrainAsync(s.Request, cancellationToken);
                return Http.Problems.Status(StatusCodes.Status409Conflict, new Bilingual("Một yêu cầu cùng Idempotency-Key đang được xử lý.",
                    "A request with this Idempotency-Key is still being processed.").In(s.Language), s.Language);
            }
        }

        return await StoreAsync(s, cancellationToken);
    }

    /// <summary>Reads and hands the proposal over; whatever was written for a submission not accepted is removed.</summary>
    private async Task<IActionResult> StoreAsync(Submission s, CancellationToken cancellationToken)
    {
        var proposalId = Guid.CreateVersion7().ToString("N");
        using var scope = logger.ProposalScope(proposalId);
        using var activity = KhuyenCongTelemetry.Source.StartActivity("SubmitProposal");
        activity?.SetTag("khuyencong.proposal_id", proposalId);
        var completed = false;
        try
        {
            var (refusal, accepted, fingerprint) = await IntakeAsync(s, proposalId, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            // Accepted: from here on nothing may remove the proposal's files.
            completed = true;
            return await CreatedAsync(s, accepted!, fingerprint);
        }
        catch (RequestRejectedException ex)
        {
            s.Form ??= ex.FieldsRead is { } fields ? PostedFormFields.Read(name => fields.GetValueOrDefault(name) ?? []) : null;
            Rejected(ex.Status.ToString(CultureInfo.InvariantCulture));
            await DrainAsync(s.Request, cancellationToken);
            return Http.Problems.Field(ex.Status, ex.Field, ex.Message, s.Language);
        }
        catch (Exception ex) when (outages.IsOutage(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(logger, outages.Describe(ex));
            // Nothing of this submission is left once the clean-up below has run (it waits for storage to come back).
            await CleanUpAsync(proposalId, s.Key);
            completed = true;
            await DrainAsync(s.Request, cancellationToken);
            return Unavailable(s);
        }
        finally
        {
            if (!completed)
            {
                await CleanUpAsync(proposalId, s.Key);
            }
        }
    }

    /// <summary>The form read, the email's limit, the use case: its refusal, or the proposal it accepted and the body's fingerprint.</summary>
    private async Task<(IActionResult? Refusal, Proposal? Accepted, string Fingerprint)> IntakeAsync(Submission s, string proposalId, CancellationToken cancellationToken)
    {
        var content = await reader.ReadAsync(s.Request, proposalId, s.Language, cancellationToken);
        s.Form = content.Form;
        if (!s.Officer && content.Form.Email?.Trim() is { Length: > 0 } email && await limits.HitEmailAsync(email, cancellationToken) is { Allowed: false } byEmail)
        {
            return (TooMany(s, byEmail.RetryAfter, ProposalFields.Email), null, content.Fingerprint);
        }

        var submitter = s.Officer ? new Submitter(SubmissionChannel.Officer, s.Staff!.Actor) : Submitter.Applicant;
        var outcome = await intake.SubmitAsync(new IntakeRequest(proposalId, content.Form, content.Attachments, submitter, s.Language), s.Workflow, cancellationToken);
        switch (outcome)
        {
            case IntakeRejected rejected:
                Rejected("validation");
                return (Http.Problems.Validation(rejected.Errors, s.Language), null, content.Fingerprint);
            case IntakeCallConflict conflict:
                Rejected("call");
                return (Http.Problems.Errors(StatusCodes.Status409Conflict, conflict.Errors, CallNotOpen.In(s.Language), conflict.Errors[ProposalFields.CallId][0]), null, content.Fingerprint);
            default:
                return (null, ((IntakeAccepted)outcome).Proposal, content.Fingerprint);
        }
    }

    /// <summary>201 with the tracking code, recorded for a repeat of the same key.</summary>
    private async Task<IActionResult> CreatedAsync(Submission s, Proposal proposal, string fingerprint)
    {
        var location = $"/api/proposals/{proposal.Id}";
        var body = JsonSerializer.Serialize(new
        {
            id = proposal.Id,
            trackingCode = proposal.TrackingCode,
            status = proposal.Status.ToCode(),
            trackingUrl = $"/track/{proposal.TrackingCode}",
        }, Json);
        if (!string.IsNullOrEmpty(s.Key))
        {
            try
            {
                await idempotency.CompleteAsync(IdempotencyScope, s.Key, new IdempotentResponse(StatusCodes.Status201Created, body, location, fingerprint), CancellationToken.None);
            }
            catch (Exception ex) when (outages.IsOutage(ex))
            {
                // The proposal is accepted; only the replay record is missing (its claim expires by itself).
                LogStorageUnavailable(logger, outages.Describe(ex));
            }
        }

        LogSubmitted(logger, proposal.Id);
        return new JsonContentResult(StatusCodes.Status201Created, body, location);
    }

    /// <summary>
    /// A repeat of a key whose request finished: the first answer when the body is the same as the first one (by its
    /// <see cref="SubmissionFingerprint"/>), 422 when it is another body (a key names one submission, never two).
    /// </summary>
    private async Task<IActionResult> ReplayAsync(Submission s, IdempotentResponse previous, CancellationToken cancellationToken)
    {
        string? fingerprint;
        try
        {
            fingerprint = await reader.FingerprintAsync(s.Request, s.Language, cancellationToken);
        }
        catch (RequestRejectedException)
        {
            await DrainAsync(s.Request, cancellationToken);
            fingerprint = null;
        }

        if (previous.BodyHash is not null && !string.Equals(previous.BodyHash, fingerprint, StringComparison.Ordinal))
        {
            return Http.Problems.Field(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key", new Bilingual(
                "Idempotency-Key này đã được dùng cho một đề án khác: chưa lưu gì. Vui lòng gửi đề án mới với khóa mới.",
                "This Idempotency-Key was already used for another proposal: nothing was stored. Send a new proposal with a new key.").In(s.Language), s.Language);
        }

        return new JsonContentResult(previous.StatusCode, previous.Body, previous.Location);
    }

    /// <summary>429 with <c>Retry-After</c>: too many submissions from this address, or (<paramref name="field"/> email) for this email.</summary>
    private IActionResult TooMany(Submission s, TimeSpan retryAfter, string? field)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        s.Request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (seconds + 59) / 60);
        Rejected(field is null ? "rate-address" : "rate-email");
        LogRateLimited(logger, field is null ? "address" : "email");
        return field is null
            ? Http.Problems.Status(StatusCodes.Status429TooManyRequests, new Bilingual(
                $"Có quá nhiều đề án được gửi từ kết nối này: vui lòng thử lại sau {minutes} phút, hoặc nhờ Trung tâm Khuyến công nhập giúp.",
                $"Too many proposals were sent from this connection: please try again in {minutes} minutes, or ask the Industrial Promotion Centre to enter it for you.").In(s.Language), s.Language)
            : Http.Problems.Field(StatusCodes.Status429TooManyRequests, field, new Bilingual(
                $"Có quá nhiều đề án được gửi với địa chỉ email này: vui lòng thử lại sau {minutes} phút.",
                $"Too many proposals were sent with this email address: please try again in {minutes} minutes.").In(s.Language), s.Language);
    }

    /// <summary>503 with <c>Retry-After</c>: storage unreachable, nothing of the submission kept.</summary>
    private static IActionResult Unavailable(Submission s)
    {
        s.Request.HttpContext.Response.Headers.RetryAfter = IOutageClassifier.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Http.Problems.Status(StatusCodes.Status503ServiceUnavailable, new Bilingual("Chưa lưu được đề án, vui lòng thử lại sau ít phút.",
            "The proposal could not be saved: please try again in a moment.").In(s.Language), s.Language);
    }

    /// <summary>
    /// Removes the files of a submission that was not accepted, retrying while storage is unreachable (an outage
    /// during the submission is usually still on), for at most <see cref="CleanUpBudget"/>.
    /// </summary>
    private async Task CleanUpAsync(string proposalId, string? key)
    {
        var removed = await BestEffort.RetryAsync(() => attachments.DeleteAllAsync(proposalId, CancellationToken.None), CleanUpBudget, outages.IsOutage);
        if (!string.IsNullOrEmpty(key))
        {
            removed &= await BestEffort.RetryAsync(() => idempotency.ReleaseAsync(IdempotencyScope, key, CancellationToken.None), CleanUpBudget, outages.IsOutage);
        }

        if (!removed)
        {
            LogCleanupFailed(logger, proposalId, "storage unreachable");
        }
    }

    private static void Rejected(string reason) => KhuyenCongTelemetry.SubmissionsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Reads what is left of a rejected request's body (bounded), so the client receives the answer.</summary>
    private static async Task DrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long drained = 0;
        try
        {
            int read;
            while (drained < 512L * 1024 * 1024 && (read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                drained += read;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // the client went away
        }
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Proposal {ProposalId} submitted")]
    private static partial void LogSubmitted(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Storage unavailable during a submission ({Problem})")]
    private static partial void LogStorageUnavailable(ILogger logger, string problem);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Error, Message = "Could not remove the files of rejected submission {ProposalId} ({Problem})")]
    private static partial void LogCleanupFailed(ILogger logger, string proposalId, string problem);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Submission refused: over the limit per {Limit}")]
    private static partial void LogRateLimited(ILogger logger, string limit);

    /// <summary>One submission as it is read: the request, its language and key, the officer entering it, the form once read.</summary>
    private sealed class Submission(HttpRequest request, Language language, string? key, StaffPrincipal? staff, IProposalWorkflowStarter workflow)
    {
        public HttpRequest Request { get; } = request;
        public Language Language { get; } = language;
        public string? Key { get; } = key;
        public StaffPrincipal? Staff { get; } = staff;
        public bool Officer { get; } = staff is not null && staff.IsInRole(StaffRoles.Officer);
        public IProposalWorkflowStarter Workflow { get; } = workflow;

        /// <summary>The form once read, for the page that shows a refused form again.</summary>
        public ProposalForm? Form { get; set; }
    }
}
