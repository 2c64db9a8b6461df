using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Annual plans per year and funding source. The plan's budget is the budget ledger's allocation: saving a plan sets
/// it (<see cref="PlanSaving"/>: 409 below what approvals committed, and then nothing changes); reading a plan shows
/// committed, paid and remaining from the ledger. Any staff member reads; officers (or administrators) save.
/// </summary>
public sealed class PlanFunctions(AnnualPlans plans, PlanSaving saving, StaffEndpoint staff)
{
    private static readonly BodyShape PlanShape = new("kế hoạch dạng JSON (version, budget, items, notes, programmeId)", "a JSON plan (version, budget, items, notes, programmeId)");

    private static readonly ProblemWording Wording = new(PlanSaving.InvalidPlan, EditConflicts: true);

    /// <summary><c>GET /api/plans?year=2026</c>: both funding sources' plans (null where none was saved) with their budget lines.</summary>
    [Function(nameof(ListPlans))]
    public Task<IActionResult> ListPlans(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/plans")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            return (await plans.ListAsync(request.Query["year"].ToString(), cancellationToken))
                .Answer(c.Language, y => new OkObjectResult(new { year = y.Year, plans = y.Plans.Select(p => PlanningJson.Of(p.Key, p.View, c.Language)) }));
        });

    /// <summary><c>GET /api/plans/{year}/{fundingSource}</c>: one plan (version 0 and no items when none was saved) with its budget line.</summary>
    [Function(nameof(GetPlan))]
    public Task<IActionResult> GetPlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/plans/{year}/{fundingSource}")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            return (await plans.GetAsync(year, fundingSource, cancellationToken)).Answer(c.Language, p => new OkObjectResult(PlanningJson.Of(p.Key, p.View, c.Language)));
        });

    /// <summary>
    /// <c>PUT /api/plans/{year}/{fundingSource}</c> with <c>{ version, programmeId, budget, items, notes }</c>: saves the
    /// plan and sets the ledger's allocation to its budget. <c>version</c>: the version edited (0 for a new plan).
    /// </summary>
    [Function(nameof(SavePlan))]
    public Task<IActionResult> SavePlan(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/plans/{year}/{fundingSource}")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<PlanInput>(request, StaffRoles.Officer, PlanShape, async (c, input) =>
        {
            c.NoStore();
            var decision = await saving.SaveAsync(new PlanRequest(year, fundingSource, input.Version, input.ToForm(), c.Staff.Actor), cancellationToken);
            return decision is { Kind: DecisionKind.Conflict, Value: not null }
                ? Problems.Field(StatusCodes.Status409Conflict, "budget", decision.Reason!.In(c.Language), c.Language)
                : decision.Answer(c.Language, view => new OkObjectResult(PlanningJson.Of(view.Line.Key, view, c.Language)), Wording);
        }, cancellationToken);

    private sealed record PlanInput(int? Version, string? ProgrammeId, long? Budget, IReadOnlyList<PlanItemForm?>? Items, string? Notes)
    {
        public AnnualPlanForm ToForm() => new(ProgrammeId, Budget, Items, Notes);
    }
}
