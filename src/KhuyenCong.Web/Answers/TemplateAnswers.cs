using KhuyenCong.Application.Documents;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Answers;

/// <summary>The answers of the document template routes (docs/documents.md): the kinds with their placeholders, a template's record, a refused upload.</summary>
public static class TemplateAnswers
{
    /// <summary>Every kind, its placeholders (required or not, described) and its current template.</summary>
    public static async Task<List<object>> KindsAsync(DocumentCatalog catalog, DocumentTemplates templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(templates);
        var list = new List<object>();
        foreach (var kind in catalog.All)
        {
            var set = DocumentCatalog.PlaceholdersOf(kind);
            list.Add(new
            {
                kind = kind.Info.Code,
                name = kind.Info.Vietnamese,
                nameEn = kind.Info.English,
                template = Json(kind, await templates.CurrentAsync(kind, cancellationToken)),
                placeholders = set.Values.Select(v => new { name = v.Name, v.Required, v.Description, v.Example }),
                rows = set.Rows.Select(r => new
                {
                    name = r.Name,
                    r.Required,
                    r.Description,
                    fields = r.Fields.Select(f => new { name = r.FieldName(f.Name), f.Required, f.Description, f.Example }),
                }),
            });
        }

        return list;
    }

    /// <summary>400 with every problem under <c>errors.template</c>, and the placeholders at fault under <c>problems</c>.</summary>
    public static IActionResult Refused(IReadOnlyList<TemplateProblem> problems, Language language)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var messages = problems.Select(p => p.Message(language)).ToList();
        return Http.Problems.Extended(StatusCodes.Status400BadRequest, new Bilingual("Mẫu văn bản chưa hợp lệ.", "The template is not valid.").In(language), messages[0],
            new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, IReadOnlyList<string>> { ["template"] = messages },
                ["problems"] = problems.Select(p => new { kind = Code(p.Kind), subject = p.Subject }).ToList(),
            });
    }

    /// <summary>A kind's current template: shipped or uploaded (by whom, when), its hash and size, where to download it.</summary>
    public static object Json(IDocumentKind kind, CurrentTemplate current)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(current);
        return new
        {
            kind = kind.Info.Code,
            source = current.IsUploaded ? "uploaded" : "shipped",
            sha256 = current.Sha256,
            size = current.Content.Length,
            uploadedBy = current.UploadedBy,
            uploadedAt = current.UploadedAt,
            url = $"/api/documents/templates/{kind.Info.Code}",
        };
    }

    private static string Code(TemplateProblemKind kind) => kind switch
    {
        TemplateProblemKind.NotDocx => "not-docx",
        TemplateProblemKind.ActiveContent => "active-content",
        TemplateProblemKind.TooLarge => "too-large",
        TemplateProblemKind.Malformed => "malformed-placeholder",
        TemplateProblemKind.Unknown => "unknown-placeholder",
        TemplateProblemKind.Missing => "missing-placeholder",
        _ => "misplaced-placeholder",
    };
}
