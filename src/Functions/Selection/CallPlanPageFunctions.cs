using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Pages.Cycle;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Selection;

/// <summary>
/// The officers' pages of a call's ranking, selection and plan (issue 13 line 8; Vietnamese, English with
/// <c>?lang=en</c>). Their forms post without script, with the CSRF token, to the routes of
/// <see cref="SelectionFunctions"/> and <see cref="CallPlanFunctions"/>.
/// </summary>
public sealed class CallPlanPageFunctions(CallPlanPages pages, StaffEndpoint staff)
{
    /// <summary><c>GET /staff/calls/{callId}/ranking</c>: the ranked list, the current selection and the selection form.</summary>
    [Function(nameof(CallRankingPage))]
    public Task<IActionResult> CallRankingPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/calls/{callId}/ranking")] HttpRequest request,
        string callId,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.RankingAsync(c, callId, PostedForm.None, cancellationToken));

    /// <summary><c>GET /staff/calls/{callId}/plan</c>: the approved selection, its plan steps and the next step's form.</summary>
    [Function(nameof(CallPlanPage))]
    public Task<IActionResult> CallPlanPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/calls/{callId}/plan")] HttpRequest request,
        string callId,
        CancellationToken cancellationToken) =>
        staff.PageAsync(request, c => pages.PlanAsync(c, callId, PostedForm.None, cancellationToken));
}
