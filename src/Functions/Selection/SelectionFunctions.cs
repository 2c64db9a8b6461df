using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Selection;
using KhuyenCong.Domain.Selection;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Selection;

/// <summary>
/// A call's ranking and selection (issue 13 line 3): any staff member reads the ranking (<see cref="CallRankings"/>);
/// an officer proposes the selection (<see cref="SelectionProposals"/>), which emails the director the signed link.
/// </summary>
public sealed class SelectionFunctions(CallRankings rankings, SelectionProposals proposals, ISelectionStore selections, CallPlanPages pages, StaffEndpoint staff)
{
    private static readonly BodyShape SelectionShape = new(
        "đối tượng JSON, ví dụ { \"lines\": [ { \"proposalId\": \"…\", \"included\": false, \"ifLeftOut\": \"reserve\", \"reason\": \"…\" } ] }",
        "a JSON object such as { \"lines\": [ { \"proposalId\": \"…\", \"included\": false, \"ifLeftOut\": \"reserve\", \"reason\": \"…\" } ] }");

    /// <summary><c>GET /api/calls/{callId}/ranking</c>: the ranked list with the rule applied, the money, and the current selection.</summary>
    [Function(nameof(CallRanking))]
    public Task<IActionResult> CallRanking(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls/{callId}/ranking")] HttpRequest request,
        string callId,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            return (await rankings.RankAsync(callId, cancellationToken)).Answer(c.Language, r => new OkObjectResult(SelectionJson.Ranking(r, c.Language)));
        });

    /// <summary><c>GET /api/calls/{callId}/selection</c>: the current selection (404 when none) and the rounds sent back.</summary>
    [Function(nameof(CallSelectionRead))]
    public Task<IActionResult> CallSelectionRead(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calls/{callId}/selection")] HttpRequest request,
        string callId,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            if (await selections.GetAsync(callId, cancellationToken) is not { } current)
            {
                return Problems.Status(StatusCodes.Status404NotFound, NoSelection.In(c.Language), c.Language);
            }

            var history = await selections.HistoryAsync(callId, cancellationToken);
            return new OkObjectResult(new { current = SelectionJson.Selection(current.Selection, c.Language), history = history.Select(h => SelectionJson.Selection(h, c.Language)) });
        });

    /// <summary>
    /// <c>POST /api/calls/{callId}/selection</c> (officer) with <c>{ "lines": [...] }</c>, the choices that differ from
    /// the ranking's default (none: the ranking cut at the money): 201 with the selection; 400 by field; 409 naming the stage.
    /// The ranking page's form (every line, CSRF token) is answered with a redirect back to it, or the page again at 400.
    /// </summary>
    [Function(nameof(ProposeCallSelection))]
    public Task<IActionResult> ProposeCallSelection(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/calls/{callId}/selection")] HttpRequest request,
        string callId,
        CancellationToken cancellationToken) =>
        staff.FormOrJsonAsync(request, StaffRoles.Officer, SelectionShape, pages.SelectionForm(request, callId, cancellationToken), async (c, input) =>
            (await proposals.ProposeAsync(callId, input, c.Staff.Actor, cancellationToken)).Answer(c.Language,
                p => new CreatedResult($"/api/calls/{callId}/selection", new { selection = SelectionJson.Selection(p.Selection, c.Language), directorNotified = p.DirectorNotified })),
            cancellationToken);

    private static readonly Bilingual NoSelection = new("Đợt này chưa có danh sách đề xuất lựa chọn.", "This call has no proposed selection yet.");
}
