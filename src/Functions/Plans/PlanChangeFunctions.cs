using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Plans;

/// <summary>
/// The changes of an approved plan (issue 13 line 6): its adjustment decisions (<see cref="PlanAdjustments"/>) and the
/// year-end carry-over (<see cref="PlanCarryOver"/>). Any staff member reads; officers record, by JSON or by the forms of
/// the plan's changes page (answered with a redirect back to it, or the page again at 400).
/// </summary>
public sealed class PlanChangeFunctions(PlanAdjustments adjustments, PlanCarryOver carryOver, PlanChangePages pages, StaffEndpoint staff)
{
    private static readonly BodyShape AdjustmentShape = new(
        "đối tượng JSON, ví dụ { \"number\": \"310/QĐ-UBND\", \"date\": \"2027-06-15\", \"lines\": [ { \"proposalId\": \"…\", \"action\": \"change\", \"amount\": 150000000 } ] }",
        "a JSON object such as { \"number\": \"310/QĐ-UBND\", \"date\": \"2027-06-15\", \"lines\": [ { \"proposalId\": \"…\", \"action\": \"change\", \"amount\": 150000000 } ] }");

    private static readonly BodyShape CarryOverShape = new(
        "đối tượng JSON, ví dụ { \"number\": \"45/SCT-KHTC\", \"date\": \"2027-12-28\" }", "a JSON object such as { \"number\": \"45/SCT-KHTC\", \"date\": \"2027-12-28\" }");

    /// <summary><c>GET /api/plans/{year}/{fundingSource}/adjustments</c>: the plan's adjustment decisions and its carry-over.</summary>
    [Function(nameof(ListPlanChanges))]
    public Task<IActionResult> ListPlanChanges(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/plans/{year}/{fundingSource}/adjustments")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            return (await adjustments.ListAsync(year, fundingSource, cancellationToken)).Answer(c.Language, v => new OkObjectResult(PlanningJson.Of(v, c.Language)));
        });

    /// <summary><c>GET /staff/plans/{year}/{fundingSource}/adjustments</c>: the page of the plan's changes, with the adjustment and carry-over forms.</summary>
    [Function(nameof(PlanChangesPage))]
    public Task<IActionResult> PlanChangesPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/plans/{year}/{fundingSource}/adjustments")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.PageAsync(c, year, fundingSource, PostedForm.None, PlanChangeForm.Adjustment, cancellationToken));

    /// <summary><c>POST /api/plans/{year}/{fundingSource}/adjustments</c>: records an adjustment decision; 201 (200 when the same decision is sent again).</summary>
    [Function(nameof(AdjustPlan))]
    public Task<IActionResult> AdjustPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/plans/{year}/{fundingSource}/adjustments")] HttpRequest request,
        string year,
        string fundingSource,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, AdjustmentShape, pages.AdjustmentForm(request, year, fundingSource, cancellationToken), async (c, input) =>
            (await adjustments.AdjustAsync(year, fundingSource, input, c.Staff.Actor, new DurableWorkflowEvents(durableClient), cancellationToken))
                .Answer(c.Language, v => Stored(v, c.Language)),
            cancellationToken);

    /// <summary><c>POST /api/plans/{year}/{fundingSource}/carry-over</c>: carries the unfinished đề án over to next year; 201 (200 when sent again).</summary>
    [Function(nameof(CarryOverPlan))]
    public Task<IActionResult> CarryOverPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/plans/{year}/{fundingSource}/carry-over")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, CarryOverShape, pages.CarryOverForm(request, year, fundingSource, cancellationToken), async (c, input) =>
            (await carryOver.CarryOverAsync(year, fundingSource, input, c.Staff.Actor, cancellationToken)).Answer(c.Language, v => Stored(v, c.Language)),
            cancellationToken);

    private static IActionResult Stored(PlanChangesView view, Language language) =>
        view.IsNew ? new ObjectResult(PlanningJson.Of(view, language)) { StatusCode = StatusCodes.Status201Created } : new OkObjectResult(PlanningJson.Of(view, language));
}
