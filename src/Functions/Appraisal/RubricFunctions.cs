using System.Globalization;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Appraisal;

/// <summary>The council's scoring rubric: every staff member reads it; administrators save new versions.</summary>
public sealed partial class RubricFunctions(IRubricStore rubrics, StaffEndpoint staff, ILogger<RubricFunctions> logger)
{
    /// <summary><c>GET /api/rubric</c>: the current rubric (any staff member).</summary>
    [Function(nameof(GetRubric))]
    public Task<IActionResult> GetRubric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rubric")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async _ => new OkObjectResult(ToJson(await rubrics.GetCurrentAsync(cancellationToken))));

    /// <summary><c>GET /api/rubrics/{id}/versions/{version}</c>: one version, as reviews scored against it see it (any staff member).</summary>
    [Function(nameof(GetRubricVersion))]
    public Task<IActionResult> GetRubricVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rubrics/{id}/versions/{version}")] HttpRequest request,
        string id,
        string version,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var rubric = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? await rubrics.GetAsync(id, number, cancellationToken)
                : null;
            return rubric is null
                ? c.Problem(StatusCodes.Status404NotFound, "Không có phiên bản thang điểm này.", "No such rubric version.")
                : new OkObjectResult(ToJson(rubric));
        });

    /// <summary>
    /// <c>PUT /api/rubric</c>: saves the body as the next version of the current rubric (administrators). The body's
    /// <c>version</c>, when given, is the version it was edited from: 409 when someone saved another version since.
    /// </summary>
    [Function(nameof(SaveRubric))]
    public Task<IActionResult> SaveRubric(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/rubric")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<RubricInput>(request, StaffRoles.Admin, new BodyShape("một thang điểm dạng JSON", "a JSON rubric"),
            (c, input) => SaveAsync(c, input, cancellationToken), cancellationToken);

    private async Task<IActionResult> SaveAsync(StaffRequest c, RubricInput input, CancellationToken cancellationToken)
    {
        var (language, en) = (c.Language, c.En);
        var current = await rubrics.GetCurrentAsync(cancellationToken);
        var errors = new List<FieldError>();
        if (input.Id is not null && !string.Equals(input.Id.Trim(), current.Id, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError("id", FieldErrorCodes.UnknownChoice, en
                ? $"Only the rubric in use (\"{current.Id}\") can be edited."
                : $"Chỉ sửa được thang điểm đang dùng (\"{current.Id}\")."));
        }

        if (input.Version is < 1)
        {
            errors.Add(new FieldError("version", FieldErrorCodes.OutOfRange, en ? "version must be a version number (1 or more)." : "version phải là số phiên bản (từ 1 trở lên)."));
        }

        var draft = RubricRules.Normalize(new Rubric(
            current.Id,
            input.Version ?? current.Version,
            (input.Criteria ?? []).Select(k => new RubricCriterion(
                k?.Code ?? string.Empty, k?.NameVi ?? string.Empty, k?.NameEn ?? string.Empty, k?.DescriptionVi, k?.DescriptionEn, k?.MaxPoints ?? 0)).ToList(),
            input.PassMark ?? 0));
        errors.AddRange(RubricRules.Validate(draft, input.TotalPoints, language));
        if (errors.Count > 0)
        {
            return Problems.Validation(FieldErrors.ToDictionary(errors), en ? "The rubric has errors." : "Thang điểm chưa hợp lệ.", language);
        }

        var result = await rubrics.SaveAsync(draft, c.Staff.Actor, cancellationToken);
        if (result.IsConflict)
        {
            var now = result.CurrentVersion.ToString(CultureInfo.InvariantCulture);
            return Problems.EditConflict(en
                ? $"The rubric was saved by someone else meanwhile (now version {now}): reload it and apply your changes again."
                : $"Thang điểm vừa được người khác lưu (nay là phiên bản {now}): vui lòng tải lại và sửa lại.", language);
        }

        LogSaved(logger, result.Saved!.Id, result.Saved.Version);
        return new OkObjectResult(ToJson(result.Saved));
    }

    internal static object ToJson(Rubric rubric) => new
    {
        id = rubric.Id,
        version = rubric.Version,
        totalPoints = rubric.TotalPoints,
        passMark = rubric.PassMark,
        criteria = rubric.Criteria.Select(c => new { c.Code, c.NameVi, c.NameEn, c.DescriptionVi, c.DescriptionEn, c.MaxPoints }),
    };

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Rubric {RubricId} saved as version {Version}")]
    private static partial void LogSaved(ILogger logger, string rubricId, int version);

    private sealed record CriterionInput(string? Code, string? NameVi, string? NameEn, string? DescriptionVi, string? DescriptionEn, int? MaxPoints);

    private sealed record RubricInput(string? Id, int? Version, int? PassMark, int? TotalPoints, IReadOnlyList<CriterionInput?>? Criteria);
}
