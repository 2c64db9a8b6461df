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
public sealed class ProgrammeFunctions(IProgrammeStore store, ProgrammeProgress progress, IProposalRepository proposals, StaffEndpoint staff)
{
    private static readonly BodyShape ProgrammeShape = new(
        "chương trình dạng JSON (name, fromYear, toYear, fundingSource, decisionNumber, targets)",
        "a JSON programme (name, fromYear, toYear, fundingSource, decisionNumber, targets)");

    /// <summary><c>GET /api/programmes</c>: every programme (without progress), newest period first.</summary>
    [Function(nameof(ListProgrammes))]
    public Task<IActionResult> ListProgrammes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var records = await store.ListAsync(cancellationToken);
            c.NoStore();
            return new OkObjectResult(records.Select(r => ToJson(r, c.Language, null, null)));
        });

    /// <summary><c>GET /api/programmes/{id}</c>: the programme with the progress of each target.</summary>
    [Function(nameof(GetProgramme))]
    public Task<IActionResult> GetProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var record = await store.GetAsync(id, cancellationToken);
            if (record is null)
            {
                return NotFound(c.Language);
            }

            var (targets, count) = await progress.ComputeAsync(record.Programme, cancellationToken);
            c.NoStore();
            return new OkObjectResult(ToJson(record, c.Language, targets, count));
        });

    /// <summary><c>POST /api/programmes</c>: creates a programme (version 1); 201 with its Location.</summary>
    [Function(nameof(CreateProgramme))]
    public Task<IActionResult> CreateProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/programmes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<ProgrammeInput>(request, StaffRoles.Officer, ProgrammeShape, async (c, input) =>
        {
            var (programme, errors) = ProgrammeRules.Validate(input.ToForm(), Guid.CreateVersion7().ToString("N"), c.Language);
            if (programme is null)
            {
                return Invalid(errors, c.Language);
            }

            var record = await store.CreateAsync(programme, c.Staff.Actor, cancellationToken);
            c.NoStore();
            // A new programme has no proposal assigned yet: every target starts at 0.
            return new CreatedResult($"/api/programmes/{programme.Id}", ToJson(record, c.Language, ProgrammeMeasures.Progress(programme, []), 0));
        }, cancellationToken);

    /// <summary><c>PUT /api/programmes/{id}</c>: replaces the programme; <c>version</c> is the version edited (409 when stale).</summary>
    [Function(nameof(UpdateProgramme))]
    public Task<IActionResult> UpdateProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/programmes/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<ProgrammeInput>(request, StaffRoles.Officer, ProgrammeShape, (c, input) => UpdateAsync(c, id, input, cancellationToken), cancellationToken);

    private async Task<IActionResult> UpdateAsync(StaffRequest c, string id, ProgrammeInput input, CancellationToken cancellationToken)
    {
        var (programme, errors) = ProgrammeRules.Validate(input.ToForm(), id, c.Language);
        var all = errors.ToList();
        if (input.Version is not { } version || version < 1)
        {
            all.Add(new("version", FieldErrorCodes.Required, c.T(
                "Vui lòng gửi phiên bản đã sửa (trường \"version\" của chương trình khi đọc).",
                "Send the version you edited (the \"version\" of the programme as read).")));
        }

        if (all.Count > 0 || programme is null)
        {
            return Invalid(all, c.Language);
        }

        var (outcome, record) = await store.UpdateAsync(programme, input.Version!.Value, c.Staff.Actor, cancellationToken);
        if (outcome == SaveOutcome.NotFound)
        {
            return NotFound(c.Language);
        }

        if (outcome == SaveOutcome.Stale)
        {
            return Problems.EditConflict(c.T(
                "Người khác đã lưu phiên bản mới hơn của chương trình này: vui lòng tải lại rồi sửa lại.",
                "Someone saved a newer version of this programme: reload it, then make your changes again."), c.Language);
        }

        var (targets, count) = await progress.ComputeAsync(programme, cancellationToken);
        c.NoStore();
        return new OkObjectResult(ToJson(record!, c.Language, targets, count));
    }

    /// <summary><c>PUT /api/proposals/{id}/programme</c> with <c>{ "programmeId": "…" }</c> (or null to clear): the programme the proposal counts towards.</summary>
    [Function(nameof(AssignProposalProgramme))]
    public Task<IActionResult> AssignProposalProgramme(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/proposals/{id}/programme")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<AssignInput>(request, StaffRoles.Officer, new BodyShape("JSON, ví dụ { \"programmeId\": \"…\" } (null để bỏ gán)", "JSON such as { \"programmeId\": \"…\" } (null to clear)"),
            async (c, input) =>
            {
                var programmeId = string.IsNullOrWhiteSpace(input.ProgrammeId) ? null : input.ProgrammeId.Trim();
                if (programmeId is not null && await store.GetAsync(programmeId, cancellationToken) is null)
                {
                    return NotFound(c.Language);
                }

                if (!await proposals.SetProgrammeAsync(id, programmeId, cancellationToken))
                {
                    return c.Problem(StatusCodes.Status404NotFound, "Không có đề án này.", "No such proposal.");
                }

                c.NoStore();
                return new OkObjectResult(new { proposalId = id, programmeId });
            }, cancellationToken);

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

    private static IActionResult Invalid(IReadOnlyList<FieldError> errors, Language language) =>
        Problems.Validation(FieldErrors.ToDictionary(errors),
            language == Language.English ? "The programme has errors." : "Thông tin chương trình chưa hợp lệ.", language);

    private static IActionResult NotFound(Language language) =>
        Problems.Status(StatusCodes.Status404NotFound, language == Language.English ? "No such programme." : "Không có chương trình này.", language);

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
