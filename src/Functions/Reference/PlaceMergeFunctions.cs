using System.Globalization;
using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Migrations;
using KhuyenCong.Application.Places;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Reference;

/// <summary>
/// Officers merge stray values of existing records into the controlled lists (commune, sector group), with history;
/// an administrator runs the reference-data migration (ADR 0012), safe to run again.
/// </summary>
public sealed class PlaceMergeFunctions(PlaceMerges merges, ReferenceDataMigration migration)
{
    /// <summary><c>POST /api/places/merge</c> (officer): <c>{ "province", "from", "to" }</c>: every record of the province whose commune reads as <c>from</c> becomes commune <c>to</c> (an official code).</summary>
    [Function(nameof(MergeCommune))]
    public Task<IActionResult> MergeCommune(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/places/merge")] HttpRequest request,
        CancellationToken cancellationToken) =>
        MergeAsync(request, true, cancellationToken);

    /// <summary><c>POST /api/sectors/merge</c> (officer): <c>{ "from", "to" }</c>: every record with sector "other" and text <c>from</c> joins sector group <c>to</c>.</summary>
    [Function(nameof(MergeSector))]
    public Task<IActionResult> MergeSector(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sectors/merge")] HttpRequest request,
        CancellationToken cancellationToken) =>
        MergeAsync(request, false, cancellationToken);

    /// <summary><c>GET /api/places/merges</c> (officer): the merges done, newest first (at most 200).</summary>
    [Function(nameof(ListMerges))]
    public async Task<IActionResult> ListMerges(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/places/merges")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        if (StaffAccess.Require(request, StaffRoles.Officer, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        return new OkObjectResult((await merges.HistoryAsync(200, cancellationToken)).Select(ToJson));
    }

    /// <summary><c>POST /api/migrations/reference-data</c> (administrator): runs the migration of ADR 0012 and says what it changed (a second run changes nothing).</summary>
    [Function(nameof(MigrateReferenceData))]
    public async Task<IActionResult> MigrateReferenceData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/migrations/reference-data")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        if (StaffAccess.Require(request, StaffRoles.Admin, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var result = await migration.RunAsync(cancellationToken);
        return new OkObjectResult(new
        {
            capRowsChanged = result.CapRowsChanged,
            communesLoaded = result.CommunesLoaded,
            proposalsExamined = result.ProposalsExamined,
            proposalsUpdated = result.ProposalsUpdated,
        });
    }

    private async Task<IActionResult> MergeAsync(HttpRequest request, bool commune, CancellationToken cancellationToken)
    {
        var language = Web.RequestLanguage.From(request);
        var en = language == Language.English;
        var staff = StaffAccess.Require(request, StaffRoles.Officer, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var input = await JsonBody.ReadAsync<MergeInput>(request, cancellationToken);
        if (input is null)
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "body", en ? "The body must be a JSON object." : "Nội dung phải là một đối tượng JSON.", language);
        }

        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Require(string field, string? value, string vi, string english)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 200 || VietnameseText.HasForbiddenCharacters(value))
            {
                errors[field] = [en ? english : vi];
            }
        }

        if (commune)
        {
            Require("province", input.Province, "Vui lòng chọn tỉnh, thành phố.", "Choose the province.");
        }

        Require("from", input.From, "Vui lòng nhập giá trị cần gộp (tối đa 200 ký tự).", "Give the value to merge (at most 200 characters).");
        Require("to", input.To, "Vui lòng chọn giá trị chính thức (mã) để gộp vào.", "Choose the official value (its code) to merge into.");
        if (errors.Count > 0)
        {
            return Problems.Validation(errors, language);
        }

        var outcome = commune
            ? await merges.MergeCommuneAsync(input.Province!, input.From!, input.To!, staff.Actor, cancellationToken)
            : await merges.MergeSectorAsync(input.From!, input.To!, staff.Actor, cancellationToken);
        return outcome.Merge is { } merge
            ? new OkObjectResult(ToJson(merge))
            : Problems.Field(StatusCodes.Status400BadRequest, outcome.Field!, en ? outcome.English! : outcome.Vietnamese!, language);
    }

    private static object ToJson(ReferenceMerge m) => new
    {
        id = m.Id,
        what = m.What,
        province = string.IsNullOrEmpty(m.Province) ? null : m.Province,
        from = m.From,
        to = m.To,
        toName = m.ToName,
        by = m.By,
        at = m.At.ToString("O", CultureInfo.InvariantCulture),
        proposals = m.ProposalIds.Count,
        proposalIds = m.ProposalIds,
    };

    private sealed record MergeInput(string? Province, string? From, string? To);
}
