using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Funding;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Screening;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Proposals;

/// <summary>
/// The staff's decisions on a proposal (docs/api.md): each route reads the JSON body or the staff page's form
/// (<see cref="StaffEndpoint"/>), hands it to its use case in Application (the rules live there, ADR 0013) and maps
/// the decision to the answer. Routes never change the status: the orchestration does.
/// </summary>
public sealed class StaffActionFunctions(
    ScreeningDecisions screening,
    ReviewerReplacement replacement,
    ContractRecording contracts,
    PaymentRecording payments,
    AcceptanceConfirmation acceptance,
    StaffEndpoint staff)
{
    /// <summary><c>POST /api/proposals/{id}/screening</c> (officer): accept, reject or request documents in the current screening round.</summary>
    [Function(nameof(DecideScreening))]
    public Task<IActionResult> DecideScreening([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/screening")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Officer, id, "screening", async (c, input) =>
            (await screening.DecideAsync(new ScreeningRequest(id, input.Field("decision"), input.Field("comment"), c.Staff.Actor, input.Field("documents")),
                new DurableWorkflowEvents(durableClient), cancellationToken))
            .Answer(c.Language, d => Accepted(id, new { id, round = d.Round, decision = d.Code, comment = d.Comment, decidedBy = d.By })), cancellationToken);

    /// <summary><c>POST /api/proposals/{id}/reviewers/{reviewerId}/replace</c> (officer): replaces a reviewer whose review in the current round is still open.</summary>
    [Function(nameof(ReplaceReviewer))]
    public Task<IActionResult> ReplaceReviewer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/reviewers/{reviewerId}/replace")] HttpRequest request,
        string id, string reviewerId, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Officer, id, "replace-reviewer", async (c, input) =>
            (await replacement.ReplaceAsync(new ReplacementRequest(id, reviewerId, input.Field("reason"), c.Staff.Actor), new DurableWorkflowEvents(durableClient), cancellationToken))
            .Answer(c.Language, r => Accepted(id, new { id, round = r.Round, reviewerId, state = "replaced", reason = r.Comment, decidedBy = r.DecidedBy })), cancellationToken);

    /// <summary><c>POST /api/proposals/{id}/contract</c> (officer): records the contract of an approved proposal.</summary>
    [Function(nameof(RecordContract))]
    public Task<IActionResult> RecordContract([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/contract")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Officer, id, "contract", async (c, input) =>
            (await contracts.RecordAsync(new ContractRequest(id, input.Field("contractNumber"), input.Field("contractDate"), input.Field("note"), c.Staff.Actor, input.Field("signatory")),
                new DurableWorkflowEvents(durableClient), cancellationToken))
            .Answer(c.Language, k => Accepted(id, new { id, contractNumber = k.ContractNumber, contractDate = Iso(k.ContractDate), note = k.Note, by = k.By, at = k.At })),
            cancellationToken);

    /// <summary>
    /// <c>POST /api/proposals/{id}/payments</c> (finance): records an advance (in progress or accepted) or the single
    /// final payment (accepted) in the budget ledger. Idempotent by <c>paymentId</c>: 201 for a new payment, 200 with
    /// the first one when the id was already recorded; 409 with <c>remaining</c> when the ledger refuses the amount.
    /// </summary>
    [Function(nameof(RecordPayment))]
    public Task<IActionResult> RecordPayment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/payments")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Finance, id, "payment", async (c, input) =>
        {
            var decision = await payments.RecordAsync(new PaymentRequest(id, input.Field("paymentId"), input.Field("kind"), input.Number("amount"), c.Staff.Actor),
                new DurableWorkflowEvents(durableClient), cancellationToken);
            return decision is { Kind: DecisionKind.Conflict, Value: { } refused }
                ? Problems.WithExtensions(StatusCodes.Status409Conflict, decision.Reason!.In(c.Language), RefusalExtensions(refused), c.Language)
                : decision.Answer(c.Language, r => new ObjectResult(FundingJson.Payment(r)) { StatusCode = r.IsNew ? StatusCodes.Status201Created : StatusCodes.Status200OK });
        }, cancellationToken);

    /// <summary><c>POST /api/proposals/{id}/acceptance</c> (officer): confirms acceptance (nghiệm thu) once the applicant sent the acceptance papers.</summary>
    [Function(nameof(ConfirmAcceptance))]
    public Task<IActionResult> ConfirmAcceptance([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/acceptance")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durableClient, CancellationToken cancellationToken) =>
        staff.ActionAsync(request, StaffRoles.Officer, id, "acceptance", async (c, input) =>
            (await acceptance.ConfirmAsync(new AcceptanceRequest(id, input.Field("acceptedOn"), input.Field("comment"), c.Staff.Actor)
            {
                Results = AcceptanceConfirmation.ResultFields.ToDictionary(f => f.Field, f => input.Number(f.Field), StringComparer.Ordinal),
            }, new DurableWorkflowEvents(durableClient), cancellationToken))
            .Answer(c.Language, a => Accepted(id, new { id, acceptedOn = Iso(a.AcceptedOn), comment = a.Comment, results = FundingJson.Results(a.Results), by = a.By, at = a.At })),
            cancellationToken);

    private static Dictionary<string, object?> RefusalExtensions(PaymentReceipt refused) => new()
    {
        ["code"] = refused.RefusalCode,
        ["remaining"] = refused.Remaining,
        ["commitment"] = ProposalDossier.CommitmentJson(refused.Commitment),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static AcceptedResult Accepted(string id, object body) => new($"/api/proposals/{id}", body);
}
