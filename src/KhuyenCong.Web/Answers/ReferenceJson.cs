using System.Globalization;
using KhuyenCong.Application.Migrations;
using KhuyenCong.Application.Places;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Applicants;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Sectors;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.Web.Answers;

/// <summary>
/// The reference data as JSON (the form reads it): the kinds with their activities and the documents each asks for
/// (thành phần hồ sơ), the entity types, the sector groups and the priority groups, each value with its basis and
/// confidence (data/reference/README.md). Names in <c>l</c>, the request's language.
/// </summary>
public static class ReferenceJson
{
    /// <summary>Every kind, its activities, and per activity the documents of an establishment's own proposal and of an implementing unit's.</summary>
    public static object OfKinds(Language l) => ProposalKinds.All.Select(k => new
    {
        code = k.Code,
        name = k.Value.DisplayName(l),
        defaultActivity = ActivityCatalog.DefaultFor(k.Value).Code,
        activities = ActivityCatalog.OfKind(k.Value).Select(a => Activity(a, l)),
    });

    /// <summary>Who may apply and the tax-code formats that fit each.</summary>
    public static object OfEntityTypes(Language l) => EntityTypes.Selectable.Select(t => new
    {
        code = t.Code,
        name = t.Name(l),
        clause = t.Clause,
        role = t.Role == EntityRole.Implementer ? "implementer" : "establishment",
        identifiers = t.Identifiers.Select(TaxCodes.Name),
        identifierNote = t.IdentifierNote,
        confidence = t.Confidence,
    });

    /// <summary>The sector groups, "other" last.</summary>
    public static object OfSectors(Language l) => SectorCatalog.All.Select(s => new
    {
        code = s.Code,
        point = s.Point,
        name = s.ShortName(l),
        lawText = new Bilingual(s.Vi, s.En).In(l),
        freeText = s.FreeText,
    });

    /// <summary>The priority facts a proposal may record, with their use and confidence.</summary>
    public static object OfPriorityGroups(Language l) => PriorityGroups.All.Select(g => new
    {
        code = g.Code,
        name = g.Name(l),
        use = g.Use,
        validFrom = g.ValidFrom,
        confidence = g.Confidence,
        note = g.Note,
    });

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

    /// <summary>A merge of stray values into a controlled list (commune, sector group), with the records it changed.</summary>
    public static object Of(ReferenceMerge m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new
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
    }

    /// <summary>What the reference-data migration (ADR 0023) changed.</summary>
    public static object Of(MigrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new
        {
            capRowsChanged = result.CapRowsChanged,
            communesLoaded = result.CommunesLoaded,
            proposalsExamined = result.ProposalsExamined,
            proposalsUpdated = result.ProposalsUpdated,
        };
    }
}
