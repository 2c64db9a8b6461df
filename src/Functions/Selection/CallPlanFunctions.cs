using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Plans;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Selection;

/// <summary>
/// The plan steps of a call's approved selection (<see cref="PlanRecording"/>, issue 13 lines 4 and 5), by an officer:
/// the tờ trình to the People's Committee or the dispatch to the Ministry, then the plan decision. JSON, or the forms of
/// the call's plan page (answered with a redirect back to it, or the page again at 400).
/// </summary>
public sealed class CallPlanFunctions(PlanRecording plans, CallPlanPages pages, StaffEndpoint staff)
{
    private static readonly BodyShape SubmissionShape = new("đối tượng JSON, ví dụ { \"number\": \"125/TTr-SCT\", \"date\": \"2026-11-20\" }",
        "a JSON object such as { \"number\": \"125/TTr-SCT\", \"date\": \"2026-11-20\" }");

    private static readonly BodyShape DecisionShape = new(
        "đối tượng JSON, ví dụ { \"number\": \"2150/QĐ-UBND\", \"date\": \"2026-12-01\", \"lines\": [ { \"proposalId\": \"…\", \"included\": false, \"ifNotIncluded\": \"reserve\" } ] }",
        "a JSON object such as { \"number\": \"2150/QĐ-UBND\", \"date\": \"2026-12-01\", \"lines\": [ { \"proposalId\": \"…\", \"included\": false, \"ifNotIncluded\": \"reserve\" } ] }");

    /// <summary><c>POST /api/calls/{callId}/plan/submission</c>: the tờ trình (local) or the dispatch to the Ministry (national): 200 with the selection.</summary>
    [Function(nameof(SubmitCallPlan))]
    public Task<IActionResult> SubmitCallPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls/{callId}/plan/submission")] HttpRequest request,
        string callId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, SubmissionShape, pages.SubmissionForm(request, callId, cancellationToken), async (c, input) =>
            (await plans.SubmitAsync(callId, input, c.Staff.Actor, new DurableWorkflowEvents(durableClient), cancellationToken))
                .Answer(c.Language, s => new OkObjectResult(SelectionJson.Selection(s, c.Language))),
            cancellationToken);

    /// <summary><c>POST /api/calls/{callId}/plan/decision</c>: the People's Committee's or the Ministry's decision: 200 with the selection.</summary>
    [Function(nameof(DecideCallPlan))]
    public Task<IActionResult> DecideCallPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls/{callId}/plan/decision")] HttpRequest request,
        string callId,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, DecisionShape, pages.DecisionForm(request, callId, cancellationToken), async (c, input) =>
            (await plans.DecideAsync(callId, input, c.Staff.Actor, new DurableWorkflowEvents(durableClient), cancellationToken))
                .Answer(c.Language, s => new OkObjectResult(SelectionJson.Selection(s, c.Language))),
            cancellationToken);
}
