using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Programmes;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Programmes;

/// <summary>
/// Khuyến công programmes: any staff member reads them (with the progress of each target, computed from the proposals
/// assigned); officers (or administrators) create and edit them and assign proposals. Edits name the version they
/// started from: 409 when someone saved a newer one.
/// </summary>
public sealed class ProgrammeFunctions(IProgrammeStore store, ProgrammeProgress progress, IProposalRepository proposals)
{
    /// <summary><c>GET /api/programmes</c>: every programme (without progress), newest period first.</summary>
    [Function(nameof(ListProgrammes))]
    public async Task<IActionResult> ListProgrammes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        if (StaffAccess.Principal(request) is null)
        {
            return StaffAccess.Denied(StatusCodes.Status401Unauthorized, language);
        }

        var records = await store.ListAsync(cancellationToken);
        NoStore(request);
        return new OkObjectResult(records.Select(r => ToJson(r, language, null, null)));
    }

    /// <summary><c>GET /api/programmes/{id}</c>: the programme with the progress of each target.</summary>
    [Function(nameof(GetProgramme))]
    public async Task<IActionResult> GetProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        if (StaffAccess.Principal(request) is null)
        {
            return StaffAccess.Denied(StatusCodes.Status401Unauthorized, language);
        }

        var record = await store.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return NotFound(language);
        }

        var (targets, count) = await progress.ComputeAsync(record.Programme, cancellationToken);
        NoStore(request);
        return new OkObjectResult(ToJson(record, language, targets, count));
    }

    /// <summary><c>POST /api/programmes</c>: creates a programme (version 1); 201 with its Location.</summary>
    [Function(nameof(CreateProgramme))]
    public async Task<IActionResult> CreateProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/programmes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var input = await JsonBody.ReadAsync<ProgrammeInput>(request, cancellationToken);
        if (input is null)
        {
            return BadBody(language);
        }

        var (programme, errors) = ProgrammeRules.Validate(input.ToForm(), Guid.CreateVersion7().ToString("N"), language);
        if (programme is null)
        {
            return Invalid(errors, language);
        }

        var record = await store.CreateAsync(programme, staff.Actor, cancellationToken);
        NoStore(request);
        // A new programme has no proposal assigned yet: every target starts at 0.
        return new CreatedResult($"/api/programmes/{programme.Id}", ToJson(record, language, ProgrammeMeasures.Progress(programme, []), 0));
    }

    /// <summary><c>PUT /api/programmes/{id}</c>: replaces the programme; <c>version</c> is the version edited (409 when stale).</summary>
    [Function(nameof(UpdateProgramme))]
    public async Task<IActionResult> UpdateProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        var en = language == Language.English;
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var input = await JsonBody.ReadAsync<ProgrammeInput>(request, cancellationToken);
        if (input is null)
        {
            return BadBody(language);
        }

        var (programme, errors) = ProgrammeRules.Validate(input.ToForm(), id, language);
        var all = errors.ToList();
        if (input.Version is not { } version || version < 1)
        {
            all.Add(new("version", FieldErrorCodes.Required, en
                ? "Send the version you edited (the \"version\" of the programme as read)."
                : "Vui lòng gửi phiên bản đã sửa (trường \"version\" của chương trình khi đọc)."));
        }

        if (all.Count > 0 || programme is null)
        {
            return Invalid(all, language);
        }

        var (outcome, record) = await store.UpdateAsync(programme, input.Version!.Value, staff.Actor, cancellationToken);
        if (outcome == SaveOutcome.NotFound)
        {
            return NotFound(language);
        }

        if (outcome == SaveOutcome.Stale)
        {
            return Problems.EditConflict(en
                ? "Someone saved a newer version of this programme: reload it, then make your changes again."
                : "Người khác đã lưu phiên bản mới hơn của chương trình này: vui lòng tải lại rồi sửa lại.", language);
        }

        var (targets, count) = await progress.ComputeAsync(programme, cancellationToken);
        NoStore(request);
        return new OkObjectResult(ToJson(record!, language, targets, count));
    }

    /// <summary><c>PUT /api/proposals/{id}/programme</c> with <c>{ "programmeId": "…" }</c> (or null to clear): the programme the proposal counts towards.</summary>
    [Function(nameof(AssignProposalProgramme))]
    public async Task<IActionResult> AssignProposalProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/proposals/{id}/programme")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        var en = language == Language.English;
        if (StaffAccess.Require(request, StaffRoles.Officer, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var input = await JsonBody.ReadAsync<AssignInput>(request, cancellationToken);
        if (input is null)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "body", en
                ? "The body must be JSON such as { \"programmeId\": \"…\" } (null to clear)."
                : "Nội dung phải là JSON, ví dụ { \"programmeId\": \"…\" } (null để bỏ gán).", language);
        }

        var programmeId = string.IsNullOrWhiteSpace(input.ProgrammeId) ? null : input.ProgrammeId.Trim();
        if (programmeId is not null && await store.GetAsync(programmeId, cancellationToken) is null)
        {
            return NotFound(language);
        }

        if (!await proposals.SetProgrammeAsync(id, programmeId, cancellationToken))
        {
            return Problems.Status(StatusCodes.Status404NotFound, en ? "No such proposal." : "Không có đề án này.", language);
        }

        NoStore(request);
        return new OkObjectResult(new { proposalId = id, programmeId });
    }

    internal static object ToJson(ProgrammeRecord record, Language language, IReadOnlyList<TargetProgress>? targets, int? proposalCount)
    {
        var p = record.Programme;
        return new
        {
            id = p.Id,
            name = p.Name,
            fromYear = p.FromYear,
            toYear = p.ToYear,
            fundingSource = p.FundingSource.ToCode(),
            fundingSourceName = p.FundingSource.DisplayName(language),
            decisionNumber = p.DecisionNumber,
            targets = targets is null
                ? p.Targets.Select(t => (object)new { t.Code, t.NameVi, t.NameEn, t.Unit, target = t.Target })
                : targets.Select(t => (object)new { t.Target.Code, t.Target.NameVi, t.Target.NameEn, t.Target.Unit, target = t.Target.Target, actual = t.Actual, percent = t.Percent }),
            proposalCount,
            version = record.Version,
            createdBy = record.CreatedBy,
            createdAt = record.CreatedAt,
            changedBy = record.ChangedBy,
            changedAt = record.ChangedAt,
            url = $"/api/programmes/{p.Id}",
        };
    }

    private static IActionResult BadBody(Language language) =>
        Problems.Field(StatusCodes.Status400BadRequest, "body", language == Language.English
            ? "The body must be a JSON programme (name, fromYear, toYear, fundingSource, decisionNumber, targets)."
            : "Nội dung phải là chương trình dạng JSON (name, fromYear, toYear, fundingSource, decisionNumber, targets).", language);

    private static IActionResult Invalid(IReadOnlyList<FieldError> errors, Language language) =>
        Problems.Validation(FieldErrors.ToDictionary(errors),
            language == Language.English ? "The programme has errors." : "Thông tin chương trình chưa hợp lệ.", language);

    private static IActionResult NotFound(Language language) =>
        Problems.Status(StatusCodes.Status404NotFound, language == Language.English ? "No such programme." : "Không có chương trình này.", language);

    private static void NoStore(HttpRequest request) => request.HttpContext.Response.Headers.CacheControl = "no-store";

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
