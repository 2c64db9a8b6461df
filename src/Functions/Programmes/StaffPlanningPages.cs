using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Staff pages for programmes and annual plans (Vietnamese, English with <c>?lang=en</c>; <see cref="PlanningStaffPages"/>).
/// Their forms are sent as JSON to the staff API by <c>/assets/planning.js</c>.
/// </summary>
public sealed class StaffPlanningPages(PlanningStaffPages pages, StaffEndpoint staff)
{
    /// <summary><c>GET /staff/programmes</c>: the list and a form for a new programme.</summary>
    [Function(nameof(ProgrammesPage))]
    public Task<IActionResult> ProgrammesPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/programmes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.ProgrammesAsync(c, cancellationToken));

    /// <summary><c>GET /staff/programmes/{id}</c>: the programme, the progress of each target and the edit form.</summary>
    [Function(nameof(ProgrammePage))]
    public Task<IActionResult> ProgrammePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.ProgrammeAsync(c, id, cancellationToken));

    /// <summary><c>GET /staff/plans?year=2026&amp;source=local</c>: the year's plans for both funding sources, with their budget lines; the form edits one.</summary>
    [Function(nameof(PlansPage))]
    public Task<IActionResult> PlansPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/plans")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.PlansAsync(c, cancellationToken));
}
