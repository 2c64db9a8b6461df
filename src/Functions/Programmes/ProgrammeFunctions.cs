using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Programmes;
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
/// Khuyến công programmes: any staff member reads them (with the progress of each target, computed from the proposals
/// assigned); officers (or administrators) create and edit them (<see cref="ProgrammeEditing"/>) and assign proposals
/// (<see cref="ProgrammeAssignment"/>). Edits name the version they started from: 409 when someone saved a newer one.
/// </summary>
public sealed class ProgrammeFunctions(IProgrammeStore store, ProgrammeEditing editing, ProgrammeAssignment assignment, StaffEndpoint staff)
{
    private static readonly BodyShape ProgrammeShape = new(
        "chương trình dạng JSON (name, fromYear, toYear, fundingSource, decisionNumber, targets)",
        "a JSON programme (name, fromYear, toYear, fundingSource, decisionNumber, targets)");

    private static readonly BodyShape AssignShape = new("JSON, ví dụ { \"programmeId\": \"…\" } (null để bỏ gán)", "JSON such as { \"programmeId\": \"…\" } (null to clear)");

    private static readonly ProblemWording Wording = new(ProgrammeEditing.InvalidProgramme, EditConflicts: true);

    /// <summary><c>GET /api/programmes</c>: every programme (without progress), newest period first.</summary>
    [Function(nameof(ListProgrammes))]
    public Task<IActionResult> ListProgrammes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var records = await store.ListAsync(cancellationToken);
            c.NoStore();
            return new OkObjectResult(records.Select(r => PlanningJson.Of(new ProgrammeView(r, null, null), c.Language)));
        });

    /// <summary><c>GET /api/programmes/{id}</c>: the programme with the progress of each target.</summary>
    [Function(nameof(GetProgramme))]
    public Task<IActionResult> GetProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            c.NoStore();
            return (await editing.GetAsync(id, cancellationToken)).Answer(c.Language, view => new OkObjectResult(PlanningJson.Of(view, c.Language)));
        });

    /// <summary><c>POST /api/programmes</c>: creates a programme (version 1); 201 with its Location.</summary>
    [Function(nameof(CreateProgramme))]
    public Task<IActionResult> CreateProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/programmes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<ProgrammeInput>(request, StaffRoles.Officer, ProgrammeShape, async (c, input) =>
        {
            c.NoStore();
            return (await editing.CreateAsync(input.ToForm(), c.Staff.Actor, cancellationToken))
                .Answer(c.Language, view => new CreatedResult(PlanningJson.Url(view.Record.Programme), PlanningJson.Of(view, c.Language)), Wording);
        }, cancellationToken);

    /// <summary><c>PUT /api/programmes/{id}</c>: replaces the programme; <c>version</c> is the version edited (409 when stale).</summary>
    [Function(nameof(UpdateProgramme))]
    public Task<IActionResult> UpdateProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<ProgrammeInput>(request, StaffRoles.Officer, ProgrammeShape, async (c, input) =>
        {
            c.NoStore();
            return (await editing.UpdateAsync(id, input.ToForm(), input.Version, c.Staff.Actor, cancellationToken))
                .Answer(c.Language, view => new OkObjectResult(PlanningJson.Of(view, c.Language)), Wording);
        }, cancellationToken);

    /// <summary><c>PUT /api/proposals/{id}/programme</c> with <c>{ "programmeId": "…" }</c> (or null to clear): the programme the proposal counts towards.</summary>
    [Function(nameof(AssignProposalProgramme))]
    public Task<IActionResult> AssignProposalProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/proposals/{id}/programme")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<AssignInput>(request, StaffRoles.Officer, AssignShape, async (c, input) =>
        {
            c.NoStore();
            return (await assignment.AssignAsync(id, input.ProgrammeId, cancellationToken)).Answer(c.Language, programmeId => new OkObjectResult(new { proposalId = id, programmeId }));
        }, cancellationToken);

    private sealed record ProgrammeInput(
        string? Name,
        int? FromYear,
        int? ToYear,
        string? FundingSource,
        string? DecisionNumber,
        IReadOnlyList<ProgrammeTargetForm?>? Targets,
        int? Version)
    {
        public ProgrammeForm ToForm() => new(Name, FromYear, ToYear, FundingSource, DecisionNumber, Targets);
    }

    private sealed record AssignInput(string? ProgrammeId);
}
