using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;
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
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/kinds")] HttpRequest request)
    {
        var l = RequestLanguage.From(request);
        return new OkObjectResult(ProposalKinds.All.Select(k => new
        {
            code = k.Code,
            name = k.Value.DisplayName(l),
            defaultActivity = ActivityCatalog.DefaultFor(k.Value).Code,
            activities = ActivityCatalog.OfKind(k.Value).Select(a => Activity(a, l)),
        }));
    }

    /// <summary><c>GET /api/entity-types</c>: who may apply (ND 45/2012 art. 1 cl. 2 as amended by ND 235/2025) and the tax-code formats that fit each.</summary>
    [Function(nameof(ListEntityTypes))]
    public IActionResult ListEntityTypes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/entity-types")] HttpRequest request)
    {
        var l = RequestLanguage.From(request);
        return new OkObjectResult(EntityTypes.Selectable.Select(t => new
        {
            code = t.Code,
            name = t.Name(l),
            clause = t.Clause,
            role = t.Role == EntityRole.Implementer ? "implementer" : "establishment",
            identifiers = t.Identifiers.Select(TaxCodes.Name),
            identifierNote = t.IdentifierNote,
            confidence = t.Confidence,
        }));
    }

    /// <summary><c>GET /api/sectors</c>: the controlled list of sector groups (ND 45/2012 art. 3 cl. 1), "other" last.</summary>
    [Function(nameof(ListSectors))]
    public IActionResult ListSectors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/sectors")] HttpRequest request)
    {
        var l = RequestLanguage.From(request);
        return new OkObjectResult(SectorCatalog.All.Select(s => new
        {
            code = s.Code,
            point = s.Point,
            name = s.ShortName(l),
            lawText = new Bilingual(s.Vi, s.En).In(l),
            freeText = s.FreeText,
        }));
    }

    /// <summary><c>GET /api/priority-groups</c>: the priority facts a proposal may record, with their use and confidence.</summary>
    [Function(nameof(ListPriorityGroups))]
    public IActionResult ListPriorityGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/priority-groups")] HttpRequest request)
    {
        var l = RequestLanguage.From(request);
        return new OkObjectResult(PriorityGroups.All.Select(g => new
        {
            code = g.Code,
            name = g.Name(l),
            use = g.Use,
            validFrom = g.ValidFrom,
            confidence = g.Confidence,
            note = g.Note,
        }));
    }

    private static object Activity(Activity a, Language l) => new
    {
        code = a.Code,
        name = a.Name(l),
        aliases = a.Aliases,
        isDefault = a.DefaultForKind,
        clause = a.Clause,
        implementedBy = a.ImplementedBy.ToString().ToLowerInvariant(),
        beneficiaries = a.Beneficiaries.ToString().ToLowerInvariant(),
        directSupport = a.DirectSupport,
        results = a.Results,
        confidence = a.Confidence,
        basis = a.Basis,
        documents = new
        {
            establishment = a.EstablishmentMayPropose ? DossierDocuments.Required(a, EntityRole.Establishment).Select(d => Document(d, l)) : [],
            implementer = a.CentreMayImplement ? DossierDocuments.Required(a, EntityRole.Implementer).Select(d => Document(d, l)) : [],
        },
    };

    private static object Document(DocumentType d, Language l) => new
    {
        code = d.Code,
        name = d.Name(l),
        required = true,
        basis = d.Basis,
        confidence = d.Confidence,
        template = d.Template,
        templateNote = d.TemplateNote,
    };
}
