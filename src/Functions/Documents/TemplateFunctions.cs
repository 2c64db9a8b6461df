using KhuyenCong.Application.Documents;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Documents;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Functions.Documents;

/// <summary>
/// Document templates (docs/documents.md): the kinds and their placeholders, each kind's current template, an admin's
/// replacement (refused with 400 naming the placeholder or the problem, nothing stored) and the way back to the shipped
/// one. Administrators only, through the staff-route prologue (<see cref="StaffEndpoint"/>).
/// </summary>
public sealed partial class TemplateFunctions(
    DocumentCatalog catalog,
    DocumentTemplates templates,
    StaffEndpoint staff,
    IOptions<DocumentsOptions> options,
    ILogger<TemplateFunctions> logger)
{
    /// <summary>The declared types a raw template may come as (its content decides what it is).</summary>
    private static readonly string[] TemplateMediaTypes = [ProposalDocuments.DocxContentType, "application/octet-stream"];

    /// <summary><c>GET /api/documents/templates</c>: every kind, its placeholders (required or not, described) and its current template.</summary>
    [Function(nameof(ListTemplates))]
    public Task<IActionResult> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/documents/templates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Admin, async _ => new OkObjectResult(await KindsAsync(cancellationToken)));

    /// <summary><c>GET /api/documents/templates/{kind}</c>: the kind's current template (.docx); header <c>X-Template-Source</c> says which.</summary>
    [Function(nameof(GetTemplate))]
    public Task<IActionResult> GetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, StaffRoles.Admin, c => WithKindAsync(c, kind, async documentKind =>
        {
            var current = await templates.CurrentAsync(documentKind, cancellationToken);
            c.Http.HttpContext.Response.Headers["X-Template-Source"] = current.Source;
            return AttachmentDownload.Result(c.Http, $"mau-{documentKind.Info.FileStem}.docx", ProposalDocuments.DocxContentType, new MemoryStream(current.Content));
        }));

    /// <summary>
    /// <c>PUT /api/documents/templates/{kind}</c>, the .docx as the body or a multipart form's file: checked (a Word
    /// document without macros or OLE; every placeholder known and in place; every required one present) and then
    /// current. 400 naming each problem; nothing is stored then.
    /// </summary>
    [Function(nameof(PutTemplate))]
    public Task<IActionResult> PutTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken) =>
        staff.FileAsync(request, StaffRoles.Admin, new StaffFileRule(options.Value.MaxTemplateBytes, TemplateMediaTypes),
            (c, content) => WithKindAsync(c, kind, documentKind => UploadAsync(c, documentKind, content, cancellationToken)), cancellationToken);

    /// <summary><c>DELETE /api/documents/templates/{kind}</c>: the shipped template applies again. 204.</summary>
    [Function(nameof(ResetTemplate))]
    public Task<IActionResult> ResetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/documents/templates/{kind}")] HttpRequest request,
        string kind,
        CancellationToken cancellationToken) =>
        staff.WriteAsync(request, StaffRoles.Admin, c => WithKindAsync(c, kind, async documentKind =>
        {
            await templates.ResetAsync(documentKind, cancellationToken);
            return new NoContentResult();
        }), cancellationToken);

    private Task<IActionResult> WithKindAsync(StaffRequest c, string kind, Func<IDocumentKind, Task<IActionResult>> handle) =>
        catalog.Find(kind) is { } documentKind ? handle(documentKind) : Task.FromResult(DocumentAnswers.UnknownKind(catalog, c.Language));

    private async Task<IActionResult> UploadAsync(StaffRequest c, IDocumentKind kind, byte[] content, CancellationToken cancellationToken)
    {
        var problems = await templates.UploadAsync(kind, content, c.Staff.Actor, cancellationToken);
        if (problems.Count > 0)
        {
            LogRefused(logger, kind.Info.Code, problems[0].Kind);
            return Refused(problems, c.Language);
        }

        LogReplaced(logger, kind.Info.Code);
        return new OkObjectResult(TemplateJson(kind, await templates.CurrentAsync(kind, cancellationToken)));
    }

    private async Task<List<object>> KindsAsync(CancellationToken cancellationToken)
    {
        var list = new List<object>();
        foreach (var kind in catalog.All)
        {
            var set = DocumentCatalog.PlaceholdersOf(kind);
            list.Add(new
            {
                kind = kind.Info.Code,
                name = kind.Info.Vietnamese,
                nameEn = kind.Info.English,
                template = TemplateJson(kind, await templates.CurrentAsync(kind, cancellationToken)),
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
    private static IActionResult Refused(IReadOnlyList<TemplateProblem> problems, Language language)
    {
        var messages = problems.Select(p => p.Message(language)).ToList();
        return Problems.Extended(StatusCodes.Status400BadRequest, new Bilingual("Mẫu văn bản chưa hợp lệ.", "The template is not valid.").In(language), messages[0],
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
