using System.Text.Json;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Common;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Budgets;

/// <summary>The yearly budgets per funding source: any staff member reads them; finance (or an administrator) sets allocations (<see cref="BudgetAllocations"/>).</summary>
public sealed class BudgetFunctions(BudgetAllocations budgets, StaffEndpoint staff)
{
    private static readonly BodyShape AllocationShape = new("đối tượng JSON, ví dụ { \"allocated\": 5200000000 }", "a JSON object such as { \"allocated\": 5200000000 }");

    /// <summary><c>GET /api/budgets?year=2026</c>: the year's lines for both funding sources.</summary>
    [Function(nameof(ListBudgets))]
    public Task<IActionResult> ListBudgets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/budgets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            return (await budgets.ListAsync(request.Query["year"].ToString(), cancellationToken))
                .Answer(c.Language, y => new OkObjectResult(new { year = y.Year, lines = y.Lines.Select(l => PlanningJson.Of(l, c.Language)) }));
        });

    /// <summary><c>PUT /api/budgets/{year}/{fundingSource}</c> with <c>{ "allocated": 5200000000 }</c>: sets the allocation.</summary>
    [Function(nameof(SetBudgetAllocation))]
    public Task<IActionResult> SetBudgetAllocation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/budgets/{year}/{fundingSource}")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<AllocationInput>(request, StaffRoles.Finance, AllocationShape, async (c, input) =>
            (await budgets.SetAsync(year, fundingSource, Amount(input.Allocated), c.Staff.Actor, cancellationToken)).Answer(c.Language, l => new OkObjectResult(PlanningJson.Of(l, c.Language))),
            cancellationToken);

    /// <summary>A JSON amount as sent: a number's digits; absent or null; anything else (a string, an object) of the wrong type.</summary>
    private static FieldInput Amount(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => new FieldInput(value.GetRawText()),
        JsonValueKind.Undefined or JsonValueKind.Null => FieldInput.Absent,
        _ => new FieldInput(null, WrongType: true),
    };

    private sealed record AllocationInput(JsonElement Allocated);
}
