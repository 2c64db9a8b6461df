using KhuyenCong.Web.Answers;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace KhuyenCong.Functions.Reference;

/// <summary>
/// The reference data as JSON, public (the form reads it): the kinds with their activities and the documents each
/// asks for (thành phần hồ sơ), the entity types, the sector groups and the priority groups, each value with its
/// basis and confidence (data/reference/README.md). Names in the request's language.
/// </summary>
public sealed class ReferenceFunctions
{
    /// <summary><c>GET /api/kinds</c>: every kind, its activities, and per activity the documents of an establishment's own proposal and of an implementing unit's.</summary>
    [Function(nameof(ListKinds))]
    public IActionResult ListKinds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kinds")] HttpRequest request) =>
        new OkObjectResult(ReferenceJson.OfKinds(RequestLanguage.From(request)));

    /// <summary><c>GET /api/entity-types</c>: who may apply (ND 45/2012 art. 1 cl. 2 as amended by ND 235/2025) and the tax-code formats that fit each.</summary>
    [Function(nameof(ListEntityTypes))]
    public IActionResult ListEntityTypes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/entity-types")] HttpRequest request) =>
        new OkObjectResult(ReferenceJson.OfEntityTypes(RequestLanguage.From(request)));

    /// <summary><c>GET /api/sectors</c>: the controlled list of sector groups (ND 45/2012 art. 3 cl. 1), "other" last.</summary>
    [Function(nameof(ListSectors))]
    public IActionResult ListSectors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sectors")] HttpRequest request) =>
        new OkObjectResult(ReferenceJson.OfSectors(RequestLanguage.From(request)));

    /// <summary><c>GET /api/priority-groups</c>: the priority facts a proposal may record, with their use and confidence.</summary>
    [Function(nameof(ListPriorityGroups))]
    public IActionResult ListPriorityGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/priority-groups")] HttpRequest request) =>
        new OkObjectResult(ReferenceJson.OfPriorityGroups(RequestLanguage.From(request)));
}
