using System.Text.RegularExpressions;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// The staff's decisions on a proposal (docs/api.md). Each route checks the role, validates the body (JSON, or the staff
/// page's form), checks the proposal's status and case, stores the decision (first decision wins), and only then
/// raises the workflow's event. Routes never change the status: the orchestration does.
/// </summary>
public sealed partial class StaffActionFunctions(
    IProposalRepository proposals,
    IProposalCaseStore cases,
    IBudgetLedger ledger,
    IProposalPayments payments,
    TimeProvider time,
    ILogger<StaffActionFunctions> logger)
{
    public const int MaxComment = 2000;
    public const int MaxReason = 1000;
    public const int MaxContractNumber = 100;

    /// <summary><c>POST /api/proposals/{id}/screening</c> (officer): accept, reject or request documents in the current screening round.</summary>
    [Function(nameof(DecideScreening))]
    public Task<IActionResult> DecideScreening(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/screening")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        RunAsync(request, id, StaffRoles.Officer, "screening", async (c, ct) =>
        {
            var errors = new Errors(c.En);
            var decision = c.Input.Text("decision");
            ScreeningOutcome? outcome = decision switch
            {
                "accept" => ScreeningOutcome.Accept,
                "reject" => ScreeningOutcome.Reject,
                "request-documents" => ScreeningOutcome.RequestDocuments,
                _ => null,
            };
            if (outcome is null)
            {
                errors.Add("decision", "Vui lòng chọn quyết định: accept (tiếp nhận), reject (không tiếp nhận) hoặc request-documents (yêu cầu bổ sung hồ sơ).",
                    "Choose the decision: accept, reject or request-documents.");
            }

            var comment = Comment(c.Input, "comment", MaxComment, required: outcome is ScreeningOutcome.Reject or ScreeningOutcome.RequestDocuments, errors,
                "Vui lòng ghi ý kiến (bắt buộc khi không tiếp nhận hoặc yêu cầu bổ sung; tối đa 2000 ký tự): cơ sở sẽ nhận được ý kiến này.",
                "Write a comment (required to reject or to request documents; at most 2000 characters): the applicant receives it.");
            if (errors.Any)
            {
                return errors.Answer(c.Language);
            }

            var (proposal, problem) = await LoadAsync(id, c, "quyết định kiểm tra hồ sơ", "a screening decision", ct, ProposalStatus.Screening);
            if (problem is not null)
            {
                return problem;
            }

            var screening = (await cases.GetAsync(proposal!.Id, ct)).CurrentScreening;
            if (screening is null)
            {
                return Conflict(c, "Hồ sơ chưa được kiểm tra tự động xong: vui lòng thử lại sau ít phút.", "The automatic checks have not finished yet: try again in a few minutes.");
            }

            if (screening.Outcome is not null
                || !await cases.DecideScreeningAsync(proposal.Id, screening.Round, outcome!.Value, c.Staff.Actor, comment, time.GetUtcNow(), ct))
            {
                return Conflict(c, "Vòng kiểm tra hồ sơ này đã có quyết định.", "This screening round has already been decided.");
            }

            await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.ScreeningDecided, new ScreeningDecision(screening.Round, outcome.Value, c.Staff.Actor, comment), ct);
            LogDecided(logger, proposal.Id, "screening", decision!);
            return Accepted(proposal.Id, new { id = proposal.Id, round = screening.Round, decision, comment, decidedBy = c.Staff.Actor });
        }, cancellationToken);

    /// <summary><c>POST /api/proposals/{id}/reviewers/{reviewerId}/replace</c> (officer): replaces a reviewer whose review in the current round is still open.</summary>
    [Function(nameof(ReplaceReviewer))]
    public Task<IActionResult> ReplaceReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/reviewers/{reviewerId}/replace")] HttpRequest request,
        string id,
        string reviewerId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        RunAsync(request, id, StaffRoles.Officer, "replace-reviewer", async (c, ct) =>
        {
            var errors = new Errors(c.En);
            var reason = Comment(c.Input, "reason", MaxReason, required: true, errors,
                "Vui lòng nêu lý do thay thành viên hội đồng (tối đa 1000 ký tự).", "Give the reason for replacing the reviewer (at most 1000 characters).");
            if (errors.Any)
            {
                return errors.Answer(c.Language);
            }

            var (proposal, problem) = await LoadAsync(id, c, "thay thành viên hội đồng", "replacing a reviewer", ct, ProposalStatus.InReview);
            if (problem is not null)
            {
                return problem;
            }

            var @case = await cases.GetAsync(proposal!.Id, ct);
            var review = @case.ReviewsOf(@case.AppraisalRound).FirstOrDefault(r => r.ReviewerId == reviewerId);
            if (review is null)
            {
                return Problems.Status(StatusCodes.Status404NotFound,
                    c.En ? "This reviewer has no review in the current appraisal round." : "Thành viên này không thẩm định đề án trong vòng hiện tại.", c.Language);
            }

            if (!review.IsOpen)
            {
                return Conflict(c, "Thành viên này đã trả lời hoặc đã được thay: không thể thay nữa.", "This reviewer has already answered or been replaced.");
            }

            var now = time.GetUtcNow();
            var change = await cases.DecideReviewAsync(review with { State = ReviewState.Replaced, DecidedAt = now, DecidedBy = c.Staff.Actor, Comment = reason }, ct);
            if (!change.Applied)
            {
                return Conflict(c, "Thành viên này đã trả lời hoặc đã được thay: không thể thay nữa.", "This reviewer has already answered or been replaced.");
            }

            await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.AppraisalChanged, new AppraisalEvent(review.Round, AppraisalEventKind.Replaced, reviewerId, c.Staff.Actor), ct);
            LogDecided(logger, proposal.Id, "replace-reviewer", "replaced");
            return Accepted(proposal.Id, new { id = proposal.Id, round = review.Round, reviewerId, state = "replaced", reason, decidedBy = c.Staff.Actor });
        }, cancellationToken);

    /// <summary><c>POST /api/proposals/{id}/contract</c> (officer): records the contract of an approved proposal.</summary>
    [Function(nameof(RecordContract))]
    public Task<IActionResult> RecordContract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/contract")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        RunAsync(request, id, StaffRoles.Officer, "contract", async (c, ct) =>
        {
            var errors = new Errors(c.En);
            var rawNumber = c.Input.Text("contractNumber");
            var number = rawNumber is null ? null : VietnameseText.Normalize(rawNumber);
            if (c.Input.HasWrongType("contractNumber") || string.IsNullOrEmpty(number) || number.Length > MaxContractNumber || VietnameseText.HasForbiddenCharacters(rawNumber))
            {
                errors.Add("contractNumber", "Vui lòng nhập số hợp đồng (tối đa 100 ký tự), ví dụ 15/2026/HĐ-KC.", "Enter the contract number (at most 100 characters), e.g. 15/2026/HĐ-KC.");
            }

            var today = VietnamTime.Today(time);
            if (!c.Input.TryDate("contractDate", out var date) || date > today || date.Year < 2000)
            {
                errors.Add("contractDate", "Vui lòng nhập ngày ký hợp đồng theo dạng yyyy-MM-dd, không sau hôm nay.", "Enter the contract date as yyyy-MM-dd, not after today.");
            }

            var note = Comment(c.Input, "note", MaxComment, required: false, errors, "Ghi chú tối đa 2000 ký tự.", "The note may have at most 2000 characters.");
            if (errors.Any)
            {
                return errors.Answer(c.Language);
            }

            var (proposal, problem) = await LoadAsync(id, c, "ghi nhận hợp đồng", "recording the contract", ct, ProposalStatus.Approved);
            if (problem is not null)
            {
                return problem;
            }

            var contract = new ContractRecord(number!, date, note, c.Staff.Actor, time.GetUtcNow());
            if ((await cases.GetAsync(proposal!.Id, ct)).Contract is not null || !await cases.SaveContractAsync(proposal.Id, contract, ct))
            {
                return Conflict(c, "Hợp đồng của đề án đã được ghi nhận.", "The contract has already been recorded.");
            }

            await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.ContractRecorded, new ContractNotice(c.Staff.Actor), ct);
            LogDecided(logger, proposal.Id, "contract", "recorded");
            return Accepted(proposal.Id, new { id = proposal.Id, contractNumber = contract.ContractNumber, contractDate = Iso(contract.ContractDate), contract.Note, by = contract.By, at = contract.At });
        }, cancellationToken);

    /// <summary>
    /// <c>POST /api/proposals/{id}/payments</c> (finance): records an advance (in progress or accepted) or the single
    /// final payment (accepted) in the budget ledger. Idempotent by <c>paymentId</c>.
    /// </summary>
    [Function(nameof(RecordPayment))]
    public Task<IActionResult> RecordPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/payments")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        RunAsync(request, id, StaffRoles.Finance, "payment", async (c, ct) =>
        {
            var errors = new Errors(c.En);
            var paymentId = c.Input.Text("paymentId");
            if (c.Input.HasWrongType("paymentId") || (paymentId is not null && !PaymentIdPattern().IsMatch(paymentId)))
            {
                errors.Add("paymentId", "Mã thanh toán gồm 1-100 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới (có thể bỏ trống).",
                    "The payment id is 1-100 letters, digits, dots, dashes or underscores (or leave it out).");
            }

            PaymentKind? kind = PaymentKindCodes.TryParse(c.Input.Text("kind"), out var k) && !c.Input.HasWrongType("kind") ? k : null;
            if (kind is null)
            {
                errors.Add("kind", "Vui lòng chọn loại thanh toán: advance (tạm ứng) hoặc final (thanh toán cuối).", "Choose the kind: advance or final.");
            }

            if (!c.Input.TryInt64("amount", out var amount) || amount <= 0)
            {
                errors.Add("amount", "Số tiền phải là số nguyên dương (đồng).", "The amount must be a whole number of VND above 0.");
            }

            if (errors.Any)
            {
                return errors.Answer(c.Language);
            }

            var (proposal, problem) = await LoadAsync(id, c, "ghi nhận thanh toán", "recording a payment", ct, ProposalStatus.InProgress, ProposalStatus.Accepted);
            if (problem is not null)
            {
                return problem;
            }

            if (kind == PaymentKind.Final && proposal!.Status != ProposalStatus.Accepted)
            {
                return Conflict(c, "Chỉ thanh toán cuối sau khi đề án đã được nghiệm thu.", "The final payment is only possible once the proposal is accepted.");
            }

            paymentId ??= Guid.NewGuid().ToString("N");
            if (kind == PaymentKind.Final && !await payments.ClaimFinalAsync(proposal!.Id, paymentId, ct))
            {
                return Conflict(c, "Đề án đã có khoản thanh toán cuối.", "The proposal already has its final payment.");
            }

            var key = new BudgetKey(proposal!.Year, proposal.Submission.FundingSource);
            var result = await ledger.RecordPaymentAsync(key, proposal.Id, paymentId, kind!.Value, amount, c.Staff.Actor, ct);
            switch (result.Outcome)
            {
                case PaymentOutcome.Paid:
                    await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.PaymentRecorded, new PaymentNotice(paymentId, kind.Value, amount, c.Staff.Actor), ct);
                    await payments.AddAsync(result.Payment!, ct);
                    LogDecided(logger, proposal.Id, "payment", kind.Value.ToCode());
                    return new ObjectResult(PaymentJson(result)) { StatusCode = StatusCodes.Status201Created };
                case PaymentOutcome.Duplicate when result.Payment is { } first && first.ProposalId == proposal.Id:
                    // The same payment again: the first answer. If the first call stopped before telling the workflow, tell it now.
                    if (!await payments.ContainsAsync(proposal.Id, first.PaymentId, ct))
                    {
                        await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.PaymentRecorded, new PaymentNotice(first.PaymentId, first.Kind, first.Amount, first.By), ct);
                        await payments.AddAsync(first, ct);
                    }

                    return new OkObjectResult(PaymentJson(result));
                case PaymentOutcome.Duplicate:
                    return Conflict(c, "Mã thanh toán này đã được dùng cho một đề án khác.", "This payment id was already used for another proposal.");
                default:
                    if (kind == PaymentKind.Final)
                    {
                        await payments.ReleaseFinalAsync(proposal.Id, paymentId, CancellationToken.None);
                    }

                    var remaining = result.Commitment?.Unpaid ?? 0;
                    var why = result.Refusal?.Message(c.Language)
                        ?? (c.En ? "The proposal has no commitment in the budget." : "Đề án chưa có khoản kinh phí được cam kết.");
                    return Problems.WithExtensions(StatusCodes.Status409Conflict,
                        why + (c.En ? $" Remaining to pay: {DisplayFormat.Amount(remaining, c.Language)} VND." : $" Còn có thể thanh toán: {DisplayFormat.Amount(remaining, c.Language)} đồng."),
                        new Dictionary<string, object?>
                        {
                            ["code"] = result.Refusal?.Code ?? BudgetRefusalCodes.NotCommitted,
                            ["remaining"] = remaining,
                            ["commitment"] = CommitmentJson(result.Commitment),
                        },
                        c.Language);
            }
        }, cancellationToken);

    internal static object PaymentJson(PaymentResult result) => new
    {
        payment = result.Payment is { } p ? new { p.PaymentId, kind = p.Kind.ToCode(), p.Amount, p.By, p.At } : null,
        commitment = CommitmentJson(result.Commitment),
    };

    internal static object? CommitmentJson(Commitment? commitment) =>
        commitment is null ? null : new { approved = commitment.Approved, paid = commitment.Paid, unpaid = commitment.Unpaid, released = commitment.IsReleased };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Call(StaffPrincipal Staff, ActionInput Input, Language Language)
    {
        public bool En => Language == Language.English;
    }

    private static async Task<IActionResult> RunAsync(HttpRequest request, string id, string role, string action,
        Func<Call, CancellationToken, Task<IActionResult>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestLanguage.From(request);
        var staff = StaffAccess.Require(request, role, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var input = await ActionInput.ReadAsync(request, cancellationToken);
        if (input is null)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "body",
                language == Language.English ? "Send a JSON object (or the staff page's form)." : "Nội dung gửi lên phải là một đối tượng JSON (hoặc biểu mẫu của trang cán bộ).", language);
        }

        if (input.IsForm && !StaffPages.IsSameOrigin(request))
        {
            return StaffAccess.Denied(StatusCodes.Status403Forbidden, language);
        }

        var result = await body(new Call(staff, input, language), cancellationToken);
        return input.IsForm ? StaffPages.FormAnswer(request, language, id, action, result) : result;
    }

    /// <summary>The proposal if it exists and is in one of <paramref name="allowed"/>; otherwise the 404 or 409 to answer.</summary>
    private async Task<(Proposal? Proposal, IActionResult? Problem)> LoadAsync(string id, Call c, string actionVi, string actionEn,
        CancellationToken cancellationToken, params ProposalStatus[] allowed)
    {
        var proposal = await proposals.GetAsync(id, cancellationToken);
        if (proposal is null)
        {
            return (null, Problems.Status(StatusCodes.Status404NotFound, c.En ? "No such proposal." : "Không có đề án này.", c.Language));
        }

        if (!allowed.Contains(proposal.Status))
        {
            var label = ProposalStatusLabels.Label(proposal.Status, c.Language);
            return (proposal, Conflict(c,
                $"Đề án đang ở bước \"{label}\": chưa thể {actionVi} lúc này.",
                $"The proposal is {proposal.Status.ToCode()} ({label}): {actionEn} is not possible now."));
        }

        return (proposal, null);
    }

    private static IActionResult Conflict(Call c, string vi, string en) =>
        Problems.Status(StatusCodes.Status409Conflict, c.En ? en : vi, c.Language);

    private static AcceptedResult Accepted(string id, object body) => new($"/api/proposals/{id}", body);

    private static string? Comment(ActionInput input, string field, int max, bool required, Errors errors, string vi, string en)
    {
        var raw = input.Text(field);
        var text = raw is null ? null : VietnameseText.Normalize(raw, TextMode.MultiLine);
        if (input.HasWrongType(field) || (required && string.IsNullOrEmpty(text)) || (text?.Length ?? 0) > max || VietnameseText.HasForbiddenCharacters(raw))
        {
            errors.Add(field, vi, en);
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    private sealed class Errors(bool en)
    {
        private readonly Dictionary<string, IReadOnlyList<string>> errors = new(StringComparer.Ordinal);

        public bool Any => errors.Count > 0;

        public void Add(string field, string vi, string english) => errors[field] = [en ? english : vi];

        public IActionResult Answer(Language language) => Problems.Fields(errors, language);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex PaymentIdPattern();

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Proposal {ProposalId}: staff action {Action} stored ({Decision}); event raised")]
    private static partial void LogDecided(ILogger logger, string proposalId, string action, string decision);
}
