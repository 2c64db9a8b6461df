using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Appraisal;

/// <summary>
/// The roster of council reviewers (officers; the rules: <see cref="ReviewerEditing"/>). Answers hold personal data:
/// they are never cached; logs hold reviewer ids only (the roster logs the changes).
/// </summary>
public sealed class ReviewerFunctions(IReviewerRoster roster, ReviewerEditing editing, StaffEndpoint staff)
{
    private static readonly BodyShape ReviewerShape = new(
        "thông tin thành viên hội đồng dạng JSON (name, email, organization, kinds, …)",
        "a JSON reviewer (name, email, organization, kinds, …)");

    private static readonly ProblemWording Wording = new(ReviewerEditing.InvalidDetails);

    /// <summary><c>GET /api/reviewers</c>: every reviewer with their open reviews; <c>?active=true</c> for active ones only.</summary>
    [Function(nameof(ListReviewers))]
    public Task<IActionResult> ListReviewers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reviewers")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async c =>
        {
            var activeOnly = string.Equals(request.Query["active"], "true", StringComparison.OrdinalIgnoreCase);
            var entries = await roster.ListAsync(cancellationToken);
            c.NoStore();
            return new OkObjectResult(entries.Where(e => !activeOnly || e.Reviewer.Active).Select(e => AppraisalJson.Of(e)));
        });

    /// <summary><c>GET /api/reviewers/{id}</c>: one reviewer, active or not.</summary>
    [Function(nameof(GetReviewer))]
    public Task<IActionResult> GetReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reviewers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async c =>
        {
            var entry = await roster.GetAsync(id, cancellationToken);
            c.NoStore();
            return entry is null ? Problems.Status(StatusCodes.Status404NotFound, ReviewerEditing.NoSuchReviewer.In(c.Language), c.Language) : new OkObjectResult(AppraisalJson.Of(entry));
        });

    /// <summary><c>POST /api/reviewers</c>: adds a reviewer; 201 with its Location.</summary>
    [Function(nameof(CreateReviewer))]
    public Task<IActionResult> CreateReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reviewers")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<ReviewerInput>(request, StaffRoles.Officer, ReviewerShape, async (c, input) =>
        {
            c.NoStore();
            return (await editing.AddAsync(input.ToForm(), input.Active, c.Staff.Actor, cancellationToken))
                .Answer(c.Language, e => new CreatedResult($"/api/reviewers/{e.Reviewer.Id}", AppraisalJson.Of(e)), Wording);
        }, cancellationToken);

    /// <summary><c>PUT /api/reviewers/{id}</c>: replaces a reviewer's details (the open-review count is kept); <c>active</c> may reactivate.</summary>
    [Function(nameof(UpdateReviewer))]
    public Task<IActionResult> UpdateReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/reviewers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<ReviewerInput>(request, StaffRoles.Officer, ReviewerShape, async (c, input) =>
        {
            c.NoStore();
            return (await editing.EditAsync(id, input.ToForm(), input.Active, c.Staff.Actor, cancellationToken)).Answer(c.Language, e => new OkObjectResult(AppraisalJson.Of(e)), Wording);
        }, cancellationToken);

    /// <summary><c>DELETE /api/reviewers/{id}</c>: deactivates the reviewer (kept, readable, never chosen again); answers the reviewer.</summary>
    [Function(nameof(DeactivateReviewer))]
    public Task<IActionResult> DeactivateReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/reviewers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.WriteAsync(request, StaffRoles.Officer, async c =>
        {
            c.NoStore();
            return (await editing.DeactivateAsync(id, c.Staff.Actor, cancellationToken)).Answer(c.Language, e => new OkObjectResult(AppraisalJson.Of(e)));
        }, cancellationToken);

    private sealed record ReviewerInput(
        string? Name,
        string? Email,
        string? Phone,
        string? Organization,
        IReadOnlyList<string?>? Kinds,
        IReadOnlyList<string?>? Sectors,
        IReadOnlyList<string?>? DeclaredTaxCodes,
        IReadOnlyList<string?>? DeclaredOrganizations,
        bool? Active)
    {
        public ReviewerForm ToForm() => new(Name, Email, Phone, Organization, Kinds, Sectors, DeclaredTaxCodes, DeclaredOrganizations);
    }
}
