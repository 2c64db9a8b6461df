using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Migrations;
using KhuyenCong.Application.Places;
using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Reference;

/// <summary>
/// Officers merge stray values of existing records into the controlled lists (commune, sector group), with history
/// (<see cref="PlaceMerges"/>); an administrator runs the reference-data migration (ADR 0023), safe to run again. Every
/// route goes through <see cref="StaffEndpoint"/> (ADR 0011).
/// </summary>
public sealed class PlaceMergeFunctions(PlaceMerges merges, ReferenceDataMigration migration, StaffEndpoint staff)
{
    private static readonly BodyShape MergeBody = new("một yêu cầu gộp dạng JSON", "a JSON merge");

    private static readonly ProblemWording Wording = new(PlaceMerges.InvalidMerge);

    /// <summary><c>POST /api/places/merge</c> (officer): <c>{ "province", "from", "to" }</c>: every record of the province whose commune reads as <c>from</c> becomes commune <c>to</c> (an official code).</summary>
    [Function(nameof(MergeCommune))]
    public Task<IActionResult> MergeCommune(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/places/merge")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<MergeForm>(request, StaffRoles.Officer, MergeBody,
            async (c, form) => (await merges.MergeCommuneAsync(form, c.Staff.Actor, cancellationToken)).Answer(c.Language, m => new OkObjectResult(ReferenceJson.Of(m)), Wording),
            cancellationToken);

    /// <summary><c>POST /api/sectors/merge</c> (officer): <c>{ "from", "to" }</c>: every record with sector "other" and text <c>from</c> joins sector group <c>to</c>.</summary>
    [Function(nameof(MergeSector))]
    public Task<IActionResult> MergeSector(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/sectors/merge")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<MergeForm>(request, StaffRoles.Officer, MergeBody,
            async (c, form) => (await merges.MergeSectorAsync(form, c.Staff.Actor, cancellationToken)).Answer(c.Language, m => new OkObjectResult(ReferenceJson.Of(m)), Wording),
            cancellationToken);

    /// <summary><c>GET /api/places/merges</c> (officer): the merges done, newest first (at most 200).</summary>
    [Function(nameof(ListMerges))]
    public Task<IActionResult> ListMerges(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/places/merges")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Officer, async _ => new OkObjectResult((await merges.HistoryAsync(200, cancellationToken)).Select(ReferenceJson.Of)));

    /// <summary><c>POST /api/migrations/reference-data</c> (administrator): runs the migration of ADR 0023 and says what it changed (a second run changes nothing).</summary>
    [Function(nameof(MigrateReferenceData))]
    public Task<IActionResult> MigrateReferenceData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/migrations/reference-data")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.WriteAsync(request, StaffRoles.Admin, async _ => new OkObjectResult(ReferenceJson.Of(await migration.RunAsync(cancellationToken))), cancellationToken);
}
