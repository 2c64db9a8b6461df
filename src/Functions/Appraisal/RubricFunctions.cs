using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Appraisal;

/// <summary>The council's scoring rubric: every staff member reads it; administrators save new versions (<see cref="RubricEditing"/>).</summary>
public sealed class RubricFunctions(IRubricStore rubrics, RubricEditing editing, StaffEndpoint staff)
{
    private static readonly ProblemWording Wording = new(RubricEditing.InvalidRubric, EditConflicts: true);

    /// <summary><c>GET /api/rubric</c>: the current rubric (any staff member).</summary>
    [Function(nameof(GetRubric))]
    public Task<IActionResult> GetRubric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rubric")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async _ => new OkObjectResult(AppraisalJson.Of(await rubrics.GetCurrentAsync(cancellationToken))));

    /// <summary><c>GET /api/rubrics/{id}/versions/{version}</c>: one version, as reviews scored against it see it (any staff member).</summary>
    [Function(nameof(GetRubricVersion))]
    public Task<IActionResult> GetRubricVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rubrics/{id}/versions/{version}")] HttpRequest request,
        string id,
        string version,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c => (await editing.GetVersionAsync(id, version, cancellationToken)).Answer(c.Language, r => new OkObjectResult(AppraisalJson.Of(r))));

    /// <summary>
    /// <c>PUT /api/rubric</c>: saves the body as the next version of the current rubric (administrators). The body's
    /// <c>version</c>, when given, is the version it was edited from: 409 when someone saved another version since.
    /// </summary>
    [Function(nameof(SaveRubric))]
    public Task<IActionResult> SaveRubric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/rubric")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<RubricForm>(request, StaffRoles.Admin, new BodyShape("một thang điểm dạng JSON", "a JSON rubric"),
            async (c, form) => (await editing.SaveAsync(form, c.Staff.Actor, cancellationToken)).Answer(c.Language, r => new OkObjectResult(AppraisalJson.Of(r)), Wording),
            cancellationToken);
}
