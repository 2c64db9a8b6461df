using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// Document templates (docs/documents.md): the kinds and their placeholders, each kind's current template, an admin's
/// replacement (refused with 400 naming the placeholder or the problem, nothing stored) and the way back to the shipped
/// one. Administrators only.
/// </summary>
public sealed partial class TemplateFunctions(DocumentCatalog catalog, DocumentTemplates templates, IOptions<DocumentsOptions> options, ILogger<TemplateFunctions> logger)
{
    /// <summary><c>GET /api/documents/templates</c>: every kind, its placeholders (required or not, described) and its current template.</summary>
    [Function(nameof(ListTemplates))]
    public async Task<IActionResult> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/documents/templates")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var language = RequestLanguage.From(request);
        if (StaffAccess.Require(request, StaffRoles.Admin, out var denied) is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var list = new List<object>();
        foreach (var kind in catalog.All)
        {
            var current = await templates.CurrentAsync(kind, cancellationToken);
            var set = DocumentCatalog.PlaceholdersOf(kind);
            list.Add(new
            {
                kind = kind.Info.Code,
                name = kind.Info.Vietnamese,
                nameEn = kind.Info.English,
                template = TemplateJson(kind, current),
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

        return new OkObjectResult(list);
    }

    /// <summary><c>GET /api/documents/templates/{kind}</c>: the kind's current template (.docx); header <c>X-Template-Source</c> says which.</summary>
    [Function(nameof(GetTemplate))]
    public async Task<IActionResult> GetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken)
    {
        var (_, documentKind, refusal) = AdminKind(request, kind);
        if (refusal is not null)
        {
            return refusal;
        }

        var current = await templates.CurrentAsync(documentKind!, cancellationToken);
        request.HttpContext.Response.Headers["X-Template-Source"] = current.Source;
        return DocumentHttp.File(request, new MemoryStream(current.Content), ProposalDocuments.DocxContentType, $"mau-{documentKind!.Info.FileStem}.docx");
    }

    /// <summary>
    /// <c>PUT /api/documents/templates/{kind}</c>, body the .docx: checked (a plain Word document; every placeholder known
    /// and in place; every required one present) and then current. 400 naming each problem; nothing is stored then.
    /// </summary>
    [Function(nameof(PutTemplate))]
    public async Task<IActionResult> PutTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken)
    {
        var (staff, documentKind, refusal) = AdminKind(request, kind);
        if (refusal is not null)
        {
            return refusal;
        }

        var language = RequestLanguage.From(request);
        var max = options.Value.MaxTemplateBytes;
        var content = await DocumentHttp.ReadBodyAsync(request, max, cancellationToken);
        if (content is null)
        {
            return DocumentHttp.TooLarge(max, language);
        }

        var problems = await templates.UploadAsync(documentKind!, content, staff!.Name, cancellationToken);
        if (problems.Count > 0)
        {
            LogRefused(logger, documentKind!.Info.Code, problems[0].Kind);
            return Refused(problems, language);
        }

        LogReplaced(logger, documentKind!.Info.Code);
        return new OkObjectResult(TemplateJson(documentKind, await templates.CurrentAsync(documentKind, cancellationToken)));
    }

    /// <summary><c>DELETE /api/documents/templates/{kind}</c>: the shipped template applies again. 204.</summary>
    [Function(nameof(ResetTemplate))]
    public async Task<IActionResult> ResetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken)
    {
        var (_, documentKind, refusal) = AdminKind(request, kind);
        if (refusal is not null)
        {
            return refusal;
        }

        await templates.ResetAsync(documentKind!, cancellationToken);
        return new NoContentResult();
    }

    /// <summary>The admin and the kind, or the 401, 403 or 404 to answer.</summary>
    private (StaffPrincipal? Staff, IDocumentKind? Kind, IActionResult? Refusal) AdminKind(HttpRequest request, string kind)
    {
        var language = RequestLanguage.From(request);
        var staff = StaffAccess.Require(request, StaffRoles.Admin, out var denied);
        if (staff is null)
        {
            return (null, null, StaffAccess.Denied(denied, language));
        }

        var documentKind = catalog.Find(kind);
        return documentKind is null ? (staff, null, DocumentHttp.UnknownKind(catalog, language)) : (staff, documentKind, null);
    }

    /// <summary>400 with every problem under <c>errors.template</c>, and the placeholders at fault under <c>placeholders</c>.</summary>
    private static IActionResult Refused(IReadOnlyList<TemplateProblem> problems, Language language)
    {
        var en = language == Language.English;
        var messages = problems.Select(p => p.Message(language)).ToList();
        return Problems.Extended(StatusCodes.Status400BadRequest,
            en ? "The template is not valid." : "Mẫu văn bản chưa hợp lệ.",
            messages[0],
            new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, IReadOnlyList<string>> { ["template"] = messages },
                ["problems"] = problems.Select(p => new { kind = Code(p.Kind), subject = p.Subject }).ToList(),
            });
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

    private static object TemplateJson(IDocumentKind kind, CurrentTemplate current) => new
    {
        kind = kind.Info.Code,
        source = current.IsUploaded ? "uploaded" : "shipped",
        sha256 = current.Sha256,
        size = current.Content.Length,
        uploadedBy = current.UploadedBy,
        uploadedAt = current.UploadedAt,
        url = $"/api/documents/templates/{kind.Info.Code}",
    };

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Template of {Kind} replaced by an upload")]
    private static partial void LogReplaced(ILogger logger, string kind);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Template upload for {Kind} refused ({Problem})")]
    private static partial void LogRefused(ILogger logger, string kind, TemplateProblemKind problem);
}
