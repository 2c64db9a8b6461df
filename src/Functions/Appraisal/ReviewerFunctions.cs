using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Appraisal;

/// <summary>
/// The roster of council reviewers (officers). Reviewers are deactivated, never deleted. Answers hold personal data:
/// they are never cached; logs hold reviewer ids only (the roster logs the changes).
/// </summary>
public sealed class ReviewerFunctions(IReviewerRoster roster)
{

    /// <summary><c>GET /api/reviewers</c>: every reviewer with their open reviews; <c>?active=true</c> for active ones only.</summary>
    [Function(nameof(ListReviewers))]
    public async Task<IActionResult> ListReviewers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reviewers")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        if (StaffAccess.Require(request, StaffRoles.Officer, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var activeOnly = string.Equals(request.Query["active"], "true", StringComparison.OrdinalIgnoreCase);
        var entries = await roster.ListAsync(cancellationToken);
        NoStore(request);
        return new OkObjectResult(entries.Where(e => !activeOnly || e.Reviewer.Active).Select(ToJson));
    }

    /// <summary><c>GET /api/reviewers/{id}</c>: one reviewer, active or not.</summary>
    [Function(nameof(GetReviewer))]
    public async Task<IActionResult> GetReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reviewers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        if (StaffAccess.Require(request, StaffRoles.Officer, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var entry = await roster.GetAsync(id, cancellationToken);
        NoStore(request);
        return entry is null ? NotFound(language) : new OkObjectResult(ToJson(entry));
    }

    /// <summary><c>POST /api/reviewers</c>: adds a reviewer; 201 with its Location.</summary>
    [Function(nameof(CreateReviewer))]
    public async Task<IActionResult> CreateReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reviewers")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var (input, problem) = await ReadAsync(request, language, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var id = Guid.CreateVersion7().ToString("N");
        var (reviewer, errors) = ReviewerValidator.Validate(input!.ToForm(), id, input.Active ?? true, language);
        if (reviewer is null)
        {
            return Invalid(errors, language);
        }

        await roster.CreateAsync(reviewer, staff.Actor, cancellationToken);
        NoStore(request);
        var location = $"/api/reviewers/{id}";
        return new CreatedResult(location, ToJson(new RosterEntry(reviewer, 0)));
    }

    /// <summary><c>PUT /api/reviewers/{id}</c>: replaces a reviewer's details (the open-review count is kept); <c>active</c> may reactivate.</summary>
    [Function(nameof(UpdateReviewer))]
    public async Task<IActionResult> UpdateReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/reviewers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var existing = await roster.GetAsync(id, cancellationToken);
        if (existing is null)
        {
            return NotFound(language);
        }

        var (input, problem) = await ReadAsync(request, language, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (reviewer, errors) = ReviewerValidator.Validate(input!.ToForm(), existing.Reviewer.Id, input.Active ?? existing.Reviewer.Active, language);
        if (reviewer is null)
        {
            return Invalid(errors, language);
        }

        var updated = await roster.UpdateAsync(reviewer, staff.Actor, cancellationToken);
        NoStore(request);
        return updated is null ? NotFound(language) : new OkObjectResult(ToJson(updated));
    }

    /// <summary><c>DELETE /api/reviewers/{id}</c>: deactivates the reviewer (kept, readable, never chosen again); answers the reviewer.</summary>
    [Function(nameof(DeactivateReviewer))]
    public async Task<IActionResult> DeactivateReviewer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/reviewers/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var entry = await roster.DeactivateAsync(id, staff.Actor, cancellationToken);
        NoStore(request);
        return entry is null ? NotFound(language) : new OkObjectResult(ToJson(entry));
    }

    private static async Task<(ReviewerInput? Input, IActionResult? Problem)> ReadAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        if (await JsonBody.ReadAsync<ReviewerInput>(request, cancellationToken) is { } input)
        {
            return (input, null);
        }

        return (null, Problems.Field(StatusCodes.Status400BadRequest, "body", language == Language.English
            ? "The body must be a JSON reviewer (name, email, organization, kinds, …)."
            : "Nội dung phải là thông tin thành viên hội đồng dạng JSON (name, email, organization, kinds, …).", language));
    }

    private static IActionResult Invalid(IReadOnlyList<FieldError> errors, Language language) =>
        Problems.Validation(FieldErrors.ToDictionary(errors),
            language == Language.English ? "The reviewer's details have errors." : "Thông tin thành viên hội đồng chưa hợp lệ.", language);

    private static IActionResult NotFound(Language language) =>
        Problems.Status(StatusCodes.Status404NotFound, language == Language.English ? "No such reviewer." : "Không có thành viên hội đồng này.", language);

    private static void NoStore(HttpRequest request) => request.HttpContext.Response.Headers.CacheControl = "no-store";

    private static object ToJson(RosterEntry entry)
    {
        var r = entry.Reviewer;
        return new
        {
            id = r.Id,
            name = r.Name,
            email = r.Email,
            phone = r.Phone,
            organization = r.Organization,
            kinds = r.Kinds.Select(k => k.ToCode()),
            sectors = r.Sectors,
            declaredTaxCodes = r.DeclaredTaxCodes,
            declaredOrganizations = r.DeclaredOrganizations,
            active = r.Active,
            openReviews = entry.OpenReviews,
        };
    }

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
