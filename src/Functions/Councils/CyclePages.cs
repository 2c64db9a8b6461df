using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Councils;

/// <summary>
/// Staff pages of the yearly cycle's first steps (issue 13 lines 1, 2; Vietnamese, English with <c>?lang=en</c>): the
/// calls for proposals and the appraisal councils (<see cref="CycleStaffPages"/>). Their forms post without script,
/// with the CSRF token, to the routes of <see cref="Calls.CallFunctions"/> and <see cref="CouncilFunctions"/>.
/// </summary>
public sealed class CyclePages(CycleStaffPages pages, StaffEndpoint staff)
{
    /// <summary><c>GET /staff/calls</c> (<c>?edit={id}</c>): the calls and the form for a new one or the one edited.</summary>
    [Function(nameof(CallsPage))]
    public Task<IActionResult> CallsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/calls")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.CallsAsync(c, cancellationToken));

    /// <summary><c>GET /staff/councils</c>: the councils and the form to set one up.</summary>
    [Function(nameof(CouncilsPage))]
    public Task<IActionResult> CouncilsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/councils")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.CouncilsAsync(c, cancellationToken));

    /// <summary><c>GET /staff/councils/{id}</c>: the council, and its session or the form to record it.</summary>
    [Function(nameof(CouncilPage))]
    public Task<IActionResult> CouncilPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/councils/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.CouncilAsync(c, id, cancellationToken));
}
