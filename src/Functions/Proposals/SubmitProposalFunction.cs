using System.Text.Json;
using KhuyenCong.Application.Intake;
using KhuyenCong.Application;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Telemetry;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// <c>POST /api/proposals</c>: a proposal from the public form (or JSON), or entered by an officer on an
/// establishment's behalf. 201 with the tracking code, or a problem response that changes nothing.
/// </summary>
public sealed partial class SubmitProposalFunction(
    ProposalRequestReader reader,
    ProposalIntake intake,
    IAttachmentStore attachments,
    IIdempotencyStore idempotency,
    SubmissionLimits limits,
    BrowserAnswers browser,
    IOptions<WorkflowOptions> workflow,
    ILogger<SubmitProposalFunction> logger)
{
    private const string IdempotencyScope = "submit";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Bilingual CallNotOpen = new("Đợt đăng ký không nhận hồ sơ lúc này.", "The call does not take proposals now.");

    [Function(nameof(SubmitProposal))]
    public async Task<IActionResult> SubmitProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals")] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        var read = new ReadForm();
        var result = await SubmitAsync(request, durableClient, language, read, cancellationToken);
        return BrowserAnswers.WantsHtml(request) ? await browser.AnswerAsync(request, language, result, read.Form, cancellationToken) : result;
    }

    /// <param name="read">Receives the form once read, for the page that shows a refused form again.</param>
    private async Task<IActionResult> SubmitAsync(HttpRequest request, DurableTaskClient durableClient, Language language, ReadForm read,
        CancellationToken cancellationToken)
    {
        string? key = request.Headers["Idempotency-Key"];
        if (key is { Length: > 200 })
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Idempotency-Key", language == Language.English
                ? "The Idempotency-Key header is longer than 200 characters." : "Tiêu đề Idempotency-Key dài quá 200 ký tự.", language);
        }

        // Officers enter proposals for many establishments from one office: the limits are for the public form.
        var staff = StaffAccess.Principal(request);
        var officer = staff is not null && staff.IsInRole(StaffRoles.Officer);
        if (!officer && await limits.HitAddressAsync(ClientAddress.Of(request), cancellationToken) is { Allowed: false } byAddress)
        {
            await DrainAsync(request, cancellationToken);
            return TooMany(request, language, byAddress.RetryAfter, null);
        }

        if (!string.IsNullOrEmpty(key))
        {
            var (claim, previous) = await idempotency.ClaimAsync(IdempotencyScope, key, cancellationToken);
            if (claim == IdempotencyClaim.Completed)
            {
                return await ReplayAsync(request, previous!, language, cancellationToken);
            }

            if (claim == IdempotencyClaim.InProgress)
            {
                await DrainAsync(request, cancellationToken);
                return Problems.Status(StatusCodes.Status409Conflict, language == Language.English
                    ? "A request with this Idempotency-Key is still being processed." : "Một yêu cầu cùng Idempotency-Key đang được xử lý.", language);
            }
        }

        var proposalId = Guid.CreateVersion7().ToString("N");
        using var scope = logger.ProposalScope(proposalId);
        using var activity = KhuyenCongTelemetry.Source.StartActivity("SubmitProposal");
        activity?.SetTag("khuyencong.proposal_id", proposalId);
        var completed = false;
        try
        {
            var content = await reader.ReadAsync(request, proposalId, language, cancellationToken);
            read.Form = content.Form;
            if (!officer && content.Form.Email?.Trim() is { Length: > 0 } email
                && await limits.HitEmailAsync(email, cancellationToken) is { Allowed: false } byEmail)
            {
                return TooMany(request, language, byEmail.RetryAfter, ProposalFields.Email);
            }

            var submitter = officer ? new Submitter(SubmissionChannel.Officer, staff!.Actor) : Submitter.Applicant;
            var outcome = await intake.SubmitAsync(
                new IntakeRequest(proposalId, content.Form, content.Attachments, submitter, language),
                new DurableWorkflowStarter(durableClient, workflow.Value.StartVersion),
                cancellationToken);
            if (outcome is IntakeRejected rejected)
            {
                KhuyenCongTelemetry.SubmissionsRejected.Add(1, new KeyValuePair<string, object?>("reason", "validation"));
                return Problems.Validation(rejected.Errors, language);
            }

            if (outcome is IntakeCallConflict conflict)
            {
                KhuyenCongTelemetry.SubmissionsRejected.Add(1, new KeyValuePair<string, object?>("reason", "call"));
                return Problems.Errors(StatusCodes.Status409Conflict, conflict.Errors, CallNotOpen.In(language), conflict.Errors[ProposalFields.CallId][0]);
            }

            // Accepted: from here on nothing may remove the proposal's files.
            completed = true;
            var proposal = ((IntakeAccepted)outcome).Proposal;
            var location = $"/api/proposals/{proposal.Id}";
            var body = JsonSerializer.Serialize(new
            {
                id = proposal.Id,
                trackingCode = proposal.TrackingCode,
                status = proposal.Status.ToCode(),
                trackingUrl = $"/track/{proposal.TrackingCode}",
            }, Json);
            if (!string.IsNullOrEmpty(key))
            {
                try
                {
                    await idempotency.CompleteAsync(IdempotencyScope, key, new IdempotentResponse(StatusCodes.Status201Created, body, location, content.Fingerprint), CancellationToken.None);
                }
                catch (Exception ex) when (IsStorageOutage(ex))
                {
                    // The proposal is accepted; only the replay record is missing (its claim expires by itself).
                    LogStorageUnavailable(logger, Describe(ex));
                }
            }

            LogSubmitted(logger, proposal.Id);
            return Created(body, location);
        }
        catch (RequestRejectedException ex)
        {
            read.Form ??= ex.FieldsRead is { } fields ? PostedFormFields.Read(name => fields.GetValueOrDefault(name) ?? []) : null;
            KhuyenCongTelemetry.SubmissionsRejected.Add(1, new KeyValuePair<string, object?>("reason", ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await DrainAsync(request, cancellationToken);
            return Problems.Field(ex.Status, ex.Field, ex.Message, language);
        }
        catch (Exception ex) when (IsStorageOutage(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(logger, Describe(ex));
            // Nothing of this submission is left once the clean-up below has run (it waits for storage to come back).
            await CleanUpAsync(proposalId, key);
            completed = true;
            await DrainAsync(request, cancellationToken);
            request.HttpContext.Response.Headers.RetryAfter = StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, language == Language.English
                ? "The proposal could not be saved: please try again in a moment." : "Chưa lưu được đề án, vui lòng thử lại sau ít phút.", language);
        }
        finally
        {
            if (!completed)
            {
                await CleanUpAsync(proposalId, key);
            }
        }
    }

    /// <summary>
    /// A repeat of a key whose request finished: the first answer when the body is the same as the first one (by its
    /// <see cref="SubmissionFingerprint"/>), 422 when it is another body (a key names one submission, never two).
    /// </summary>
    private async Task<IActionResult> ReplayAsync(HttpRequest request, IdempotentResponse previous, Language language, CancellationToken cancellationToken)
    {
        string? fingerprint;
        try
        {
            fingerprint = await reader.FingerprintAsync(request, language, cancellationToken);
        }
        catch (RequestRejectedException)
        {
            await DrainAsync(request, cancellationToken);
            fingerprint = null;
        }

        if (previous.BodyHash is not null && !string.Equals(previous.BodyHash, fingerprint, StringComparison.Ordinal))
        {
            return Problems.Field(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key", language == Language.English
                ? "This Idempotency-Key was already used for another proposal: nothing was stored. Send a new proposal with a new key."
                : "Idempotency-Key này đã được dùng cho một đề án khác: chưa lưu gì. Vui lòng gửi đề án mới với khóa mới.", language);
        }

        return Replay(previous);
    }

    /// <summary>429 with <c>Retry-After</c>: too many submissions from this address, or (<paramref name="field"/> email) for this email.</summary>
    private IActionResult TooMany(HttpRequest request, Language language, TimeSpan retryAfter, string? field)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (seconds + 59) / 60);
        KhuyenCongTelemetry.SubmissionsRejected.Add(1, new KeyValuePair<string, object?>("reason", field is null ? "rate-address" : "rate-email"));
        LogRateLimited(logger, field is null ? "address" : "email");
        var en = language == Language.English;
        return field is null
            ? Problems.Status(StatusCodes.Status429TooManyRequests, en
                ? $"Too many proposals were sent from this connection: please try again in {minutes} minutes, or ask the Industrial Promotion Centre to enter it for you."
                : $"Có quá nhiều đề án được gửi từ kết nối này: vui lòng thử lại sau {minutes} phút, hoặc nhờ Trung tâm Khuyến công nhập giúp.", language)
            : Problems.Field(StatusCodes.Status429TooManyRequests, field, en
                ? $"Too many proposals were sent with this email address: please try again in {minutes} minutes."
                : $"Có quá nhiều đề án được gửi với địa chỉ email này: vui lòng thử lại sau {minutes} phút.", language);
    }

    /// <summary>
    /// Removes the files of a submission that was not accepted, retrying while storage is unreachable (an outage
    /// during the submission is usually still on), for at most <see cref="CleanUpBudget"/>.
    /// </summary>
    private async Task CleanUpAsync(string proposalId, string? key)
    {
        var removed = await BestEffort.RetryAsync(() => attachments.DeleteAllAsync(proposalId, CancellationToken.None), CleanUpBudget, IsStorageOutage);
        if (!string.IsNullOrEmpty(key))
        {
            removed &= await BestEffort.RetryAsync(() => idempotency.ReleaseAsync(IdempotencyScope, key, CancellationToken.None), CleanUpBudget, IsStorageOutage);
        }

        if (!removed)
        {
            LogCleanupFailed(logger, proposalId, "storage unreachable");
        }
    }

    /// <summary>How long a failed submission waits for storage to remove what it wrote before answering.</summary>
    internal static readonly TimeSpan CleanUpBudget = TimeSpan.FromSeconds(60);

    private static string Describe(Exception ex) => ex is Azure.RequestFailedException r ? $"{r.Status} {r.ErrorCode}" : ex.GetType().Name;

    private static bool IsStorageOutage(Exception ex) => StorageOutage.IsOutage(ex);

    private static JsonContentResult Created(string body, string location) => new(StatusCodes.Status201Created, body, location);

    private static JsonContentResult Replay(IdempotentResponse previous) => new(previous.StatusCode, previous.Body, previous.Location);

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

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Proposal {ProposalId} submitted")]
    private static partial void LogSubmitted(ILogger logger, string proposalId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Storage unavailable during a submission ({Problem})")]
    private static partial void LogStorageUnavailable(ILogger logger, string problem);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Could not remove the files of rejected submission {ProposalId} ({Problem})")]
    private static partial void LogCleanupFailed(ILogger logger, string proposalId, string problem);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Submission refused: over the limit per {Limit}")]
    private static partial void LogRateLimited(ILogger logger, string limit);
}

/// <summary>The form a submission carried, once its body is read.</summary>
internal sealed class ReadForm
{
    public ProposalForm? Form { get; set; }
}
